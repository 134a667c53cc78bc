package io.github.scratchnet.data;

import java.nio.file.Path;

/**
 * Loads MNIST as {@link Dataset}s: 784 pixel features scaled to [0, 1], 10 classes. The 60000
 * training images are shuffled with the seed and cut into 48000 for training and 12000 for
 * validation (by {@link Dataset#split}), so the same seed always gives the same parts; the 10000
 * test images stay apart, in file order. The sizes hold for Fashion-MNIST too; {@link DataSetKind}
 * loads either.
 */
public final class Mnist {
    public static final int ROWS = 28;
    public static final int COLS = 28;
    public static final int FEATURES = ROWS * COLS;
    public static final int CLASSES = 10;
    public static final int TRAIN_SIZE = 48_000;
    public static final int VALIDATION_SIZE = 12_000;
    public static final int TEST_SIZE = 10_000;

    private Mnist() {}

    /** {@link DataSetKind#load(Path, long) DataSetKind.MNIST.load(dataDir, seed)}. */
    public static MnistSplits load(Path dataDir, long seed) {
        return DataSetKind.MNIST.load(dataDir, seed);
    }

    /** {@link DataSetKind#load(Path, long, int) DataSetKind.MNIST.load(dataDir, seed, maxTrain)}. */
    public static MnistSplits load(Path dataDir, long seed, int maxTrain) {
        return DataSetKind.MNIST.load(dataDir, seed, maxTrain);
    }
}
