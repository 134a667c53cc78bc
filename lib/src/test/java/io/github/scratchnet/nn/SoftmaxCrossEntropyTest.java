package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scratchnet.data.Dataset;
import org.junit.jupiter.api.Test;

/** The output layer on a hand-checked 2 x 3 example. */
class SoftmaxCrossEntropyTest {
    @Test
    void costPredictionProbabilitiesAndDeltasOfTwoSamples() {
        // logits z = [[1, 2, 3], [2, 0, 0]], labels 2 and 1
        SparseInputLayer linear = new SparseInputLayer(new Parameters(new int[] {2, 3}, false), 2);
        System.arraycopy(new double[] {1, 2, 3, 2, 0, 0}, 0, linear.z.data, 0, 6);
        linear.prepareBackward(2);
        Dataset data = Dataset.fromRows(new double[2][2], new int[] {2, 1}, 3);
        Batch batch = new Batch(data, null, 0, 2);
        SoftmaxCrossEntropy output = new SoftmaxCrossEntropy(linear, Formulas.SOUND, 2);
        output.reshape(2);

        output.forwardRows(batch, 0, 2, true);
        // cost = logsumexp(z) - z[label]: ln(1 + e^-1 + e^-2) and 2 + ln(1 + 2e^-2)
        assertEquals(0.4076059644443804, output.cost(0), 1e-15);
        assertEquals(2.2395447662218846, output.cost(1), 1e-15);
        assertEquals(2, output.predicted(0));
        assertEquals(0, output.predicted(1));
        double s0 = 1 + Math.exp(-1) + Math.exp(-2);
        double s1 = 1 + 2 * Math.exp(-2);
        double[] p = {Math.exp(-2) / s0, Math.exp(-1) / s0, 1 / s0, 1 / s1, Math.exp(-2) / s1, Math.exp(-2) / s1};
        assertArrayEquals(p, output.probabilities().data, 1e-15);

        // dZ = (P - Y) / m
        output.backwardRows(batch, 0, 2);
        double[] dz = {p[0] / 2, p[1] / 2, (p[2] - 1) / 2, p[3] / 2, (p[4] - 1) / 2, p[5] / 2};
        assertArrayEquals(dz, linear.dZ().data, 1e-15);
    }
}
