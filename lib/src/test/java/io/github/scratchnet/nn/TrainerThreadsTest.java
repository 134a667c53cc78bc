package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.StopReason;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import io.github.scratchnet.train.TrainingListener;
import io.github.scratchnet.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@link Trainer} on several threads gives the run of one thread, bit for bit: with small batches
 * its checks run on a snapshot beside the next steps (and a check that stops training puts the
 * snapshot back), with large batches the steps are split. Histories, stop reasons, listener calls,
 * final parameters and final evaluations must all agree.
 */
class TrainerThreadsTest {

    /** Sparse inputs with a class signal in a few features, so validation cost first falls, then wobbles. */
    static Dataset data(int samples, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[samples][140];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = r.nextInt(4);
            for (int j = 0; j < 140; j++) {
                boolean signal = j % 4 == y[i] && j < 40;
                x[i][j] = signal ? 0.5 + 0.5 * r.nextDouble() : r.nextDouble() < 0.7 ? 0 : r.nextDouble();
            }
            if (r.nextDouble() < 0.25) y[i] = r.nextInt(4); // label noise
        }
        return Dataset.fromRows(x, y, 4);
    }

    static TrainConfig config(int batch, int epochs, int patience, boolean restoreBest, double lr, BatchNormMode mode) {
        return TrainConfig.report(batch, 3).toBuilder().layers(140, 12, 6, 4).learningRate(lr).maxEpochs(epochs)
                .evalEvery(7).patience(patience).restoreBest(restoreBest).batchNorm(mode).build();
    }

    record Run(TrainingResult result, List<String> calls) {}

    static Run run(TrainConfig c, int threads, Dataset train, Dataset validation, Dataset test) {
        List<String> calls = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onCheck(Check check) {
                calls.add("check " + check.step() + " " + check.epoch() + " " + Double.doubleToLongBits(check.validationCost()));
            }

            @Override
            public void onEpochEnd(int epoch, long steps) {
                calls.add("epoch " + epoch + " " + steps);
            }
        };
        TrainingResult r = new Trainer(c, threads).listener(listener).fit(train, validation, test);
        return new Run(r, calls);
    }

    @ParameterizedTest(name = "batch={0} epochs={1} patience={2} restoreBest={3} lr={4} batchnorm={5}")
    @CsvSource({
        "16,4,0,false,0.05,OFF",        // every epoch, checks mid-epoch and at epoch ends
        "16,30,14,true,0.3,OFF",        // early stopping with restore-best
        "16,30,14,false,0.3,NORMALIZE", // early stopping, batch statistics
        "32,5,0,false,10,OFF",          // divergence at step 50, with a check still running
        "128,15,14,true,0.3,OFF",       // split steps, early stopping
        "128,3,0,false,0.1,FULL"})
    void severalThreadsGiveTheRunOfOne(int batch, int epochs, int patience, boolean restoreBest, double lr,
            BatchNormMode mode) {
        Dataset train = data(1300, 1);
        Dataset validation = data(1100, 2); // three evaluation chunks
        Dataset test = data(300, 3);
        TrainConfig c = config(batch, epochs, patience, restoreBest, lr, mode);
        Run one = run(c, 1, train, validation, test);
        for (int threads = 2; threads <= 3; threads++) {
            Run other = run(c, threads, train, validation, test);
            TrainingResult a = one.result();
            TrainingResult b = other.result();
            assertEquals(one.calls(), other.calls(), "listener calls");
            assertEquals(a.stopReason(), b.stopReason());
            assertEquals(a.epochs(), b.epochs());
            assertEquals(a.iterations(), b.iterations());
            assertEquals(a.history().size(), b.history().size());
            for (int i = 0; i < a.history().size(); i++) {
                Check x = a.history().get(i);
                Check y = b.history().get(i);
                assertEquals(x.step(), y.step());
                assertEquals(x.epoch(), y.epoch());
                assertEquals(Double.doubleToLongBits(x.trainCost()), Double.doubleToLongBits(y.trainCost()));
                assertEquals(Double.doubleToLongBits(x.validationCost()), Double.doubleToLongBits(y.validationCost()));
                assertEquals(Double.doubleToLongBits(x.validationAccuracy()), Double.doubleToLongBits(y.validationAccuracy()));
            }
            PropagatorFastPathTest.assertSameBits(a.network().parameters(), b.network().parameters(), threads + " threads");
            for (int l = 1; l < c.layers().length - 1; l++) {
                PropagatorFastPathTest.assertBits(a.network().runningStats().mean(l).data, b.network().runningStats().mean(l).data, "mean");
                PropagatorFastPathTest.assertBits(a.network().runningStats().var(l).data, b.network().runningStats().var(l).data, "var");
            }
            assertEquals(Double.doubleToLongBits(a.trainCost()), Double.doubleToLongBits(b.trainCost()));
            assertEquals(Double.doubleToLongBits(a.validationCost()), Double.doubleToLongBits(b.validationCost()));
            assertEquals(Double.doubleToLongBits(a.testAccuracy()), Double.doubleToLongBits(b.testAccuracy()));
        }
        if (patience > 0 && lr < 1) {
            assertEquals(StopReason.EARLY_STOPPING, one.result().stopReason(), "the scenario should stop early");
        }
        if (lr > 1) assertEquals(StopReason.DIVERGED, one.result().stopReason(), "the scenario should diverge");
        assertTrue(one.result().history().size() >= 2);
    }
}
