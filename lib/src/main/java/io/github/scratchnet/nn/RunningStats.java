package io.github.scratchnet.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Batchnorm buffers: the running mean and variance of each hidden layer, used at inference in
 * place of the batch statistics. They are updated by training but are not trained parameters.
 */
public final class RunningStats {
    private final DMatrixRMaj[] mean;
    private final DMatrixRMaj[] var;

    /** Zero means and unit variances for the hidden layers of {@code sizes}. */
    public RunningStats(int[] sizes) {
        int layers = sizes.length - 1;
        mean = new DMatrixRMaj[layers];
        var = new DMatrixRMaj[layers];
        for (int l = 1; l < layers; l++) {
            mean[l] = new DMatrixRMaj(1, sizes[l]);
            var[l] = new DMatrixRMaj(1, sizes[l]);
            var[l].fill(1.0);
        }
    }

    /** Running mean of hidden layer {@code l} ({@code 1 x n(l)}); live. */
    public DMatrixRMaj mean(int l) {
        return mean[l];
    }

    /** Running variance of hidden layer {@code l} ({@code 1 x n(l)}); live. */
    public DMatrixRMaj var(int l) {
        return var[l];
    }

    /** Copies every value of {@code other} into this. */
    public void setTo(RunningStats other) {
        for (int l = 1; l < mean.length; l++) {
            mean[l].setTo(other.mean[l]);
            var[l].setTo(other.var[l]);
        }
    }
}
