package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.data.Dataset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every activation in every batchnorm mode (sound formulas) against central finite differences in
 * double precision: the gradient of every parameter array, with the L2 term.
 */
class ActivationGradientTest {
    /**
     * Far below what a wrong derivative gives: tanh' written as {@code 1 − t} fails at 0.37 and above,
     * leaky ReLU's negative slope doubled in the backward at 3e-3 and above (tried, then reverted).
     */
    static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "activation={0} batchnorm={1}")
    @CsvSource({
        "RELU,OFF", "RELU,NORMALIZE", "RELU,FULL",
        "TANH,OFF", "TANH,NORMALIZE", "TANH,FULL",
        "SIGMOID,OFF", "SIGMOID,NORMALIZE", "SIGMOID,FULL",
        "LEAKY_RELU,OFF", "LEAKY_RELU,NORMALIZE", "LEAKY_RELU,FULL"})
    void everyGradientMatchesCentralDifferences(Activation activation, BatchNormMode mode) {
        Network net = network(activation, mode, 11);
        Dataset data = PropagatorGradientTest.randomData(9, 6, 3, 3);
        List<GradientCheck.Row> rows = GradientCheck.run(net, data, 0.7);
        assertEquals(mode == BatchNormMode.FULL ? 3 * 2 + 2 * 2 : 3 * 2, rows.size(), "arrays checked");
        for (GradientCheck.Row row : rows) {
            assertTrue(row.relativeError() < TOLERANCE, activation + "/" + mode + " gradient check failed:\n" + row);
        }
    }

    /**
     * A network of {@code activation} with its default initialisation, biases (and gamma, beta) moved
     * off their initial values: with zero biases a sample can sit on the ReLU family's kink, where
     * finite differences mean nothing.
     */
    static Network network(Activation activation, BatchNormMode mode, long seed) {
        Network net = Network.initialize(new int[] {6, 5, 4, 3}, mode, activation, Formulas.SOUND,
                activation.defaultInitialization(), seed);
        Random r = new Random(seed + 1);
        Parameters p = net.parameters();
        for (int l = 1; l <= net.layers(); l++) {
            for (int j = 0; j < p.b(l).getNumElements(); j++) {
                p.b(l).data[j] = 0.1 * r.nextGaussian();
                if (p.gamma(l) != null) {
                    p.gamma(l).data[j] = 0.5 + r.nextDouble();
                    p.beta(l).data[j] = 0.3 * r.nextGaussian();
                }
            }
        }
        return net;
    }
}
