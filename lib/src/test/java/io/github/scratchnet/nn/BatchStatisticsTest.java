package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Batch and running statistics of one hidden layer on a hand-checked 2 x 2 example. */
class BatchStatisticsTest {
    private static final double EPS = Network.BN_EPSILON;

    @Test
    void batchStatisticsNormaliseAndMoveTheRunningOnes() {
        RunningStats running = new RunningStats(new int[] {3, 2, 4}); // mean 0, var 1
        BatchStatistics stats = new BatchStatistics(1, 2, running);
        double[] x = {1, 2, 3, 6}; // two samples of two units: mean [2, 4], biased var [1, 4]
        stats.fromBatch(x, 2);
        assertArrayEquals(new double[] {2, 4}, stats.mean(), 0);
        assertArrayEquals(new double[] {1 / Math.sqrt(1 + EPS), 1 / Math.sqrt(4 + EPS)}, stats.invStd(), 1e-15);
        // running ← 0.9·running + 0.1·batch
        assertArrayEquals(new double[] {0.2, 0.4}, running.mean(1).data, 1e-15);
        assertArrayEquals(new double[] {1.0, 1.3}, running.var(1).data, 1e-15);

        double[] xhat = new double[4];
        stats.normalise(x, xhat, 2);
        double a = 1 / Math.sqrt(1 + EPS), b = 2 / Math.sqrt(4 + EPS);
        assertArrayEquals(new double[] {-a, -b, a, b}, xhat, 1e-15);

        // a gradient that is the same for every sample only moves the mean: nothing flows back
        double[] dx = new double[4];
        stats.backward(new double[] {0.5, -2, 0.5, -2}, xhat, dx, 2);
        assertArrayEquals(new double[4], dx, 1e-15);

        stats.useRunning();
        assertArrayEquals(new double[] {0.2, 0.4}, stats.mean(), 1e-15);
        assertArrayEquals(new double[] {1 / Math.sqrt(1.0 + EPS), 1 / Math.sqrt(1.3 + EPS)}, stats.invStd(), 1e-15);
    }
}
