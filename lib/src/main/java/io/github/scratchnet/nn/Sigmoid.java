package io.github.scratchnet.nn;

/**
 * The logistic sigmoid, {@code f(z) = 1 / (1 + e^−z)}, {@code f'(z) = f(z)·(1 − f(z))}. For very
 * negative {@code z}, {@code e^−z} overflows to infinity and {@code f} to 0, its limit: no NaN.
 */
final class Sigmoid implements ActivationFunction {
    static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {
    }

    static double of(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    // A = 1 / (1 + exp(−Z))
    @Override
    public void forward(double[] z, double[] a, int from, int to) {
        for (int k = from; k < to; k++) a[k] = of(z[k]);
    }

    // dZ = dA ⊙ σ(Z)·(1 − σ(Z))
    @Override
    public void backward(double[] z, double[] d, int from, int to) {
        for (int k = from; k < to; k++) {
            double s = of(z[k]);
            d[k] *= s * (1 - s);
        }
    }
}
