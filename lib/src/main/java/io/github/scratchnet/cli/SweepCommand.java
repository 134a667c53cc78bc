package io.github.scratchnet.cli;

import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.experiment.ResultsStore;
import io.github.scratchnet.stats.SeedSummary;
import io.github.scratchnet.experiment.MnistData;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.experiment.Shard;
import io.github.scratchnet.experiment.Sweep;
import io.github.scratchnet.experiment.SweepGrid;
import io.github.scratchnet.experiment.SweepListener;
import io.github.scratchnet.experiment.SweepResult;
import tech.tablesaw.api.Table;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Setting;
import io.github.scratchnet.train.TrainConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: the Cartesian product of a few hyper-parameter lists, trained in parallel with
 * {@link Sweep}; every finished run is kept in {@code --out}, and running the same command again
 * resumes. Progress on stderr, the summary table on stdout.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = SettingOptions.Lists.class,
        description = {"Train every combination of the listed hyper-parameters on MNIST or Fashion-MNIST, in parallel.",
            "Finished runs are kept in --out (runs/<id>.json and .npz, runs.csv, checks.csv); running the same command "
                    + "again reuses them and computes only the rest, so a stopped sweep resumes.",
            "With --shard K/N, N processes (e.g. a job array) share one sweep and one --out; the same command without "
                    + "--shard afterwards reuses every run and writes the complete tables."})
public final class SweepCommand implements Callable<Integer> {
    @Mixin
    TrainOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--parallel", paramLabel = "N", description = "runs trained at once (default: ${DEFAULT-VALUE}, the processors)")
    int parallel = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("results/sweep");

    @Option(names = "--label", paramLabel = "TEXT",
            description = "the Question column of runs.csv (default: the name of the --out folder)")
    String label;

