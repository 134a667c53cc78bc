package io.github.scratchnet.nn;

/**
 * An element-wise hidden activation {@code a = f(z)}, forward beside backward, on ranges of
 * preallocated arrays (nothing allocated). The backward takes the derivative from the input
 * {@code z}, not from the output: two of the three hidden-layer kinds overwrite the output with its
 * normalisation ({@link ThenNormalize}, {@link ThenReportNormalize}), and recomputing {@code f} for
 * the few hidden units costs little next to the 784-wide first layer. The kinds are named by
 * {@link Activation}.
 */
interface ActivationFunction {
    /** {@code a[k] = f(z[k])} for {@code from <= k < to}; {@code a} may be {@code z}. */
    void forward(double[] z, double[] a, int from, int to);

    /** {@code d[k] = d[k]·f'(z[k])} for {@code from <= k < to}, in place: {@code dA} becomes {@code dZ}. */
    void backward(double[] z, double[] d, int from, int to);
}
