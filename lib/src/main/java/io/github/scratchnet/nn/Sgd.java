package io.github.scratchnet.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Plain stochastic gradient descent: every parameter moves against its gradient.
 *
 * <p>The training loop uses {@link Pass#backwardAndUpdate}, which applies this same rule
 * ({@code θ ← θ + (-rate)·dθ}, element by element) while the gradient is being computed; a test
 * pins the two to the same bits.
 */
public final class Sgd {
    private Sgd() {}

    /** {@code θ ← θ - learningRate·dθ} for every array of {@code params}; allocates nothing. */
    public static void update(Parameters params, Parameters grads, double learningRate) {
        for (int l = 1; l <= params.layers(); l++) {
            update(params.wt(l), grads.wt(l), learningRate);
            update(params.b(l), grads.b(l), learningRate);
            if (params.gamma(l) != null) {
                update(params.gamma(l), grads.gamma(l), learningRate);
                update(params.beta(l), grads.beta(l), learningRate);
            }
        }
    }

    /** {@code θ ← θ + (-learningRate)·dθ} for one array. */
    static void update(DMatrixRMaj theta, DMatrixRMaj grad, double learningRate) {
        CommonOps_DDRM.addEquals(theta, -learningRate, grad);
    }
}
