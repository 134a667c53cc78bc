package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** He and Xavier weights: exactly the seeded stream, scaled; and their spread on a large layer. */
class InitializationTest {
    @Test
    void xavierIsTheSeededStreamScaledBySqrtTwoOverFanInPlusFanOut() {
        int[] sizes = {4, 3, 2};
        Network net = Network.initialize(sizes, BatchNormMode.OFF, Activation.TANH, Formulas.SOUND,
                Initialization.XAVIER, 5);
        Random stream = new Random(5);
        for (int l = 1; l < sizes.length; l++) {
            double std = Math.sqrt(2.0 / (sizes[l - 1] + sizes[l]));
            // drawn row by row of the report's W (n(l) x n(l-1))
            for (int out = 0; out < sizes[l]; out++) {
                for (int in = 0; in < sizes[l - 1]; in++) {
                    assertEquals(stream.nextGaussian() * std, net.parameters().weight(l).get(out, in), 0);
                }
            }
            for (double b : net.parameters().b(l).data) assertEquals(0, b, 0);
        }
    }

    @Test
    void heIsTheSameStreamScaledBySqrtTwoOverFanIn() {
        Network he = Network.initialize(new int[] {4, 3, 2}, BatchNormMode.OFF, 5);
        Network xavier = Network.initialize(new int[] {4, 3, 2}, BatchNormMode.OFF, Activation.TANH, Formulas.SOUND,
                Initialization.XAVIER, 5);
        // layer 1: He sqrt(2/4), Xavier sqrt(2/7); the same draws underneath
        double ratio = Math.sqrt(2.0 / 4) / Math.sqrt(2.0 / 7);
        for (int i = 0; i < 12; i++) {
            assertEquals(xavier.parameters().wt(1).data[i] * ratio, he.parameters().wt(1).data[i], 1e-15);
        }
    }

    @Test
    void spreadOnALargeLayer() {
        // 300 x 200 = 60000 draws: the sample standard deviation is within 1% of sigma (its own
        // standard error is sigma/sqrt(2·60000) ≈ 0.3%)
        int[] sizes = {200, 300, 2};
        for (Initialization init : new Initialization[] {Initialization.HE, Initialization.XAVIER}) {
            Network net = Network.initialize(sizes, BatchNormMode.OFF, Activation.SIGMOID, Formulas.SOUND, init, 9);
            double[] w = net.parameters().wt(1).data;
            double sum = 0, squares = 0;
            for (double v : w) {
                sum += v;
                squares += v * v;
            }
            double mean = sum / w.length;
            double std = Math.sqrt(squares / w.length - mean * mean);
            double sigma = init == Initialization.HE ? Math.sqrt(2.0 / 200) : Math.sqrt(2.0 / 500);
            assertEquals(0, mean / sigma, 0.02, init + " mean");
            assertEquals(1, std / sigma, 0.01, init + " std " + std + " vs " + sigma);
        }
    }
}
