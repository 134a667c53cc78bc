package io.github.scratchnet.cli;

import com.google.gson.GsonBuilder;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.bench.BenchResult;
import io.github.scratchnet.bench.Benchmark;
import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.experiment.MnistData;
import io.github.scratchnet.nn.Kernels;
import io.github.scratchnet.train.Setting;
import io.github.scratchnet.train.TrainConfig;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the reference workload (MNIST, or Fashion-MNIST with {@code --dataset}, 48000 / 12000, [784,20,7,5,10], SGD 0.009, a full
 * validation check every 100 steps), one untimed warm-up epoch, then timed epochs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, modelTransformer = SettingOptions.Bench.class,
        description = "Time epochs of the reference workload (see lib/PERFORMANCE.md).")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    DataSetOptions data;

    @Option(names = "--epochs", paramLabel = "E", description = "timed epochs (default: ${DEFAULT-VALUE})")
    int epochs = 3;

    @Option(names = "--warmup", paramLabel = "E", description = "untimed warm-up epochs (default: ${DEFAULT-VALUE})")
    int warmup = 1;

    @Option(names = "--threads", paramLabel = "T", description = "threads (default: available processors)")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "end with one JSON line holding the result")
    boolean json;

    @Override
    public Integer call() {
        // --batch-size, --seed (which splits the data too) and --protocol, checked as train checks them
        TrainConfig given = SettingOptions.config(spec);
        if (epochs <= 0) throw new ScratchnetException("--epochs must be positive, got " + epochs);
        if (warmup < 0) throw new ScratchnetException("--warmup must be zero or positive, got " + warmup);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t <= 0) throw new ScratchnetException("--threads must be positive, got " + t);
        MnistSplits splits = MnistData.loader(data.dataSet(), data.dataDir(), given.protocol().split(), Mnist.TRAIN_SIZE)
                .apply(given.splitSeed());
        BenchResult r = Benchmark.run(splits.train(), splits.validation(), given.batchSize(), warmup, epochs, t,
                given.seed(), given.protocol(), given.optimizer());
        PrintStream out = System.out;
        out.printf("batch %d, %d thread(s), %s: %.4f s/epoch (validation %.4f s), epochs %s, val acc %.4f%n",
                r.batchSize(), r.threads(), Kernels.describe(), r.secondsPerEpoch(), r.validationSecondsPerEpoch(),
                r.epochSeconds(), r.validationAccuracy());
        if (json) {
            Map<String, Object> line = r.toJson();
            line.put("dataset", data.dataSet().label());
            line.put(Setting.PROTOCOL.fileKey(), Setting.PROTOCOL.text(given));
            if (!Setting.OPTIMIZER.isLegacy(given)) line.put(Setting.OPTIMIZER.fileKey(), Setting.OPTIMIZER.text(given));
            out.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(line));
        }
        return 0;
    }
}
