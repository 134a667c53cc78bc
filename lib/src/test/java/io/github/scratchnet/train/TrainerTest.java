package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.nn.Parameters;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** Two noisy Gaussian blobs per class in 8 dimensions: learnable in a few epochs. */
    static Dataset blobs(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][8];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(3);
            for (int j = 0; j < 8; j++) x[i][j] = r.nextGaussian() * 0.5 + (j % 3 == y[i] ? 1.5 : 0);
        }
        return Dataset.fromRows(x, y, 3);
    }

    static TrainConfig small() {
        return TrainConfig.report(16, 5).toBuilder().layers(8, 6, 3).learningRate(0.05).maxEpochs(5).evalEvery(10).build();
    }

    @Test
    void oneAndTwoEvaluationThreadsGiveTheSameHistoryBitForBit() {
        for (BatchNormMode mode : BatchNormMode.values()) {
            TrainConfig c = small().toBuilder().batchNorm(mode).l2(0.1).build();
            TrainingResult a = new Trainer(c).fit(blobs(400, 1), blobs(100, 2), blobs(100, 3));
            TrainingResult b = new Trainer(c, 2).fit(blobs(400, 1), blobs(100, 2), blobs(100, 3));
            assertEquals(a.history().size(), b.history().size());
            for (int i = 0; i < a.history().size(); i++) {
                Check x = a.history().get(i);
                Check y = b.history().get(i);
                assertEquals(x.step(), y.step());
                assertEquals(Double.doubleToLongBits(x.trainCost()), Double.doubleToLongBits(y.trainCost()));
                assertEquals(Double.doubleToLongBits(x.validationCost()), Double.doubleToLongBits(y.validationCost()));
            }
            assertArrayEquals(a.network().parameters().wt(1).data, b.network().parameters().wt(1).data, 0);
            assertEquals(a.testAccuracy(), b.testAccuracy(), 0);
        }
    }

    @Test
    void sameSeedGivesTheSameHistoryBitForBitAndAnotherSeedDoesNot() {
        for (BatchNormMode mode : BatchNormMode.values()) {
            for (int threads : new int[] {1, 2}) {
                TrainConfig c = small().toBuilder().batchNorm(mode).l2(0.1).build();
                String what = mode + ", " + threads + " evaluation threads";
                TrainingResult a = new Trainer(c, threads).fit(blobs(400, 1), blobs(100, 2), blobs(100, 3));
                TrainingResult b = new Trainer(c, threads).fit(blobs(400, 1), blobs(100, 2), blobs(100, 3));
                assertTrue(a.history().size() > 1, what);
                assertArrayEquals(historyBits(a), historyBits(b), what);
                assertArrayEquals(a.network().parameters().wt(1).data, b.network().parameters().wt(1).data, 0, what);
                TrainingResult other = new Trainer(c.toBuilder().seed(c.seed() + 1).build(), threads)
                        .fit(blobs(400, 1), blobs(100, 2), blobs(100, 3));
                assertFalse(Arrays.equals(historyBits(a), historyBits(other)), what + ": another seed, the same history");
            }
        }
    }

    /** Every number of a history but the wall-clock seconds, as raw bits: step, epoch, costs, accuracy. */
    static long[] historyBits(TrainingResult r) {
        return r.history().stream().flatMapToLong(c -> LongStream.of(c.step(), c.epoch(),
                Double.doubleToRawLongBits(c.trainCost()), Double.doubleToRawLongBits(c.validationCost()),
                Double.doubleToRawLongBits(c.validationAccuracy()))).toArray();
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        TrainingResult a = new Trainer(small()).fit(blobs(400, 1), blobs(100, 2), null);
        TrainingResult b = new Trainer(small().toBuilder().seed(6).build()).fit(blobs(400, 1), blobs(100, 2), null);
        assertTrue(a.history().get(0).validationCost() != b.history().get(0).validationCost());
    }

    @Test
    void learnsASimpleProblem() {
        TrainingResult r = new Trainer(small().toBuilder().patience(0).build()).fit(blobs(800, 1), blobs(200, 2), blobs(200, 3));
        assertTrue(r.validationAccuracy() > 0.9, "validation accuracy " + r.validationAccuracy());
        assertTrue(r.testAccuracy() > 0.9, "test accuracy " + r.testAccuracy());
        assertEquals(StopReason.MAX_EPOCHS, r.stopReason());
        assertEquals(5, r.epochs());
        assertEquals(5 * 50, r.iterations());
        assertEquals(r.iterations() / 10, r.history().size());
    }

    @Test
    void oneCheckRuleStopsAtTheFirstCheckThatDoesNotImprove() {
        // A large learning rate makes the validation cost bounce, so the one-check rule fires early.
        TrainConfig c = small().toBuilder().learningRate(0.5).maxEpochs(50).patience(10).build();
        TrainingResult r = new Trainer(c).fit(blobs(400, 1), blobs(100, 2), null);
        assertEquals(StopReason.EARLY_STOPPING, r.stopReason());
        int n = r.history().size();
        assertTrue(n >= 2);
        Check last = r.history().get(n - 1);
        double bestBefore = r.history().subList(0, n - 1).stream().mapToDouble(Check::validationCost).min().orElseThrow();
        assertTrue(last.validationCost() >= bestBefore, "the stopping check must not improve");
        for (int i = 1; i < n - 1; i++) {
            assertTrue(r.history().get(i).validationCost() < r.history().get(i - 1).validationCost(),
                    "every check before the last improved");
        }
    }

    @Test
    void restoreBestPutsBackTheBestCheck() {
        // a large learning rate makes the validation cost bounce: the run stops early, after its best check
        TrainConfig c = small().toBuilder().learningRate(0.5).maxEpochs(50).patience(20).restoreBest(true).build();
        Network net = Network.initialize(c.layers(), c.batchNorm(), c.protocol().formulas(), c.protocol().init(), c.seed());
        Map<Long, Parameters> atCheck = new HashMap<>();
        // one evaluation thread: each check runs at once, on the parameters of its step
        TrainingResult r = new Trainer(c).listener(new TrainingListener() {
            @Override
            public void onCheck(Check check) {
                atCheck.put(check.step(), net.parameters().copy());
            }
        }).fit(net, blobs(400, 1), blobs(100, 2), null);
        assertEquals(StopReason.EARLY_STOPPING, r.stopReason(), "the run must stop early for this test to mean anything");
        assertTrue(r.epochs() < c.maxEpochs());
        Check best = r.history().stream().min(Comparator.comparingDouble(Check::validationCost)).orElseThrow();
        assertTrue(best.step() < r.history().get(r.history().size() - 1).step(), "the best check is not the last");
        assertEquals(best.validationCost(), r.validationCost(), 1e-12);
        for (int l = 1; l <= net.layers(); l++) {
            assertArrayEquals(atCheck.get(best.step()).wt(l).data, r.network().parameters().wt(l).data, "W" + l);
            assertArrayEquals(atCheck.get(best.step()).b(l).data, r.network().parameters().b(l).data, "b" + l);
        }
    }

    @Test
    void divergingRunStopsAtOnce() {
        TrainConfig c = small().toBuilder().learningRate(1e6).maxEpochs(100).build();
        TrainingResult r = new Trainer(c).fit(blobs(400, 1), blobs(100, 2), null);
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertTrue(r.iterations() < 25, "stopped after " + r.iterations() + " steps");
    }

    @Test
    void interruptStopsTraining() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(TrainingInterruptedException.class, () -> new Trainer(small()).fit(blobs(400, 1), blobs(100, 2), null));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void batchLargerThanTheTrainingSetIsRefused() {
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> new Trainer(small().toBuilder().batchSize(401).build()).fit(blobs(400, 1), blobs(100, 2), null));
        assertTrue(e.getMessage().contains("larger than the training set"), e.getMessage());
    }

    @Test
    void layersMustMatchTheData() {
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> new Trainer(small().toBuilder().layers(9, 6, 3).build()).fit(blobs(40, 1), blobs(10, 2), null));
        assertTrue(e.getMessage().contains("start layers with 8"), e.getMessage());
        e = assertThrows(ScratchnetException.class,
                () -> new Trainer(small().toBuilder().layers(8, 6, 4).build()).fit(blobs(40, 1), blobs(10, 2), null));
        assertTrue(e.getMessage().contains("end layers with 3"), e.getMessage());
    }
}
