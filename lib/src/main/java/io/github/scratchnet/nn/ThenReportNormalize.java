package io.github.scratchnet.nn;

/**
 * A hidden layer with {@link BatchNormMode#NORMALIZE} in the report's {@link Formulas.BatchNormForm#REPORT
 * form}: the activation, then each unit normalised as the report's {@code apply_batchnorm} did,
 * {@code (R − mean) / (std + 0.001)} with the n−1 standard deviation of the samples at hand. It
 * keeps no running statistics, so inference normalises the set being scored with that set's own
 * statistics, and its backward treats the normalisation as the identity (the report never
 * differentiated it): {@code dZ = dA ⊙ f'(Z)}, in place in the linear layer's {@code dZ}, which is
 * the backward of the {@link ActivationOnly} it extends.
 */
final class ThenReportNormalize extends ActivationOnly {
    /** Added to the standard deviation, not the variance, as the report's code did. */
    static final double EPSILON = 0.001;

    private final double[] mean;
    private final double[] divisor;     // std + 0.001 per unit

    ThenReportNormalize(LinearLayer below, ActivationFunction f, int capacity) {
        super(below, f, capacity);
        mean = new double[width];
        divisor = new double[width];
    }

    @Override
    void forwardRows(int r0, int r1) {
        throw new IllegalStateException("the report's batchnorm needs the statistics of the whole set; use forwardBatch");
    }

    // R = f(Z); mean = Σ R / m; std = sqrt(Σ (R − mean)² / (m − 1)); A = (R − mean) / (std + 0.001)
    @Override
    void forwardBatch(int m) {
        super.forwardRows(0, m);
        double[] out = a.data;
        java.util.Arrays.fill(mean, 0);
        java.util.Arrays.fill(divisor, 0);
        for (int idx = 0, e = m * width, j = 0; idx < e; idx++) {
            mean[j] += out[idx];
            if (++j == width) j = 0;
        }
        for (int j = 0; j < width; j++) mean[j] /= m;
        for (int idx = 0, e = m * width, j = 0; idx < e; idx++) {
            double d = out[idx] - mean[j];
            divisor[j] += d * d;
            if (++j == width) j = 0;
        }
        for (int j = 0; j < width; j++) divisor[j] = Math.sqrt(divisor[j] / (m - 1)) + EPSILON;
        for (int idx = 0, e = m * width, j = 0; idx < e; idx++) {
            out[idx] = (out[idx] - mean[j]) / divisor[j];
            if (++j == width) j = 0;
        }
    }

    // Backward is ActivationOnly's, dZ = dA ⊙ f'(Z) in place: the normalisation passes the gradient through unchanged.
}
