package io.github.scratchnet.nn;

import java.util.Arrays;

/**
 * The per-unit mean and {@code 1/sqrt(var + eps)} that one hidden layer normalises with: the batch's
 * in training (which also moves the {@link RunningStats}), the running ones at inference; and the
 * backward of {@code x̂ = (x - mean)·invStd}. Used by {@link ThenNormalize} and {@link BatchNormThen}.
 */
final class BatchStatistics {
    private final int l;
    private final int width;
    private final RunningStats running;
    private final double[] mean;        // per unit
    private final double[] invStd;      // 1 / sqrt(var + eps) per unit
    private final double[] colWork;     // fromBatch: Σ(x - mean)²; backward: mean(dx̂) and mean(dx̂⊙x̂); per unit

    BatchStatistics(int l, int width, RunningStats running) {
        this.l = l;
        this.width = width;
        this.running = running;
        mean = new double[width];
        invStd = new double[width];
        colWork = new double[2 * width];
    }

    double[] mean() {
        return mean;
    }

    double[] invStd() {
        return invStd;
    }

    // mean = running mean; invStd = 1 / sqrt(running var + eps)
    void useRunning() {
        double[] rm = running.mean(l).data;
        double[] rv = running.var(l).data;
        for (int j = 0; j < width; j++) {
            mean[j] = rm[j];
            invStd[j] = 1.0 / Math.sqrt(rv[j] + Network.BN_EPSILON);
        }
    }

    // mean = Σx/m; var = Σ(x - mean)²/m (biased); running ← momentum·running + (1 - momentum)·batch;
    // invStd = 1 / sqrt(var + eps)
    void fromBatch(double[] x, int m) {
        double[] mu = mean;
        double[] squares = colWork;
        Arrays.fill(mu, 0);
        Arrays.fill(squares, 0, width, 0);
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++) mu[j] += x[idx++];
        }
        for (int j = 0; j < width; j++) mu[j] /= m;
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) {
                double d = x[idx] - mu[j];
                squares[j] += d * d;
            }
        }
        double[] rm = running.mean(l).data;
        double[] rv = running.var(l).data;
        for (int j = 0; j < width; j++) {
            double var = squares[j] / m;
            rm[j] = Network.BN_MOMENTUM * rm[j] + (1 - Network.BN_MOMENTUM) * mu[j];
            rv[j] = Network.BN_MOMENTUM * rv[j] + (1 - Network.BN_MOMENTUM) * var;
            invStd[j] = 1.0 / Math.sqrt(var + Network.BN_EPSILON);
        }
    }

    // x̂ = (x - mean)·invStd
    void normalise(double[] x, double[] out, int m) {
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) out[idx] = (x[idx] - mean[j]) * invStd[j];
        }
    }

    // dx = invStd·(dx̂ - mean(dx̂) - x̂·mean(dx̂⊙x̂)): with batch statistics the gradient also flows
    // through the mean and the variance, which is what makes this more than a rescaling
    void backward(double[] dxhat, double[] xhat, double[] dx, int m) {
        double[] meanD = colWork;
        Arrays.fill(meanD, 0, 2 * width, 0);
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) {
                meanD[j] += dxhat[idx];
                meanD[width + j] += dxhat[idx] * xhat[idx];
            }
        }
        for (int j = 0; j < 2 * width; j++) meanD[j] /= m;
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) {
                dx[idx] = invStd[j] * (dxhat[idx] - meanD[j] - xhat[idx] * meanD[width + j]);
            }
        }
    }
}
