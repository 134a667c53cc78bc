package io.github.scratchnet.nn;

/**
 * A hidden layer with {@link BatchNormMode#NORMALIZE}, the report's {@code applyBatchnorm}: ReLU,
 * then each unit normalised by its batch mean and variance (running ones at inference), with no
 * trained scale or shift.
 */
final class ReluThenNormalize extends NormalizedActivation {
    ReluThenNormalize(LinearLayer below, RunningStats running, int capacity) {
        super(below, running, capacity);
    }

    // A = (relu(Z) - running mean) / sqrt(running var + eps)
    @Override
    void forwardRows(int r0, int r1) {
        double[] z = below.z.data;
        double[] out = a.data;
        double[] mu = stats.mean();
        double[] is = stats.invStd();
        for (int idx = r0 * width, e = r1 * width, j = 0; idx < e; idx++) {
            out[idx] = (Math.max(z[idx], 0) - mu[j]) * is[j];
            if (++j == width) j = 0;
        }
    }

    // R = relu(Z); A = (R - mean) / sqrt(var + eps), per unit over the batch
    @Override
    void forwardBatch(int m) {
        double[] z = below.z.data;
        double[] out = a.data;
        for (int o = 0, e = m * width; o < e; o++) out[o] = Math.max(z[o], 0);
        stats.fromBatch(out, m);
        stats.normalise(out, out, m);
    }

    // dR = invStd·(dA - mean(dA) - A·mean(dA⊙A)); dZ = dR ⊙ [Z > 0]
    @Override
    void backwardBatch(int m, Parameters grads) {
        double[] z = below.z.data;
        double[] dz = below.dZ().data;
        stats.backward(dA().data, a.data, dz, m);
        for (int i = 0, e = m * width; i < e; i++) if (z[i] <= 0) dz[i] = 0;
    }
}
