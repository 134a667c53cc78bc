package io.github.scratchnet.nn;

/**
 * Leaky ReLU, {@code f(z) = z} for {@code z > 0} and {@code slope·z} otherwise;
 * {@code f'(z) = 1} or {@code slope}. {@link Activation#LEAKY_RELU} uses {@link #DEFAULT_SLOPE}.
 */
final class LeakyRelu implements ActivationFunction {
    /** The common default slope of the negative side, as in PyTorch's {@code LeakyReLU}. */
    static final double DEFAULT_SLOPE = 0.01;

    private final double slope;

    LeakyRelu(double slope) {
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("leaky ReLU slope must be in [0, 1), got " + slope + "; e.g. 0.01");
        }
        this.slope = slope;
    }

    double slope() {
        return slope;
    }

    // A = Z where Z > 0, slope·Z elsewhere
    @Override
    public void forward(double[] z, double[] a, int from, int to) {
        for (int k = from; k < to; k++) a[k] = z[k] > 0 ? z[k] : slope * z[k];
    }

    // dZ = dA ⊙ (1 where Z > 0, slope elsewhere)
    @Override
    public void backward(double[] z, double[] d, int from, int to) {
        for (int k = from; k < to; k++) if (!(z[k] > 0)) d[k] *= slope;
    }
}
