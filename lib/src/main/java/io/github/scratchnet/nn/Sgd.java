package io.github.scratchnet.nn;

import org.ejml.dense.row.CommonOps_DDRM;

/** Plain stochastic gradient descent: every parameter moves against its gradient. */
public final class Sgd {
    private Sgd() {}

    /** {@code θ ← θ - learningRate·dθ} for every array of {@code params}; allocates nothing. */
    public static void update(Parameters params, Parameters grads, double learningRate) {
        for (int l = 1; l <= params.layers(); l++) {
            CommonOps_DDRM.addEquals(params.wt(l), -learningRate, grads.wt(l));
            CommonOps_DDRM.addEquals(params.b(l), -learningRate, grads.b(l));
            if (params.gamma(l) != null) {
                CommonOps_DDRM.addEquals(params.gamma(l), -learningRate, grads.gamma(l));
                CommonOps_DDRM.addEquals(params.beta(l), -learningRate, grads.beta(l));
            }
        }
    }
}
