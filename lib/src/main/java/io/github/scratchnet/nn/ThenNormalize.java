package io.github.scratchnet.nn;

/**
 * A hidden layer with {@link BatchNormMode#NORMALIZE}, the report's {@code applyBatchnorm} in its
 * sound form: the activation, then each unit normalised by its batch mean and variance (running
 * ones at inference), with no trained scale or shift; differentiated through the statistics.
 */
final class ThenNormalize extends NormalizedActivation {
    ThenNormalize(LinearLayer below, ActivationFunction f, RunningStats running, int capacity) {
        super(below, f, running, capacity);
    }

    // A = (f(Z) - running mean) / sqrt(running var + eps)
    @Override
    void forwardRows(int r0, int r1) {
        double[] out = a.data;
        double[] mu = stats.mean();
        double[] is = stats.invStd();
        f.forward(below.z.data, out, r0 * width, r1 * width);
        for (int idx = r0 * width, e = r1 * width, j = 0; idx < e; idx++) {
            out[idx] = (out[idx] - mu[j]) * is[j];
            if (++j == width) j = 0;
        }
    }

    // R = f(Z); A = (R - mean) / sqrt(var + eps), per unit over the batch
    @Override
    void forwardBatch(int m) {
        double[] out = a.data;
        f.forward(below.z.data, out, 0, m * width);
        stats.fromBatch(out, m);
        stats.normalise(out, out, m);
    }

    // dR = invStd·(dA - mean(dA) - A·mean(dA⊙A)); dZ = dR ⊙ f'(Z)
    @Override
    void backwardBatch(int m, Parameters grads) {
        double[] dz = below.dZ().data;
        stats.backward(dABuffer().data, a.data, dz, m);
        f.backward(below.z.data, dz, 0, m * width);
    }
}
