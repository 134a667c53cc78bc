package io.github.scratchnet.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A hidden layer with {@link BatchNormMode#FULL}: standard batchnorm on the pre-activations, with
 * trained scale {@code gamma} and shift {@code beta}, then the activation. It caches {@code Zhat} and
 * {@code Y = gamma·Zhat + beta} for its backward.
 */
final class BatchNormThen extends NormalizedActivation {
    private final Parameters params;
    private final DMatrixRMaj zhat;     // normalised pre-activations
    private final DMatrixRMaj y;        // gamma·Zhat + beta, the activation's input

    BatchNormThen(LinearLayer below, ActivationFunction f, Parameters params, RunningStats running, int capacity) {
        super(below, f, running, capacity);
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

    // Zhat = (Z - running mean) / sqrt(running var + eps); Y = gamma·Zhat + beta; A = f(Y)
    @Override
    void forwardRows(int r0, int r1) {
        double[] z = below.z.data;
        double[] zh = zhat.data;
        double[] yl = y.data;
        double[] mu = stats.mean();
        double[] is = stats.invStd();
        double[] g = params.gamma(l).data;
        double[] bt = params.beta(l).data;
        for (int idx = r0 * width, e = r1 * width, j = 0; idx < e; idx++) {
            zh[idx] = (z[idx] - mu[j]) * is[j];
            yl[idx] = g[j] * zh[idx] + bt[j];
            if (++j == width) j = 0;
        }
        f.forward(yl, a.data, r0 * width, r1 * width);
    }

    // Zhat = (Z - mean) / sqrt(var + eps) over the batch; Y = gamma·Zhat + beta; A = f(Y)
    @Override
    void forwardBatch(int m) {
        double[] z = below.z.data;
        double[] zh = zhat.data;
        double[] yl = y.data;
        stats.fromBatch(z, m);
        stats.normalise(z, zh, m);
        double[] g = params.gamma(l).data;
        double[] bt = params.beta(l).data;
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) yl[idx] = g[j] * zh[idx] + bt[j];
        }
        f.forward(yl, a.data, 0, m * width);
    }

    @Override
    void backwardBatch(int m, Parameters grads) {
        double[] da = dABuffer().data;
        double[] zh = zhat.data;
        double[] g = params.gamma(l).data;
        double[] dg = grads.gamma(l).data;
        double[] db = grads.beta(l).data;
        // dY = dA ⊙ f'(Y), in dA's place
        f.backward(y.data, da, 0, m * width);
        // dgamma = Σ dY⊙Zhat; dbeta = Σ dY; dZhat = gamma·dY (in dA's place)
        Arrays.fill(dg, 0);
        Arrays.fill(db, 0);
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) {
                double dy = da[idx];
                dg[j] += dy * zh[idx];
                db[j] += dy;
                da[idx] = dy * g[j];
            }
        }
        // dZ = invStd·(dZhat - mean(dZhat) - Zhat·mean(dZhat⊙Zhat))
        stats.backward(da, zh, below.dZ().data, m);
    }
}
