package io.github.scratchnet.nn;

/**
 * ReLU, {@code f(z) = max(z, 0)}, {@code f'(z) = [z > 0]}. Its zero gradients for inactive units
 * are what the first layer's weight gradient skips ({@link Kernels#scatterRow}).
 */
final class Relu implements ActivationFunction {
    static final Relu INSTANCE = new Relu();

    private Relu() {
    }

    // A = max(Z, 0)
    @Override
    public void forward(double[] z, double[] a, int from, int to) {
        for (int k = from; k < to; k++) a[k] = Math.max(z[k], 0);
    }

    // dZ = dA ⊙ [Z > 0]: a masked entry is set to 0 (not multiplied, which would give -0 and keep NaN)
    @Override
    public void backward(double[] z, double[] d, int from, int to) {
        for (int k = from; k < to; k++) if (!(z[k] > 0)) d[k] = 0;
    }
}
