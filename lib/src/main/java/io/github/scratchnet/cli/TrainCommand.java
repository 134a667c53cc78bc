package io.github.scratchnet.cli;

import io.github.scratchnet.IoErrors;
import com.google.gson.GsonBuilder;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.experiment.MnistData;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.nn.ModelFile;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Setting;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import io.github.scratchnet.train.TrainingListener;
import io.github.scratchnet.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: one run on MNIST or Fashion-MNIST, progress on stderr (a bar on a terminal, else a line per check), the result on stdout. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train one network on MNIST or Fashion-MNIST.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrainOptions options;

    @Option(names = "--save", paramLabel = "FILE.npz", description = "write the trained network as a NumPy .npz file")
    Path save;

    @Option(names = "--json", description = "end with one JSON line holding the result")
    boolean json;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        TrainConfig config = options.toConfig();
        PrintStream err = System.err;
        // Checked before loading and training, so a typo costs nothing and a finished run is never lost.
        config.requireFits(Mnist.FEATURES, Mnist.CLASSES, Mnist.TRAIN_SIZE);
        DataSetKind dataSet = options.dataSet();
        MnistData.requireFiles(dataSet, options.dataDir());
        if (save != null) checkSaveTarget(save);
        MnistSplits data = MnistData.loader(dataSet, options.dataDir(), config.protocol().split(), Mnist.TRAIN_SIZE)
                .apply(config.splitSeed());
        if (!quiet) err.println("training on " + dataSet.displayName() + ": " + config);
        long stepsPerEpoch = (data.train().size() + config.batchSize() - 1) / config.batchSize();
        Progress progress = Progress.create(quiet, "train", stepsPerEpoch * config.maxEpochs(), "steps");
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onCheck(Check c) {
                progress.status(String.format("epoch %3d  step %7d  batch cost %.4f  val cost %.4f  val acc %.4f  %.1fs",
                        c.epoch(), c.step(), c.trainCost(), c.validationCost(), c.validationAccuracy(), c.seconds()),
                        String.format("epoch %d  val acc %.4f", c.epoch(), c.validationAccuracy()));
                progress.stepTo(c.step());
            }

            @Override
            public void onEpochEnd(int epoch, long steps) {
                progress.stepTo(steps);
            }
        };
        int threads = Runtime.getRuntime().availableProcessors();
        TrainingResult result;
        try (progress) {
            result = new Trainer(config, threads).listener(listener).fit(data.train(), data.validation(), data.test());
        }
        if (save != null) ModelFile.save(result.network(), result.optimizer(), dataSet, save);
        RunSummary summary = RunSummary.of(result);
        PrintStream out = System.out;
        out.printf("stopped: %s after epoch %d, %d steps, %.1f s%n", summary.stopReason(), result.epochs(),
                result.iterations(), summary.trainTimeSeconds());
        out.printf("train cost %.4f acc %.4f | validation cost %.4f acc %.4f | test acc %.4f%n",
                summary.trainCost(), summary.trainAccuracy(), summary.validationCost(),
                summary.validationAccuracy(), summary.testAccuracy());
        if (save != null) out.println("saved " + save);
        if (json) {
            Map<String, Object> line = summary.toJson();
            line.put(Setting.PROTOCOL.fileKey(), Setting.PROTOCOL.text(config));
            line.put(Setting.ACTIVATION.fileKey(), Setting.ACTIVATION.text(config));
            if (!Setting.OPTIMIZER.isLegacy(config)) line.put(Setting.OPTIMIZER.fileKey(), Setting.OPTIMIZER.text(config));
            out.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(line));
        }
        return 0;
    }

    /** The folder of {@code --save} must exist (or be creatable) and the path must not be a folder. */
    private static void checkSaveTarget(Path file) {
        if (Files.isDirectory(file)) {
            throw new ScratchnetException("cannot save the model to " + file + ": it is a folder; give a file name"
                    + " such as model.npz");
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new ScratchnetException("cannot save the model to " + file + ": cannot create the folder " + parent
                    + " (" + IoErrors.describe(e) + "); choose another --save path");
        }
        if (!Files.isWritable(parent)) {
            throw new ScratchnetException("cannot save the model to " + file + ": the folder " + parent
                    + " is not writable; choose another --save path");
        }
    }
}
