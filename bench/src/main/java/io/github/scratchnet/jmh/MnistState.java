package io.github.scratchnet.jmh;

import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import java.nio.file.Files;
import java.nio.file.Path;

/** MNIST loaded once per JVM (every benchmark fork loads it again). */
final class MnistState {
    private static MnistSplits splits;

    private MnistState() {}

    /**
     * The 48000 / 12000 / 10000 split of seed 1, from {@code -Dscratchnet.dataDir}, else the first
     * of {@code data/mnist} and {@code ../data/mnist} that exists.
     */
    static synchronized MnistSplits get() {
        if (splits == null) {
            String dir = System.getProperty("scratchnet.dataDir");
            Path path = dir != null ? Path.of(dir)
                    : Files.isDirectory(Path.of("data/mnist")) ? Path.of("data/mnist") : Path.of("../data/mnist");
            splits = Mnist.load(path, 1);
        }
        return splits;
    }
}
