package io.github.scratchnet.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.nn.Parameters;
import io.github.scratchnet.nn.Propagator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportNetworkTest {

    @Test
    void linearForwardOnAHandCheckedExample() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}});
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, -1}, {0.5, 2}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{0.1}, {-1}});
        DMatrixRMaj z = ReportNetwork.linearForward(a, w, b).output();
        // row 1: a1 - a2 + 0.1; row 2: 0.5·a1 + 2·a2 - 1
        assertArrayEquals(new double[] {-2.9, -2.9, -2.9, 7.5, 10, 12.5}, z.data, 1e-12);
    }

    @Test
    void linearForwardRejectsMismatchedShapes() {
        DMatrixRMaj a = new DMatrixRMaj(3, 2);
        DMatrixRMaj w = new DMatrixRMaj(2, 2);
        DMatrixRMaj b = new DMatrixRMaj(2, 1);
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> ReportNetwork.linearForward(a, w, b));
        assertTrue(e.getMessage().contains("W is 2x2, A is 3x2"), e.getMessage());
    }

    @Test
    void reluAndItsBackward() {
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{-1, 0, 2}, {3, -0.5, 0.25}});
        assertArrayEquals(new double[] {0, 0, 2, 3, 0, 0.25}, ReportNetwork.relu(z).output().data, 0);
        DMatrixRMaj dA = new DMatrixRMaj(new double[][] {{1, 1, 1}, {2, 2, 2}});
        assertArrayEquals(new double[] {0, 0, 1, 2, 0, 2}, ReportNetwork.reluBackward(dA, z).data, 0);
    }

    @Test
    void softmaxMatchesHandValuesAndSurvivesHugeLogits() {
        DMatrixRMaj small = new DMatrixRMaj(new double[][] {{0}, {1}, {2}});
        DMatrixRMaj huge = new DMatrixRMaj(new double[][] {{1000}, {1001}, {1002}});
        double[] expected = {0.09003057317038046, 0.24472847105479767, 0.6652409557748219};
        assertArrayEquals(expected, ReportNetwork.softmax(small).output().data, 1e-15);
        assertArrayEquals(expected, ReportNetwork.softmax(huge).output().data, 1e-15);
        DMatrixRMaj negative = new DMatrixRMaj(new double[][] {{-1000}, {-1000}});
        assertArrayEquals(new double[] {0.5, 0.5}, ReportNetwork.softmax(negative).output().data, 0);
    }

    @Test
    void costOnAHandCheckedExampleWithAndWithoutL2() {
        DMatrixRMaj al = new DMatrixRMaj(new double[][] {{0.7, 0.2}, {0.3, 0.8}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        Map<String, DMatrixRMaj> p = Map.of("W1", new DMatrixRMaj(new double[][] {{1, 2}, {3, 0}}), "b1", new DMatrixRMaj(2, 1));
        double ce = -(Math.log(0.7) + Math.log(0.8)) / 2;
        assertEquals(0.28990924, ce, 1e-8);
        assertEquals(ce, ReportNetwork.computeCost(al, y, p, 0), 1e-15);
        // λ/(2m)·ΣW² = 0.1/4·14
        assertEquals(ce + 0.35, ReportNetwork.computeCost(al, y, p, 0.1), 1e-15);
    }

    @Test
    void applyBatchnormGivesZeroMeanUnitVariancePerUnit() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2, 3, 4}, {10, 10, 10, 10}});
        DMatrixRMaj out = ReportNetwork.applyBatchnorm(a).output();
        double scale = 1 / Math.sqrt(1.25 + Network.BN_EPSILON);
        assertArrayEquals(new double[] {-1.5 * scale, -0.5 * scale, 0.5 * scale, 1.5 * scale, 0, 0, 0, 0}, out.data, 1e-12);
    }

    @Test
    void initializeParametersIsHeNormalAndSeeded() {
        Map<String, DMatrixRMaj> p = ReportNetwork.initializeParameters(new int[] {784, 20, 10}, 3);
        assertEquals(20, p.get("W1").numRows);
        assertEquals(784, p.get("W1").numCols);
        assertEquals(20, p.get("b1").numRows);
        assertEquals(1, p.get("b1").numCols);
        double sq = 0;
        for (double w : p.get("W1").data) sq += w * w;
        double std = Math.sqrt(sq / p.get("W1").getNumElements());
        assertEquals(Math.sqrt(2.0 / 784), std, 0.003);
        for (double b : p.get("b2").data) assertEquals(0, b);
        assertArrayEquals(p.get("W2").data, ReportNetwork.initializeParameters(new int[] {784, 20, 10}, 3).get("W2").data, 0);
    }

    /** The readable report functions and the fast engine compute the same cost and gradients. */
    @ParameterizedTest(name = "batchnorm={0} lambda={1}")
    @CsvSource({"OFF,0", "OFF,0.3", "NORMALIZE,0", "NORMALIZE,0.3"})
    void readableVersionEqualsFastEngine(BatchNormMode mode, double lambda) {
        Random r = new Random(2);
        int m = 8;
        double[][] rows = new double[m][6];
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 6; j++) rows[i][j] = r.nextGaussian();
            labels[i] = r.nextInt(3);
        }
        Dataset data = Dataset.fromRows(rows, labels, 3);
        Network net = Network.initialize(new int[] {6, 5, 4, 3}, mode, 4);
        for (int l = 1; l <= 3; l++) {
            for (int j = 0; j < net.parameters().b(l).getNumElements(); j++) net.parameters().b(l).data[j] = 0.1 * r.nextGaussian();
        }
        Propagator propagator = new Propagator(net, m);
        Parameters grads = Parameters.zerosLike(net.parameters());
        propagator.forward(data, null, 0, m, true);
        propagator.backward(lambda, grads);
        double fastCost = propagator.crossEntropy() + lambda / (2.0 * m) * net.parameters().sumOfSquaredWeights();

        Map<String, DMatrixRMaj> p = ReportNetwork.toReport(net.parameters());
        DMatrixRMaj x = data.toColumns();
        DMatrixRMaj y = data.oneHotColumns();
        ReportNetwork.Forward<List<ReportNetwork.LayerCache>> f = ReportNetwork.lModelForward(x, p, mode == BatchNormMode.NORMALIZE);
        assertEquals(fastCost, ReportNetwork.computeCost(f.output(), y, p, lambda), 1e-12);
        Map<String, DMatrixRMaj> g = ReportNetwork.lModelBackward(f.output(), y, f.cache(), lambda);
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(grads.weight(l).data, g.get("dW" + l).data, 1e-12, "dW" + l);
            assertArrayEquals(grads.bias(l).data, g.get("db" + l).data, 1e-12, "db" + l);
        }
    }

    @Test
    void readableBackwardMatchesCentralDifferences() {
        Random r = new Random(8);
        DMatrixRMaj x = new DMatrixRMaj(5, 7);
        DMatrixRMaj y = new DMatrixRMaj(3, 7);
        for (int j = 0; j < 7; j++) {
            for (int i = 0; i < 5; i++) x.set(i, j, r.nextGaussian());
            y.set(r.nextInt(3), j, 1);
        }
        for (boolean bn : new boolean[] {false, true}) {
            Map<String, DMatrixRMaj> p = ReportNetwork.initializeParameters(new int[] {5, 4, 4, 3}, 9);
            for (int l = 1; l <= 3; l++) for (int i = 0; i < p.get("b" + l).numRows; i++) p.get("b" + l).set(i, 0, 0.1 * r.nextGaussian());
            double lambda = 0.2;
            ReportNetwork.Forward<List<ReportNetwork.LayerCache>> f = ReportNetwork.lModelForward(x, p, bn);
            Map<String, DMatrixRMaj> g = ReportNetwork.lModelBackward(f.output(), y, f.cache(), lambda);
            for (Map.Entry<String, DMatrixRMaj> e : p.entrySet()) {
                DMatrixRMaj theta = e.getValue();
                DMatrixRMaj analytic = g.get("d" + e.getKey());
                double diff2 = 0, a2 = 0, n2 = 0;
                for (int i = 0; i < theta.getNumElements(); i++) {
                    double saved = theta.data[i];
                    theta.data[i] = saved + 1e-5;
                    double plus = ReportNetwork.computeCost(ReportNetwork.lModelForward(x, p, bn).output(), y, p, lambda);
                    theta.data[i] = saved - 1e-5;
                    double minus = ReportNetwork.computeCost(ReportNetwork.lModelForward(x, p, bn).output(), y, p, lambda);
                    theta.data[i] = saved;
                    double numeric = (plus - minus) / 2e-5;
                    diff2 += Math.pow(analytic.data[i] - numeric, 2);
                    a2 += analytic.data[i] * analytic.data[i];
                    n2 += numeric * numeric;
                }
                double rel = Math.sqrt(diff2) / (Math.sqrt(a2) + Math.sqrt(n2));
                assertTrue(rel < 1e-6, e.getKey() + " (batchnorm " + bn + ") relative error " + rel);
            }
        }
    }

    @Test
    void updateParametersMovesAgainstTheGradient() {
        Map<String, DMatrixRMaj> p = new java.util.LinkedHashMap<>();
        p.put("W1", new DMatrixRMaj(new double[][] {{1, 2}}));
        p.put("b1", new DMatrixRMaj(new double[][] {{3}}));
        Map<String, DMatrixRMaj> g = Map.of("dW1", new DMatrixRMaj(new double[][] {{10, -10}}), "db1", new DMatrixRMaj(new double[][] {{1}}));
        ReportNetwork.updateParameters(p, g, 0.1);
        assertArrayEquals(new double[] {0, 3}, p.get("W1").data, 1e-15);
        assertArrayEquals(new double[] {2.9}, p.get("b1").data, 1e-15);
    }

    @Test
    void predictCountsArgmaxHits() {
        Map<String, DMatrixRMaj> p = new java.util.LinkedHashMap<>();
        p.put("W1", new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}}));
        p.put("b1", new DMatrixRMaj(2, 1));
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{5, 0, 1}, {0, 5, 2}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1, 1, 0}, {0, 0, 1}});
        assertEquals(2.0 / 3, ReportNetwork.predict(x, y, p), 1e-15);
    }
}
