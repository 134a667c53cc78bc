package io.github.scratchnet.experiment;

import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/** Small MNIST subsets for the tests, loaded once per seed and size in the whole test JVM. */
public final class SmallMnist {
    public static final int TRAIN = 2000;
    private static final Map<String, MnistSplits> CACHE = new ConcurrentHashMap<>();

    private SmallMnist() {}

    public static Path dataDir() {
        return Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist"));
    }

    public static MnistSplits load(long seed, int maxTrain) {
        return CACHE.computeIfAbsent(seed + "/" + maxTrain, k -> Mnist.load(dataDir(), seed, maxTrain));
    }

    /** {@value #TRAIN} training images per seed. */
    public static LongFunction<MnistSplits> loader() {
        return seed -> load(seed, TRAIN);
    }
}
