package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.StopReason;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import io.github.scratchnet.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep engine on {@value SmallMnist#TRAIN}-image MNIST subsets, one or two epochs per run. */
class SweepTest {
    @TempDir Path dir;

    /** Learns something in two epochs of 2000 images and checks often enough to have a history. */
    static final TrainConfig BASE = TrainConfig.report(64, 1).toBuilder().learningRate(0.05).maxEpochs(2).evalEvery(10).build();

    /** Remembers what the sweep reported. */
    static final class Recorder implements SweepListener {
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<String> finished = new CopyOnWriteArrayList<>();
        final List<String> reused = new CopyOnWriteArrayList<>();
        final List<String> discarded = new CopyOnWriteArrayList<>();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public void runStarted(String runId, TrainConfig config) {
            started.add(runId);
        }

        @Override
        public void check(String runId, Check check) {
            checks.incrementAndGet();
        }

        @Override
        public void runFinished(SweepRun run) {
            finished.add(run.id());
        }

        @Override
        public void runReused(SweepRun run) {
            reused.add(run.id());
        }

        @Override
        public void runDiscarded(String runId, String reason) {
            discarded.add(runId + ": " + reason);
        }
    }

    private Sweep.Builder sweep() {
        return Sweep.builder().data(SmallMnist.loader()).parallelism(2);
    }

    @Test
    void parallelGivesTheSameNumbersAsSequentialBitForBit() {
        List<TrainConfig> configs = SweepGrid.of(BASE).batchSizes(32, 128)
                .batchNorm(BatchNormMode.OFF, BatchNormMode.FULL).seeds(1, 2).configs();
        SweepResult sequential = sweep().parallelism(1).build().run(configs);
        SweepResult parallel = sweep().parallelism(2).build().run(configs);
        assertEquals(configs.size(), parallel.size());
        for (int i = 0; i < configs.size(); i++) {
            SweepRun a = sequential.get(i);
            SweepRun b = parallel.get(i);
            assertEquals(configs.get(i), b.config(), "input order");
            assertEquals(withoutTime(a.summary()), withoutTime(b.summary()), a.id());
            assertEquals(a.history().size(), b.history().size(), a.id());
            assertTrue(a.history().size() >= 3, "a history to compare: " + a.history().size());
            for (int k = 0; k < a.history().size(); k++) {
                assertEquals(withoutSeconds(a.history().get(k)), withoutSeconds(b.history().get(k)), a.id() + " check " + k);
            }
            assertArrayEquals(weights(a.network()), weights(b.network()), 0, a.id());
            assertTrue(b.runFile().isEmpty() && b.modelFile().isEmpty(), "in memory: no files");
        }
        assertTrue(parallel.runsCsv().isEmpty() && parallel.checksCsv().isEmpty());
    }

    @Test
    void writesEveryRunAndResumingAFinishedSweepRecomputesNothing() throws IOException {
        List<TrainConfig> configs = SweepGrid.of(BASE).batchSizes(64, 128).seeds(1, 2).configs();
        Recorder first = new Recorder();
        SweepResult a = sweep().outputDir(dir).listener(first).build().run(configs);
        assertEquals(4, first.started.size());
        assertEquals(4, first.finished.size());
        assertTrue(first.checks.get() > 0);
        for (SweepRun r : a) {
            assertEquals(dir.resolve("runs").resolve(r.id() + ".json"), r.runFile().orElseThrow());
            assertTrue(Files.isRegularFile(r.modelFile().orElseThrow()));
        }
        assertEquals(5, Files.readAllLines(dir.resolve("runs.csv")).size(), "header and four runs");
        int checks = a.runs().stream().mapToInt(r -> r.history().size()).sum();
        assertEquals(checks + 1, Files.readAllLines(dir.resolve("checks.csv")).size(), "header and every check");
        Map<Path, FileTime> times = snapshot(dir.resolve("runs"));
        Map<Path, byte[]> bytes = contents(dir.resolve("runs"));

        Recorder second = new Recorder();
        SweepResult b = sweep().outputDir(dir).listener(second).build().run(configs);
        assertEquals(List.of(), second.started, "nothing recomputed");
        assertEquals(4, second.reused.size());
        assertEquals(4, b.reusedCount());
        assertEquals(times, snapshot(dir.resolve("runs")));
        for (Map.Entry<Path, byte[]> e : contents(dir.resolve("runs")).entrySet()) {
            assertArrayEquals(bytes.get(e.getKey()), e.getValue(), e.getKey().toString());
        }
        for (int i = 0; i < configs.size(); i++) {
            assertTrue(b.get(i).reused());
            assertEquals(a.get(i).summary(), b.get(i).summary(), "read back exactly, train time included");
            assertEquals(a.get(i).history(), b.get(i).history());
            assertArrayEquals(weights(a.get(i).network()), weights(b.get(i).network()), 0, "lazily loaded network");
        }
        assertEquals(io.github.scratchnet.stats.SeedSummary.of(a.runsTable(), List.of(ResultsStore.BATCH_SIZE, ResultsStore.TEST_ACCURACY)).toString(), io.github.scratchnet.stats.SeedSummary.of(b.runsTable(), List.of(ResultsStore.BATCH_SIZE, ResultsStore.TEST_ACCURACY)).toString());
        assertEquals(2, io.github.scratchnet.stats.SeedSummary.of(b.runsTable(), List.of(ResultsStore.BATCH_SIZE, ResultsStore.TEST_ACCURACY)).rowCount(), "two configurations, two seeds each");
        assertEquals(4, b.runsTable().rowCount());
        assertEquals(a.checksTable().rowCount(), b.checksTable().rowCount());
    }

    @Test
    void aFolderOfRunsOnOneDataSetIsNotResumedWithTheOther() {
        TrainConfig one = BASE.toBuilder().maxEpochs(1).build();
        sweep().outputDir(dir).build().run(one);
        Recorder other = new Recorder();
        // Run ids do not name the data set: without the check the MNIST run would be reused.
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> Sweep.builder()
                .data(io.github.scratchnet.data.DataSetKind.FASHION_MNIST, SmallMnist.loader())
                .outputDir(dir).listener(other).build().run(one));
        assertEquals("the sweep folder " + dir + " holds runs on MNIST, not Fashion-MNIST; give each data set its own"
                + " output folder", e.getMessage());
        assertEquals(List.of(), other.reused);
        assertEquals(1, sweep().outputDir(dir).build().run(one).reusedCount(), "the same data set resumes");
    }

    @Test
    void theTablesListEveryRunFileInTheFolderTheirOwnRunsFirst() throws IOException {
        TrainConfig a = BASE.toBuilder().maxEpochs(1).batchSize(64).build();
        TrainConfig b = a.toBuilder().batchSize(128).build();
        sweep().outputDir(dir).build().run(a);
        // a stale temporary file of another process sharing the folder: left alone by a shared sweep
        Path temp = Files.writeString(dir.resolve("runs").resolve(".x.json.1f.tmp"), "half");
        Files.writeString(dir.resolve("runs").resolve("junk.json"), "{");
        sweep().outputDir(dir).sharedFolder(true).build().run(b);
        assertTrue(Files.exists(temp), "a shared folder's temporary files are not this sweep's to remove");
        List<String> ids = ResultsStore.read(dir.resolve("runs.csv")).stringColumn(ResultsStore.RUN_ID).asList();
        assertEquals(List.of(RunId.of(b), RunId.of(a)), ids, "this sweep's run, then the other run file present");
        assertEquals(List.of(RunId.of(b), RunId.of(a)),
                ResultsStore.read(dir.resolve("checks.csv")).stringColumn(ResultsStore.RUN_ID).unique().asList());

        sweep().outputDir(dir).build().run(a, b);
        assertFalse(Files.exists(temp), "an unshared sweep cleans up");
        assertEquals(List.of(RunId.of(a), RunId.of(b)),
                ResultsStore.read(dir.resolve("runs.csv")).stringColumn(ResultsStore.RUN_ID).asList());
    }

    @Test
    void damagedRunFilesAreRecomputedAndSaidSo() throws IOException {
        List<TrainConfig> configs = SweepGrid.of(BASE).batchSizes(64, 128, 256).configs();
        SweepResult a = sweep().outputDir(dir).build().run(configs);
        Path json = a.get(0).runFile().orElseThrow();
        byte[] whole = Files.readAllBytes(json);
        Files.write(json, Arrays.copyOf(whole, whole.length / 2));
        Files.delete(a.get(1).modelFile().orElseThrow());

        Recorder r = new Recorder();
        SweepResult b = sweep().outputDir(dir).listener(r).build().run(configs);
        assertEquals(2, r.discarded.size(), r.discarded.toString());
        assertTrue(r.discarded.get(0).contains("not valid JSON"), r.discarded.get(0));
        assertTrue(r.discarded.get(1).contains("model file") && r.discarded.get(1).contains("missing"), r.discarded.get(1));
        assertEquals(List.of(a.get(2).id()), r.reused);
        assertEquals(2, b.computedCount());
        for (int i = 0; i < 3; i++) assertEquals(withoutTime(a.get(i).summary()), withoutTime(b.get(i).summary()));
        assertTrue(Files.size(json) > whole.length / 2, "rewritten whole");
    }

    @Test
    void anAbsurdLearningRateDivergesAtOnceAndTheSweepGoesOn() throws IOException {
        TrainConfig absurd = BASE.toBuilder().learningRate(1e6).build();
        SweepResult r = sweep().outputDir(dir).build().run(absurd, BASE);
        SweepRun diverged = r.get(0);
        assertEquals(StopReason.DIVERGED, diverged.stopReason());
        assertEquals("diverged", diverged.summary().stopReason());
        assertTrue(diverged.summary().iterations() <= 3, "steps before divergence: " + diverged.summary().iterations());
        assertNotEquals(StopReason.DIVERGED, r.get(1).stopReason());
        assertTrue(r.get(1).summary().validationAccuracy() > 0.2, "the other run learned: " + r.get(1));
        String json = Files.readString(diverged.runFile().orElseThrow());
        assertTrue(json.contains("\"stop_reason\": \"diverged\""), json);
        List<String> csv = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).contains(",diverged,") && csv.get(1).contains(diverged.id()), csv.get(1));
    }

    @Test
    void loadsEachSplitOnceEvenInParallel() {
        Map<Long, AtomicInteger> loads = new ConcurrentHashMap<>();
        List<TrainConfig> configs = new java.util.ArrayList<>();
        for (long split : new long[] {1, 2}) {
            // seeds 1 to 3 on one split: the split's data is loaded once for all of them
            configs.addAll(SweepGrid.of(BASE.toBuilder().maxEpochs(1).splitSeed(split).build()).batchSizes(256, 512)
                    .seeds(1, 2, 3).configs());
        }
        SweepResult r = Sweep.builder().parallelism(2).data(seed -> {
            loads.computeIfAbsent(seed, s -> new AtomicInteger()).incrementAndGet();
            return SmallMnist.load(seed, SmallMnist.TRAIN);
        }).build().run(configs);
        assertEquals(12, r.size());
        assertEquals(Map.of(1L, 1, 2L, 1), Map.of(1L, loads.get(1L).get(), 2L, loads.get(2L).get()));
    }

    @Test
    void interruptingTheCallerStopsPromptlyKeepsFinishedRunsAndLeavesNoTemporaryFile() throws Exception {
        TrainConfig quick = BASE.toBuilder().batchSize(500).maxEpochs(1).build();
        // Minutes of work: only an interrupt ends it within the test.
        TrainConfig slow = BASE.toBuilder().batchSize(1).maxEpochs(100).patience(0).build();
        CountDownLatch slowIsTraining = new CountDownLatch(1);
        SweepListener listener = new SweepListener() {
            @Override
            public void check(String runId, Check check) {
                if (runId.equals(RunId.of(slow))) slowIsTraining.countDown();
            }
        };
        Sweep sweep = sweep().parallelism(1).outputDir(dir).listener(listener).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                sweep.run(quick, slow, slow.toBuilder().seed(2).build());
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        }, "notebook-cell");
        caller.start();
        assertTrue(slowIsTraining.await(60, TimeUnit.SECONDS), "the slow run started");
        caller.interrupt();
        caller.join(10_000);
        assertFalse(caller.isAlive(), "the sweep stopped");
        assertInstanceOf(CancellationException.class, thrown.get());
        assertTrue(thrown.get().getMessage().contains("1 of 3"), thrown.get().getMessage());
        assertTrue(stillInterrupted.get(), "the interrupt flag stays set");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("sweep-worker") && t.isAlive()), "no worker left running");
        String id = RunId.of(quick);
        try (Stream<Path> files = Files.list(dir.resolve("runs"))) {
            assertEquals(List.of(id + ".json", id + ".npz"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("checks.csv", "runs", "runs.csv"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(2, Files.readAllLines(dir.resolve("runs.csv")).size());
    }

    @Test
    void aRunThatCannotTrainStopsTheSweepWithItsMessageAndKeepsTheFinishedOnes() {
        TrainConfig tooBig = BASE.toBuilder().batchSize(SmallMnist.TRAIN + 1).build();
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> sweep().parallelism(1).outputDir(dir).build().run(BASE, tooBig));
        assertTrue(e.getMessage().contains("larger than the training set"), e.getMessage());
        assertTrue(Files.isRegularFile(dir.resolve("runs").resolve(RunId.of(BASE) + ".json")));
    }

    @Test
    void gridIsTheCartesianProductSeedsOutermost() {
        List<TrainConfig> c = SweepGrid.of(BASE).batchSizes(16, 32).l2(0, 0.05).seeds(1, 2).configs();
        assertEquals(8, c.size());
        assertEquals(BASE.toBuilder().batchSize(16).l2(0).seed(1).build(), c.get(0));
        assertEquals(BASE.toBuilder().batchSize(32).l2(0).seed(1).build(), c.get(1));
        assertEquals(BASE.toBuilder().batchSize(16).l2(0.05).seed(1).build(), c.get(2));
        assertEquals(BASE.toBuilder().batchSize(16).l2(0).seed(2).build(), c.get(4));
        assertEquals(2, SweepGrid.of(BASE).batchSizes(16, 16, 32).configs().size(), "duplicates dropped");
        assertThrows(ScratchnetException.class, () -> SweepGrid.of(BASE).batchSizes(0).configs());
    }

    static RunSummary withoutTime(RunSummary s) {
        return new RunSummary(s.batchSize(), s.batchNorm(), s.lambda(), s.seed(), s.epochs(), s.iterations(), 0,
                s.trainCost(), s.trainAccuracy(), s.validationCost(), s.validationAccuracy(), s.testAccuracy(),
                s.stopReason());
    }

    static Check withoutSeconds(Check c) {
        return new Check(c.step(), c.epoch(), c.trainCost(), c.validationCost(), c.validationAccuracy(), 0);
    }

    @Test
    void configurationsThatDifferOnlyInTheStoppingRuleShareOneTrajectory() {
        TrainConfig report = BASE.toBuilder().maxEpochs(4).learningRate(0.3).evalEvery(2).patience(2).build();
        TrainConfig patient = report.toBuilder().patience(20).restoreBest(true).build();
        TrainConfig other = report.toBuilder().batchSize(128).build();
        List<List<TrainConfig>> t = Trajectories.of(List.of(report, other, patient, report.toBuilder().patience(0).build()));
        assertEquals(List.of(List.of(report.toBuilder().patience(0).build(), report, patient), List.of(other)), t,
                "the most patient first (patience 0 never stops), groups in order of first appearance");

        Recorder rec = new Recorder();
        SweepResult shared = sweep().listener(rec).build().run(report, patient);
        assertEquals(2, rec.finished.size());
        for (TrainConfig c : List.of(report, patient)) {
            MnistSplitsHolder d = new MnistSplitsHolder(c.seed());
            TrainingResult alone = new Trainer(c, 1).fit(d.train, d.validation, d.test);
            SweepRun r = shared.get(c);
            RunSummary a = RunSummary.of(alone);
            assertEquals(new RunSummary(a.batchSize(), a.batchNorm(), a.lambda(), a.seed(), a.epochs(), a.iterations(), 0,
                    a.trainCost(), a.trainAccuracy(), a.validationCost(), a.validationAccuracy(), a.testAccuracy(), a.stopReason()),
                    new RunSummary(r.summary().batchSize(), r.summary().batchNorm(), r.summary().lambda(), r.summary().seed(),
                            r.summary().epochs(), r.summary().iterations(), 0, r.summary().trainCost(), r.summary().trainAccuracy(),
                            r.summary().validationCost(), r.summary().validationAccuracy(), r.summary().testAccuracy(),
                            r.summary().stopReason()), c.toString());
            assertEquals(alone.history().stream().map(SweepTest::withoutSeconds).toList(),
                    r.history().stream().map(SweepTest::withoutSeconds).toList());
            assertArrayEquals(weights(alone.network()), weights(r.network()), 0, c.toString());
        }
        assertTrue(shared.get(report).summary().iterations() < shared.get(patient).summary().iterations(),
                "the one-check rule stopped first: " + shared.get(report) + " / " + shared.get(patient));
    }

    /** One seed's small MNIST, as the sweep's loader gives it. */
    static final class MnistSplitsHolder {
        final io.github.scratchnet.data.Dataset train, validation, test;

        MnistSplitsHolder(long seed) {
            io.github.scratchnet.data.MnistSplits s = SmallMnist.loader().apply(seed);
            train = s.train();
            validation = s.validation();
            test = s.test();
        }
    }

    static double[] weights(Network net) {
        double[] all = new double[0];
        for (int l = 1; l <= net.layers(); l++) {
            double[] w = net.parameters().wt(l).data;
            double[] b = net.parameters().b(l).data;
            double[] next = Arrays.copyOf(all, all.length + w.length + b.length);
            System.arraycopy(w, 0, next, all.length, w.length);
            System.arraycopy(b, 0, next, all.length + w.length, b.length);
            all = next;
        }
        return all;
    }

    private static Map<Path, FileTime> snapshot(Path d) throws IOException {
        Map<Path, FileTime> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(d)) {
            for (Path p : files.toList()) m.put(p, Files.getLastModifiedTime(p));
        }
        return m;
    }

    private static Map<Path, byte[]> contents(Path d) throws IOException {
        Map<Path, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(d)) {
            for (Path p : files.toList()) m.put(p, Files.readAllBytes(p));
        }
        return m;
    }
}
