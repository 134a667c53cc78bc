package io.github.scratchnet.cli;

import com.google.gson.GsonBuilder;
import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.nn.ModelFile;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import io.github.scratchnet.train.TrainingListener;
import io.github.scratchnet.train.TrainingResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: one run on MNIST, progress on stderr, the result on stdout. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train one network on MNIST.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrainOptions options;

    @Option(names = "--save", paramLabel = "FILE.npz", description = "write the trained network as a NumPy .npz file")
    Path save;

    @Option(names = "--json", description = "end with one JSON line holding the result")
    boolean json;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Override
    public Integer call() {
        TrainConfig config = options.toConfig();
        PrintStream err = System.err;
        MnistSplits data = Mnist.load(options.dataDir(), config.seed());
        if (!quiet) err.println("training " + config);
        TrainingListener progress = quiet ? TrainingListener.NONE : new TrainingListener() {
            @Override
            public void onCheck(Check c) {
                err.printf("epoch %3d  step %7d  batch cost %.4f  val cost %.4f  val acc %.4f  %.1fs%n",
                        c.epoch(), c.step(), c.trainCost(), c.validationCost(), c.validationAccuracy(), c.seconds());
            }
        };
        int threads = Runtime.getRuntime().availableProcessors();
        TrainingResult result = new Trainer(config, threads).listener(progress)
                .fit(data.train(), data.validation(), data.test());
        if (save != null) ModelFile.save(result.network(), save);
        RunSummary summary = RunSummary.of(result);
        PrintStream out = System.out;
        out.printf("stopped: %s after epoch %d, %d steps, %.1f s%n", summary.stopReason(), summary.epochs(),
                summary.iterations(), summary.trainTimeSeconds());
        out.printf("train cost %.4f acc %.4f | validation cost %.4f acc %.4f | test acc %.4f%n",
                summary.trainCost(), summary.trainAccuracy(), summary.validationCost(),
                summary.validationAccuracy(), summary.testAccuracy());
        if (save != null) out.println("saved " + save);
        if (json) out.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(summary.toJson()));
        return 0;
    }
}
