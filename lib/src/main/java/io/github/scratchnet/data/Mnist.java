package io.github.scratchnet.data;

import io.github.scratchnet.ScratchnetException;
import java.nio.file.Path;

/**
 * Loads MNIST as {@link Dataset}s: 784 pixel features scaled to [0, 1], 10 classes. The 60000
 * training images are shuffled with the seed and cut into 48000 for training and 12000 for
 * validation (by {@link Dataset#split}), so the same seed always gives the same parts; the 10000
 * test images stay apart, in file order.
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

    /**
     * Fetches MNIST into {@code dataDir} if needed ({@link MnistFiles#ensure}) and returns the
     * 48000 / 12000 / 10000 parts.
     */
    public static MnistSplits load(Path dataDir, long seed) {
        MnistFiles.ensure(dataDir);
        Dataset all = read(dataDir, MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS);
        Dataset[] parts = all.split(TRAIN_SIZE, seed);
        Dataset test = read(dataDir, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS);
        return new MnistSplits(parts[0], parts[1], test);
    }

    /**
     * A small MNIST for quick runs and tests: the parts of {@link #load(Path, long)} with the same
     * seed, each cut to its first samples: {@code maxTrain} for training, and a quarter of that
     * (rounded up) for validation and for test, which keeps the 4:1 ratio of the full split.
     * With {@code maxTrain >= 48000} this is the full load.
     */
    public static MnistSplits load(Path dataDir, long seed, int maxTrain) {
        if (maxTrain < 1) {
            throw new ScratchnetException("cannot load " + maxTrain + " MNIST training samples; ask for at least 1"
                    + " (or up to " + TRAIN_SIZE + ")");
        }
        MnistSplits full = load(dataDir, seed);
        if (maxTrain >= TRAIN_SIZE) return full;
        int quarter = (maxTrain + 3) / 4;
        return new MnistSplits(full.train().head(maxTrain), full.validation().head(quarter), full.test().head(quarter));
    }

    private static Dataset read(Path dataDir, String images, String labels) {
        Dataset data = Idx.readDataset(dataDir.resolve(images), dataDir.resolve(labels), CLASSES);
        if (data.features() != FEATURES) {
            throw new ScratchnetException(dataDir.resolve(images) + " holds images of " + data.features()
                    + " pixels, MNIST's have " + FEATURES + " (28x28); delete it and run `make data` to fetch"
                    + " MNIST again");
        }
        return data;
    }
}