    @Option(names = "--max-train", paramLabel = "N",
            description = "train on the first N training images only, validate and test on N/4 (for quick trials)")
    Integer maxTrain;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "compute only the K-th of N disjoint slices of the runs (K = 1..N), into an --out the shards share")
    String shard;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        Shard slice = shard == null ? Shard.ALL : Shard.parse(shard);
        List<TrainConfig> all = configs();
        if (parallel < 1) throw new ScratchnetException("--parallel must be at least 1, got " + parallel);
        int trainSize = maxTrain == null ? Mnist.TRAIN_SIZE : MnistData.trainSize(maxTrain);
        // Checked for every run up front: a sweep should not fail an hour in on its last batch size.
        for (TrainConfig c : all) c.requireFits(Mnist.FEATURES, Mnist.CLASSES, trainSize);
        MnistData.requireFiles(options.dataSet(), options.dataDir());
        createOutputFolder();
        List<TrainConfig> configs = slice.slice(all);
        if (configs.isEmpty()) {
            System.out.printf("sweep: shard %s has no runs (%d runs in all, fewer trajectories than shards)%n", slice,
                    all.size());
            return 0;
        }

        Progress progress = Progress.create(quiet, "sweep", configs.size(), "runs");
        Sweep sweep = Sweep.builder()
                .outputDir(out)
                .label(label)
                .parallelism(parallel)
                .sharedFolder(slice.count() > 1)
                .dataSet(options.dataSet(), options.dataDir(), maxTrain == null ? Mnist.TRAIN_SIZE : maxTrain)
                .listener(new Reporter(progress, configs.size()))
                .build();

        // Ctrl-C: interrupt the sweep and give it time to stop its workers, so finished runs are
        // on disk and no temporary file is left when the JVM goes down.
        Thread caller = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            caller.interrupt();
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // The JVM is going down anyway.
            }
        }, "sweep-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        SweepResult result;
        try {
            result = sweep.run(configs);
        } catch (CancellationException e) {
            Thread.interrupted();
            progress.close();
            System.err.println("stopped: " + e.getMessage());
            return 130;
        } finally {
            progress.close();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: the JVM exits right after this.
            }
        }
        print(result, slice, all.size(), System.out);
        return 0;
    }

    /**
     * The runs to do, from the list options and, where a list is absent, the single-value ones (a
     * seed given by neither is each protocol's default).
     */
    List<TrainConfig> configs() {
        for (Setting s : Setting.values()) s.listFlag().ifPresent(list -> notBoth(s.flag(), list));
        options.toConfig(); // the single values, checked before the lists
        SweepGrid grid = SweepGrid.of(options.builder());
        for (Setting s : Setting.values()) SettingOptions.list(spec, s).ifPresent(values -> grid.vary(s, values));
        return grid.configs();
    }

    private void notBoth(String single, String list) {
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption(single) && parsed.hasMatchedOption(list)) {
            throw new ScratchnetException("give either " + single + " or " + list + ", not both");
        }
    }

    private void createOutputFolder() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new ScratchnetException("cannot create the output folder " + out + " (" + IoErrors.describe(e)
                    + "); choose another --out");
        }
        if (!Files.isWritable(out)) {
            throw new ScratchnetException("cannot write to the output folder " + out + "; choose another --out");
        }
    }


    private void print(SweepResult result, Shard slice, int total, PrintStream o) {
        o.printf("sweep: %d runs (%d reused, %d computed) in %s%s%n", result.size(), result.reusedCount(),
                result.computedCount(), out, slice.count() == 1 ? ""
                        : String.format(" (shard %s: %d of the sweep's %d runs)", slice, result.size(), total));
        o.printf("%-40s %-15s %6s %8s %8s %9s%n", "run", "stop", "epochs", "val acc", "test acc", "time");
        for (SweepRun r : result) {
            RunSummary s = r.summary();
            o.printf("%-40s %-15s %6d %8.4f %8.4f %8.1fs%s%n", r.id(), s.stopReason(), s.epochs(),
                    s.validationAccuracy(), s.testAccuracy(), s.trainTimeSeconds(), r.reused() ? "  reused" : "");
        }
        o.println("runs: " + result.runsCsv().orElseThrow());
        o.println("checks: " + result.checksCsv().orElseThrow());
        if (result.runs().stream().map(r -> r.config().seed()).distinct().count() > 1) {
            List<String> columns = new ArrayList<>(List.of(ResultsStore.BATCH_SIZE, ResultsStore.BATCHNORM,
                    ResultsStore.LAMBDA, ResultsStore.PATIENCE, ResultsStore.VALIDATION_ACCURACY, ResultsStore.TEST_ACCURACY));
            if (result.runs().stream().map(r -> r.config().protocol()).distinct().count() > 1) columns.add(0, ResultsStore.PROTOCOL);
            Table byConfig = SeedSummary.of(result.runsTable(), columns);
            o.println("by configuration (mean and std over seeds):");
            byConfig.setName("by configuration, mean over seeds");
            o.println(byConfig.printAll());
        }
    }

    /** Turns sweep events into progress: bar position and status, or one short line each. */
    private static final class Reporter implements SweepListener {
        private final Progress progress;
        private final int total;
        private final AtomicInteger finished = new AtomicInteger();

        Reporter(Progress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        @Override
        public void runStarted(String runId, TrainConfig config) {
            progress.status("start  " + runId, brief(runId));
        }

        @Override
        public void check(String runId, Check c) {
            progress.status(String.format("%s  epoch %d  step %d  val acc %.4f", runId, c.epoch(), c.step(),
                    c.validationAccuracy()), String.format("%s e%d %.3f", brief(runId), c.epoch(), c.validationAccuracy()));
        }

        /** The id without its hash: enough to tell the runs of one sweep apart next to a bar. */
        private static String brief(String runId) {
            return runId.substring(0, runId.lastIndexOf('_'));
        }

        @Override
        public void runFinished(SweepRun run) {
            done("done  ", run);
        }

        @Override
        public void runReused(SweepRun run) {
            done("reused", run);
        }

        @Override
        public void runDiscarded(String runId, String reason) {
            progress.note("redo   " + runId + ": " + reason);
        }

        private synchronized void done(String what, SweepRun run) {
            int n = finished.incrementAndGet();
            progress.note(String.format("%s [%d/%d] %s  %s", what, n, total, run.id(), SweepListener.describe(run)));
            progress.stepTo(n);
            if (n == total) progress.status("", "");
        }
    }
}
