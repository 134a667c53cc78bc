package io.github.scratchnet.random;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.nn.LayerSizes;
import java.util.Arrays;

/**
 * PyTorch's CPU generator (1.13) right after {@code torch.manual_seed(seed)}: {@link #randperm} is
 * {@code torch.randperm(n)} and {@link #randn} is {@code torch.randn(count, dtype=torch.float64)}.
 * Successive calls continue one stream, as successive calls on PyTorch's default generator do.
 *
 * <p>Not thread-safe: one instance is one stream.
 */
public final class TorchGenerator {
    /** From this many values on, PyTorch fills normals 16 at a time instead of one by one. */
    static final int BLOCK = 16;
    private static final long MASK_53 = (1L << 53) - 1;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final Mt19937 mt;
    // The scalar path makes normals in pairs and keeps the second for the next scalar draw; the
    // block path neither uses nor clears it, and only manual_seed (a new instance here) drops it.
    private boolean hasCachedNormal;
    private double cachedNormal;

    /**
     * The generator {@code torch.manual_seed(seed)} leaves.
     *
     * @throws InvalidParameterException naming {@code seed} if it is outside 0 to 2^32 - 1 (PyTorch
     *     would keep only the low 32 bits of a larger one; refusing it avoids a silent alias)
     */
    public TorchGenerator(long seed) {
        this.mt = new Mt19937(seed);
    }

    /**
     * {@code torch.randperm(n)}: exactly PyTorch's permutation of 0 to n - 1.
     *
     * @throws InvalidParameterException naming {@code n} if it is negative
     */
    public int[] randperm(int n) {
        if (n < 0) {
            throw new InvalidParameterException("n", "n must be 0 or more, got " + n + "; pass the number of samples");
        }
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        // Fisher-Yates from the front with a plain remainder (slightly biased, but it is PyTorch's).
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (mt.nextInt32() % (n - i));
            int t = r[i];
            r[i] = r[i + z];
            r[i + z] = t;
        }
        return r;
    }

    /**
     * {@code torch.randn(count, dtype=torch.float64)}: standard normals, each within two units in the
     * last place of PyTorch's and most bit-equal (see the package documentation). Any shape of {@code count} elements
     * gives the same values in row-major order.
     *
     * @throws InvalidParameterException naming {@code count} if it is negative
     */
    public double[] randn(int count) {
        if (count < 0) {
            throw new InvalidParameterException("count", "count must be 0 or more, got " + count
                    + "; pass the number of values to draw");
        }
        double[] x = new double[count];
        if (count < BLOCK) {
            for (int i = 0; i < count; i++) x[i] = scalarNormal();
            return x;
        }
        for (int i = 0; i < count; i++) x[i] = uniform();
        for (int start = 0; start + BLOCK <= count; start += BLOCK) boxMuller16(x, start);
        if (count % BLOCK != 0) {
            // PyTorch re-draws the last 16 positions rather than transforming a partial block, so the
            // tail overwrites values already made and uses 16 more uniforms.
            int start = count - BLOCK;
            for (int i = start; i < count; i++) x[i] = uniform();
            boxMuller16(x, start);
        }
        return x;
    }

    /** {@code at::uniform_real_distribution<double>(0, 1)}: the low 53 bits of a 64-bit draw, scaled. */
    private double uniform() {
        return (mt.nextInt64() & MASK_53) * TWO_POW_MINUS_53;
    }

    /** Box-Muller on x[start..start+15] in place: values j and j + 8 make a pair, as in {@code normal_fill_16}. */
    private static void boxMuller16(double[] x, int start) {
        for (int j = start; j < start + BLOCK / 2; j++) {
            double u1 = 1 - x[j]; // [0, 1) to (0, 1], so the log is finite
            double u2 = x[j + BLOCK / 2];
            double radius = Math.sqrt(-2 * Math.log(u1));
            double theta = 2.0 * Math.PI * u2;
            x[j] = radius * Math.cos(theta);
            x[j + BLOCK / 2] = radius * Math.sin(theta);
        }
    }

    /**
     * {@code at::normal_distribution<double>}: the cached second value of the last pair if there is
     * one, else a new pair from two uniforms (the first gives the angle, the second the radius).
     */
    private double scalarNormal() {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return cachedNormal;
        }
        double u1 = uniform();
        double u2 = uniform();
        double radius = Math.sqrt(-2.0 * Math.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = radius * Math.sin(theta);
        hasCachedNormal = true;
        return radius * Math.cos(theta);
    }

    /**
     * The report's initial weights: after {@code torch.manual_seed(seed)}, for each layer l = 1..L
     * in order, {@code torch.randn(n_l, n_{l-1}, dtype=torch.float64) / n_l}, divided by the layer's
     * own width. Element 0 is W1, each a row-major array of n_l rows and n_{l-1} columns.
     *
     * @param layers the widths n_0 (inputs) to n_L, e.g. {784, 20, 7, 5, 10}
     * @throws InvalidParameterException naming {@code seed} or {@code layers} if either is invalid
     */
    public static double[][] widthScaledWeights(long seed, int[] layers) {
        LayerSizes.requireValid(layers);
        TorchGenerator g = new TorchGenerator(seed);
        double[][] weights = new double[layers.length - 1][];
        for (int l = 1; l < layers.length; l++) {
            long count = (long) layers[l] * layers[l - 1];
            if (count > Integer.MAX_VALUE) {
                throw new InvalidParameterException("layers", "layers " + Arrays.toString(layers) + " give layer " + l
                        + " " + count + " weights, more than a Java array holds; use smaller widths");
            }
            double[] w = g.randn((int) count);
            for (int i = 0; i < w.length; i++) w[i] /= layers[l];
            weights[l - 1] = w;
        }
        return weights;
    }
}
