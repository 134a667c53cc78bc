package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scratchnet.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectionTest {
    /** [2, 2, 2], no batchnorm: W1 and W2 the identity, zero biases, so the larger input wins. */
    static Network identity() {
        Parameters p = new Parameters(new int[] {2, 2, 2}, false);
        for (int l = 1; l <= 2; l++) {
            p.wt(l).set(0, 0, 1);
            p.wt(l).set(1, 1, 1);
        }
        return new Network(new int[] {2, 2, 2}, BatchNormMode.OFF, p, new RunningStats(new int[] {2, 2, 2}));
    }

    static final Dataset DATA = Dataset.fromRows(new double[][] {{1, 0}, {0, 1}, {3, 1}, {-2, 1}}, new int[] {0, 1, 1, 0}, 2);

    @Test
    void confusionMatrixCountsLabelAgainstPrediction() {
        // predictions 0, 1, 0, 1 against labels 0, 1, 1, 0
        assertArrayEquals(new int[][] {{1, 1}, {1, 1}}, Inspection.confusionMatrix(identity(), DATA));
    }

    @Test
    void mistakesInDataSetOrderUpToTheLimit() {
        assertEquals(List.of(new Inspection.Mistake(2, 1, 0), new Inspection.Mistake(3, 0, 1)),
                Inspection.mistakes(identity(), DATA, 10));
        assertEquals(List.of(new Inspection.Mistake(2, 1, 0)), Inspection.mistakes(identity(), DATA, 1));
    }

    @Test
    void firstLayerWeightsOneRowPerUnit() {
        Network net = identity();
        // Wt1 is inputs x units: unit 0 reads 1 and 3, unit 1 reads 2 and 4
        net.parameters().wt(1).set(0, 0, 1);
        net.parameters().wt(1).set(0, 1, 2);
        net.parameters().wt(1).set(1, 0, 3);
        net.parameters().wt(1).set(1, 1, 4);
        double[][] units = Inspection.firstLayerWeights(net);
        assertArrayEquals(new double[] {1, 3}, units[0]);
        assertArrayEquals(new double[] {2, 4}, units[1]);
    }

    @Test
    void hiddenActivationsAreWhatTheNextLayerReads() {
        double[][] a = Inspection.hiddenActivations(identity(), DATA);
        assertEquals(1, a.length, "one hidden layer");
        // relu of each input row, sample by sample
        assertArrayEquals(new double[] {1, 0, 0, 1, 3, 1, 0, 1}, a[0], 0);
    }

    @Test
    void hiddenActivationsWithNormalizeUseTheRunningStatistics() {
        Network net = identity();
        Network normalized = new Network(net.sizes(), BatchNormMode.NORMALIZE, net.parameters(), net.runningStats());
        net.runningStats().mean(1).set(0, 0, 1);
        net.runningStats().var(1).set(0, 0, 4 - Network.BN_EPSILON);
        net.runningStats().var(1).set(0, 1, 1 - Network.BN_EPSILON);
        double[][] a = Inspection.hiddenActivations(normalized, DATA);
        // unit 0: (relu(x) - 1) / 2; unit 1: relu(x) / 1
        double[] expected = {0, 0, -0.5, 1, 1, 1, -0.5, 1};
        assertArrayEquals(expected, a[0], 1e-12);
    }
}
