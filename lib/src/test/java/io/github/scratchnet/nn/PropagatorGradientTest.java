package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.data.Dataset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropagatorGradientTest {

    static Dataset randomData(int samples, int features, int classes, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[samples][features];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < features; j++) x[i][j] = r.nextGaussian();
            y[i] = r.nextInt(classes);
        }
        return Dataset.fromRows(x, y, classes);
    }

    @ParameterizedTest(name = "batchnorm={0} lambda={1}")
    @CsvSource({"OFF,0", "OFF,0.7", "NORMALIZE,0", "NORMALIZE,0.7", "FULL,0", "FULL,0.7"})
    void everyGradientMatchesCentralDifferences(BatchNormMode mode, double lambda) {
        Network net = perturbed(mode);
        Dataset data = randomData(9, 6, 3, 3);
        List<GradientCheck.Row> rows = GradientCheck.run(net, data, lambda);
        int expected = mode == BatchNormMode.FULL ? 3 * 2 + 2 * 2 : 3 * 2;
        assertTrue(rows.size() == expected, "checked " + rows.size() + " arrays, expected " + expected);
        for (GradientCheck.Row row : rows) {
            assertTrue(row.relativeError() < 1e-6, "gradient check failed:\n" + row);
        }
    }

    @ParameterizedTest(name = "batchnorm={0}")
    @CsvSource({"OFF", "NORMALIZE", "FULL"})
    void aPlantedGradientErrorIsCaught(BatchNormMode mode) {
        // The analytic side forgets the L2 term: every weight array must fail, every other pass.
        Network net = perturbed(mode);
        Dataset data = randomData(9, 6, 3, 3);
        for (GradientCheck.Row row : GradientCheck.run(net, data, 0.7, 0.0)) {
            boolean weight = row.name().startsWith("W");
            assertTrue(weight == (row.relativeError() > 1e-3), "unexpected verdict for " + row);
        }
    }

    /**
     * A small network whose biases, gammas and betas are moved off their initial values: with zero
     * biases a sample whose hidden units are all inactive puts the next pre-activation exactly on
     * the ReLU's kink, where finite differences are meaningless.
     */
    static Network perturbed(BatchNormMode mode) {
        return PropagatorFastPathTest.network(new int[] {6, 5, 4, 3}, mode, 11);
    }
}
