package io.github.scratchnet.nn;

/** The hyperbolic tangent, {@code f(z) = tanh z}, {@code f'(z) = 1 − tanh² z}. */
final class Tanh implements ActivationFunction {
    static final Tanh INSTANCE = new Tanh();

    private Tanh() {
    }

    // A = tanh(Z)
    @Override
    public void forward(double[] z, double[] a, int from, int to) {
        for (int k = from; k < to; k++) a[k] = Math.tanh(z[k]);
    }

    // dZ = dA ⊙ (1 − tanh²(Z))
    @Override
    public void backward(double[] z, double[] d, int from, int to) {
        for (int k = from; k < to; k++) {
            double t = Math.tanh(z[k]);
            d[k] *= 1 - t * t;
        }
    }
}
