package io.github.scratchnet.experiment;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.train.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * MNIST or Fashion-MNIST for sweeps: per-seed loaders for {@link Sweep.Builder#data}, and checks
 * that catch a missing folder or a configuration that cannot fit the data before anything starts.
 * The methods without a {@link DataSetKind} are MNIST's.
 */
public final class MnistData {
    private MnistData() {}

    /** The full 48000 / 12000 / 10000 split of each seed ({@link DataSetKind#load(Path, long)}). */
    public static LongFunction<MnistSplits> loader(DataSetKind set, Path dataDir) {
        return seed -> set.load(dataDir, seed);
    }

    /**
     * {@link DataSetKind#load(Path, long, int)}: {@code maxTrain} training images, a quarter as
     * many for validation and test.
     */
    public static LongFunction<MnistSplits> loader(DataSetKind set, Path dataDir, int maxTrain) {
        trainSize(maxTrain);
        return seed -> set.load(dataDir, seed, maxTrain);
    }

    /**
     * Per-seed loader of the parts {@code split} makes ({@link Protocol.Split}): the seeded
     * 48000 / 12000 split of {@link #loader(DataSetKind, Path, int)}, or the report's 38400 / 9600
     * ({@link DataSetKind#loadReportSplit}); {@code maxTrain} cuts each part as there.
     */
    public static LongFunction<MnistSplits> loader(DataSetKind set, Path dataDir, Protocol.Split split, int maxTrain) {
        trainSize(maxTrain);
        return switch (split) {
            case SEEDED -> seed -> set.load(dataDir, seed, maxTrain);
            case REPORT -> seed -> set.loadReportSplit(dataDir, seed, maxTrain);
        };
    }

    /** {@link #loader(DataSetKind, Path)} of MNIST. */
    public static LongFunction<MnistSplits> loader(Path dataDir) {
        return loader(DataSetKind.MNIST, dataDir);
    }

    /** {@link #loader(DataSetKind, Path, int)} of MNIST. */
    public static LongFunction<MnistSplits> loader(Path dataDir, int maxTrain) {
        return loader(DataSetKind.MNIST, dataDir, maxTrain);
    }

    /** The number of training images {@link #loader(DataSetKind, Path, int)} gives (the same for both data sets). */
    public static int trainSize(int maxTrain) {
        if (maxTrain < 1) {
            throw new ScratchnetException("cannot train on " + maxTrain + " images; ask for at least 1 (at most "
                    + Mnist.TRAIN_SIZE + ")");
        }
        return Math.min(maxTrain, Mnist.TRAIN_SIZE);
    }

    /**
     * Fails with a one-line message unless {@code dataDir} holds the four files of {@code set}
     * (plain or {@code .gz}). An empty existing folder passes: loading fetches into it. Meant for
     * the command line, which should say {@code make data} rather than start a download into a
     * folder that was probably mistyped.
     */
    public static void requireFiles(DataSetKind set, Path dataDir) {
        String name = set.displayName();
        if (!Files.isDirectory(dataDir)) {
            throw new ScratchnetException(name + " folder " + dataDir + (Files.exists(dataDir) ? " is not a folder" : " does not exist")
                    + "; run `make data` to fetch " + name + ", or point --data-dir at the folder that holds it");
        }
        List<String> missing = new ArrayList<>();
        for (String file : DataSetKind.FILE_NAMES) {
            if (!Files.isRegularFile(dataDir.resolve(file)) && !Files.isRegularFile(dataDir.resolve(file + ".gz"))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty() && missing.size() < DataSetKind.FILE_NAMES.size()) {
            throw new ScratchnetException(name + " folder " + dataDir + " lacks " + String.join(", ", missing)
                    + "; run `make data` to fetch " + name + " again");
        }
    }

    /** {@link #requireFiles(DataSetKind, Path)} of MNIST. */
    public static void requireFiles(Path dataDir) {
        requireFiles(DataSetKind.MNIST, dataDir);
    }
}
