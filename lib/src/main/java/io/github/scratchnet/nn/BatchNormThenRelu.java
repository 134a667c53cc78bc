package io.github.scratchnet.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A hidden layer with {@link BatchNormMode#FULL}: standard batchnorm on the pre-activations, with
 * trained scale {@code gamma} and shift {@code beta}, then ReLU. It caches {@code Zhat} and
 * {@code Y = gamma·Zhat + beta} for its backward.
 */
final class BatchNormThenRelu extends NormalizedActivation {
    private final Parameters params;
    private final DMatrixRMaj zhat;     // normalised pre-activations
    private final DMatrixRMaj y;        // gamma·Zhat + beta, the ReLU input

    BatchNormThenRelu(LinearLayer below, Parameters params, RunningStats running, int capacity) {
        super(below, running, capacity);
        this.params = params;
        zhat = new DMatrixRMaj(capacity, width);
        y = new DMatrixRMaj(capacity, width);
    }

    @Override
    void reshape(int m) {
        super.reshape(m);
        zhat.reshape(m, width, false);
        y.reshape(m, width, false);
    }

    // Zhat = (Z - running mean) / sqrt(running var + eps); Y = gamma·Zhat + beta; A = relu(Y)
    @Override
    void forwardRows(int r0, int r1) {
        double[] z = below.z.data;
        double[] zh = zhat.data;
        double[] yl = y.data;
        double[] out = a.data;
        double[] mu = stats.mean();
        double[] is = stats.invStd();
        double[] g = params.gamma(l).data;
        double[] bt = params.beta(l).data;
        for (int idx = r0 * width, e = r1 * width, j = 0; idx < e; idx++) {
            zh[idx] = (z[idx] - mu[j]) * is[j];
            yl[idx] = g[j] * zh[idx] + bt[j];
            out[idx] = Math.max(yl[idx], 0);
            if (++j == width) j = 0;
        }
    }

    // Zhat = (Z - mean) / sqrt(var + eps) over the batch; Y = gamma·Zhat + beta; A = relu(Y)
    @Override
    void forwardBatch(int m) {
        double[] z = below.z.data;
        double[] zh = zhat.data;
        double[] yl = y.data;
        double[] out = a.data;
        stats.fromBatch(z, m);
        stats.normalise(z, zh, m);
        double[] g = params.gamma(l).data;
        double[] bt = params.beta(l).data;
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) {
                yl[idx] = g[j] * zh[idx] + bt[j];
                out[idx] = Math.max(yl[idx], 0);
            }
        }
    }

    @Override
    void backwardBatch(int m, Parameters grads) {
        double[] da = dA().data;
        double[] yl = y.data;
        double[] zh = zhat.data;
        double[] g = params.gamma(l).data;
        double[] dg = grads.gamma(l).data;
        double[] db = grads.beta(l).data;
        // dY = dA ⊙ [Y > 0]; dgamma = Σ dY⊙Zhat; dbeta = Σ dY; dZhat = gamma·dY (in dA's place)
        Arrays.fill(dg, 0);
        Arrays.fill(db, 0);
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) {
                double dy = yl[idx] > 0 ? da[idx] : 0;
                dg[j] += dy * zh[idx];
                db[j] += dy;
                da[idx] = dy * g[j];
            }
        }
        // dZ = invStd·(dZhat - mean(dZhat) - Zhat·mean(dZhat⊙Zhat))
        stats.backward(da, zh, below.dZ().data, m);
    }

    // the fused step: gamma ← gamma + (-rate)·dgamma; beta ← beta + (-rate)·dbeta
    @Override
    void update(Step step) {
        if (!step.update()) return;
        Sgd.update(params.gamma(l), step.grads().gamma(l), step.learningRate());
        Sgd.update(params.beta(l), step.grads().beta(l), step.learningRate());
    }
}
