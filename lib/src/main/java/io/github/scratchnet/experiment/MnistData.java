package io.github.scratchnet.experiment;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistFiles;
import io.github.scratchnet.data.MnistSplits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * MNIST for sweeps: per-seed loaders for {@link Sweep.Builder#data}, and checks that catch a
 * missing folder or a configuration that cannot fit MNIST before anything starts.
 */
public final class MnistData {
    private MnistData() {}

    /** The full 48000 / 12000 / 10000 split of each seed ({@link Mnist#load(Path, long)}). */
    public static LongFunction<MnistSplits> loader(Path dataDir) {
        return seed -> Mnist.load(dataDir, seed);
    }

    /** {@link Mnist#load(Path, long, int)}: {@code maxTrain} training images, a quarter as many for validation and test. */
    public static LongFunction<MnistSplits> loader(Path dataDir, int maxTrain) {
        trainSize(maxTrain);
        return seed -> Mnist.load(dataDir, seed, maxTrain);
    }

    /** The number of training images {@link #loader(Path, int)} gives. */
    public static int trainSize(int maxTrain) {
        if (maxTrain < 1) {
            throw new ScratchnetException("cannot train on " + maxTrain + " MNIST images; ask for at least 1 (at most "
                    + Mnist.TRAIN_SIZE + ")");
        }
        return Math.min(maxTrain, Mnist.TRAIN_SIZE);
    }

    /**
     * Fails with a one-line message unless {@code dataDir} holds the four MNIST files (plain or
     * {@code .gz}). An empty existing folder passes: {@link Mnist#load} fetches into it. Meant
     * for the command line, which should say {@code make data} rather than start a download
     * into a folder that was probably mistyped.
     */
    public static void requireFiles(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new ScratchnetException("MNIST folder " + dataDir + (Files.exists(dataDir) ? " is not a folder" : " does not exist")
                    + "; run `make data` to fetch MNIST, or point --data-dir at the folder that holds it");
        }
        List<String> missing = new ArrayList<>();
        for (String name : MnistFiles.NAMES) {
            if (!Files.isRegularFile(dataDir.resolve(name)) && !Files.isRegularFile(dataDir.resolve(name + ".gz"))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty() && missing.size() < MnistFiles.NAMES.size()) {
            throw new ScratchnetException("MNIST folder " + dataDir + " lacks " + String.join(", ", missing)
                    + "; run `make data` to fetch MNIST again");
        }
    }
}
