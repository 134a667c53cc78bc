package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import org.junit.jupiter.api.Test;

/** Each activation's forward and backward on a hand-checked 2 x 3 example, its name and its default initialisation. */
class ActivationTest {
    // Z, a 2 x 3 batch row by row: negative, zero and positive entries
    private static final double[] Z = {-2, 0, 1, 3, -0.5, 0.25};
    // dA, what the layer above sends down
    private static final double[] DA = {1, 2, 3, 4, 5, 6};

    private static double[] forward(Activation act) {
        double[] a = new double[6];
        act.function().forward(Z, a, 0, 6);
        return a;
    }

    private static double[] backward(Activation act) {
        double[] d = DA.clone();
        act.function().backward(Z, d, 0, 6);
        return d;
    }

    @Test
    void relu() {
        assertArrayEquals(new double[] {0, 0, 1, 3, 0, 0.25}, forward(Activation.RELU), 0);
        // dZ = dA ⊙ [Z > 0]: the kink at 0 counts as inactive
        assertArrayEquals(new double[] {0, 0, 3, 4, 0, 6}, backward(Activation.RELU), 0);
    }

    @Test
    void leakyRelu() {
        assertArrayEquals(new double[] {-0.02, 0, 1, 3, -0.005, 0.25}, forward(Activation.LEAKY_RELU), 1e-15);
        assertArrayEquals(new double[] {0.01, 0.02, 3, 4, 0.05, 6}, backward(Activation.LEAKY_RELU), 1e-15);
    }

    @Test
    void tanh() {
        // tanh(-2) = -0.9640275800758169, tanh(1) = 0.7615941559557649, tanh(3) = 0.9950547536867305,
        // tanh(-0.5) = -0.46211715726000974, tanh(0.25) = 0.24491866240370913
        double[] t = {-0.9640275800758169, 0, 0.7615941559557649, 0.9950547536867305, -0.46211715726000974,
            0.24491866240370913};
        assertArrayEquals(t, forward(Activation.TANH), 1e-15);
        // dZ = dA ⊙ (1 − tanh²): 1 − 0.9640² = 0.0707, 1 at 0, 1 − 0.2449² = 0.9400, ...
        assertArrayEquals(new double[] {1 * 0.07065082485316443, 2 * 1, 3 * 0.41997434161402614,
            4 * 0.009866037165440211, 5 * 0.7864477329659274, 6 * 0.940014848806378}, backward(Activation.TANH), 1e-14);
    }

    @Test
    void sigmoid() {
        // σ(-2) = 0.11920292202211755, σ(0) = 0.5, σ(1) = 0.7310585786300049, σ(3) = 0.9525741268224334,
        // σ(-0.5) = 0.3775406687981454, σ(0.25) = 0.5621765008857981
        double[] s = {0.11920292202211755, 0.5, 0.7310585786300049, 0.9525741268224334, 0.3775406687981454,
            0.5621765008857981};
        assertArrayEquals(s, forward(Activation.SIGMOID), 1e-15);
        // dZ = dA ⊙ σ(1 − σ): 0.25 at 0
        assertArrayEquals(new double[] {1 * 0.1049935854035065, 2 * 0.25, 3 * 0.19661193324148185,
            4 * 0.045176659730912, 5 * 0.2350037122015945, 6 * 0.24613408273759835}, backward(Activation.SIGMOID), 1e-14);
    }

    @Test
    void sigmoidSaturatesWithoutNaN() {
        double[] a = new double[2];
        Activation.SIGMOID.function().forward(new double[] {-1000, 1000}, a, 0, 2);
        assertArrayEquals(new double[] {0, 1}, a, 0);
        double[] d = {1, 1};
        Activation.SIGMOID.function().backward(new double[] {-1000, 1000}, d, 0, 2);
        assertArrayEquals(new double[] {0, 0}, d, 0);
    }

    @Test
    void aRangeTouchesOnlyItsEntries() {
        double[] a = {9, 9, 9, 9, 9, 9};
        Activation.TANH.function().forward(Z, a, 3, 5);
        assertEquals(9, a[2]);
        assertEquals(9, a[5]);
        assertEquals(Math.tanh(3), a[3]);
    }

    @Test
    void namesAndDefaultInitialisations() {
        for (Activation a : Activation.values()) assertEquals(a, Activation.parse(a.label().toUpperCase()));
        assertEquals("leaky-relu", Activation.LEAKY_RELU.label());
        assertEquals(Initialization.HE, Activation.RELU.defaultInitialization());
        assertEquals(Initialization.HE, Activation.LEAKY_RELU.defaultInitialization());
        assertEquals(Initialization.XAVIER, Activation.TANH.defaultInitialization());
        assertEquals(Initialization.XAVIER, Activation.SIGMOID.defaultInitialization());
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> Activation.parse("swish"));
        assertEquals("unknown activation 'swish'; use one of relu, tanh, sigmoid, leaky-relu", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(1.5));
        assertTrue(new LeakyRelu(0.2).slope() == 0.2);
    }
}
