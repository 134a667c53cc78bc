package io.github.scratchnet.nn;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Forward and backward propagation of one batch through a {@link Network}, with every work matrix
 * allocated once for batches of up to {@code capacity} samples (a smaller batch reshapes them).
 *
 * <p>Layout: one sample per row. For layer {@code l}: {@code Z = A(l-1)·Wt + b}. Hidden layers
 * apply ReLU and, depending on {@link BatchNormMode}, normalise; the output layer applies softmax,
 * and the cost is the mean cross-entropy. The first layer reads the sparse input rows directly, so
 * zero pixels cost nothing. A pass is not thread-safe: use one per thread.
 */
public final class Pass {
    private final Network net;
    private final int layers;
    private final int capacity;
    private final int[] n;

    // Forward caches: exactly what backward needs.
    private final DMatrixRMaj[] z;      // pre-activations, m x n(l)
    private final DMatrixRMaj[] a;      // hidden outputs (after ReLU and normalisation), m x n(l)
    private final DMatrixRMaj[] zhat;   // FULL: normalised pre-activations
    private final DMatrixRMaj[] y;      // FULL: gamma * zhat + beta, the ReLU input
    private final double[][] mean;      // batch mean per hidden unit
    private final double[][] invStd;    // 1 / sqrt(var + eps) per hidden unit
    private final DMatrixRMaj probs;    // softmax output, m x classes

    // Backward work matrices, allocated on the first backward call.
    private DMatrixRMaj[] dZ;
    private DMatrixRMaj[] dA;
    private double[] colWork;

    private Dataset data;
    private int[] order;
    private int from;
    private int rows;
    private double costSum;
    private int correct;

    public Pass(Network net, int capacity) {
        if (capacity <= 0) throw new ScratchnetException("batch capacity must be positive, got " + capacity);
        this.net = net;
        this.layers = net.layers();
        this.capacity = capacity;
        this.n = net.sizes();
        z = new DMatrixRMaj[layers + 1];
        a = new DMatrixRMaj[layers];
        zhat = new DMatrixRMaj[layers];
        y = new DMatrixRMaj[layers];
        mean = new double[layers][];
        invStd = new double[layers][];
        for (int l = 1; l <= layers; l++) {
            z[l] = new DMatrixRMaj(capacity, n[l]);
            if (l < layers) {
                a[l] = new DMatrixRMaj(capacity, n[l]);
                mean[l] = new double[n[l]];
                invStd[l] = new double[n[l]];
                if (net.batchNorm() == BatchNormMode.FULL) {
                    zhat[l] = new DMatrixRMaj(capacity, n[l]);
                    y[l] = new DMatrixRMaj(capacity, n[l]);
                }
            }
        }
        probs = new DMatrixRMaj(capacity, n[layers]);
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Propagates samples {@code order[from..to)} of {@code data} (or samples {@code from..to} when
     * {@code order} is null). In training mode batchnorm uses the batch statistics and updates the
     * running ones; otherwise it uses the running statistics.
     */
    public void forward(Dataset data, int[] order, int from, int to, boolean training) {
        int m = to - from;
        if (m <= 0 || m > capacity) {
            throw new ScratchnetException("batch of " + m + " samples does not fit a pass of capacity " + capacity);
        }
        if (data.features() != n[0] || data.classes() != n[layers]) {
            throw new ScratchnetException("data has " + data.features() + " features and " + data.classes()
                    + " classes but the network's layers are " + java.util.Arrays.toString(n)
                    + "; make the first layer " + data.features() + " and the last " + data.classes());
        }
        this.data = data;
        this.order = order;
        this.from = from;
        this.rows = m;
        Parameters p = net.parameters();
        for (int l = 1; l <= layers; l++) {
            z[l].reshape(m, n[l], false);
            if (l == 1) {
                sparseInputForward(p);
            } else {
                // Z = A·Wt + b
                CommonOps_DDRM.mult(a[l - 1], p.wt(l), z[l]);
                addRow(z[l], p.b(l));
            }
            if (l < layers) hiddenForward(l, training);
        }
        softmaxCrossEntropy();
    }

    private int sample(int i) {
        return order == null ? from + i : order[from + i];
    }

    // Z1 = X·Wt1 + b1, reading only the stored (non-zero) entries of each input row.
    private void sparseInputForward(Parameters p) {
        int width = n[1];
        double[] w = p.wt(1).data;
        double[] bias = p.b(1).data;
        double[] out = z[1].data;
        int[] col = data.column();
        double[] val = data.value();
        for (int i = 0; i < rows; i++) {
            int s = sample(i);
            int zo = i * width;
            System.arraycopy(bias, 0, out, zo, width);
            for (int q = data.rowStart(s), end = data.rowEnd(s); q < end; q++) {
                double v = val[q];
                int wo = col[q] * width;
                for (int o = 0; o < width; o++) out[zo + o] += v * w[wo + o];
            }
        }
    }

    private static void addRow(DMatrixRMaj target, DMatrixRMaj row) {
        double[] t = target.data;
        double[] r = row.data;
        int width = target.numCols;
        for (int i = 0, idx = 0; i < target.numRows; i++) {
            for (int j = 0; j < width; j++) t[idx++] += r[j];
        }
    }

    private void hiddenForward(int l, boolean training) {
        int m = rows;
        int width = n[l];
        a[l].reshape(m, width, false);
        double[] zl = z[l].data;
        double[] al = a[l].data;
        switch (net.batchNorm()) {
            case OFF -> {
                for (int i = 0, e = m * width; i < e; i++) al[i] = Math.max(zl[i], 0);
            }
            case NORMALIZE -> {
                // R = relu(Z); A = (R - mean) / sqrt(var + eps), per unit over the batch
                for (int i = 0, e = m * width; i < e; i++) al[i] = Math.max(zl[i], 0);
                statistics(l, al, m, width, training);
                normalise(al, al, m, l);
            }
            case FULL -> {
                // Zhat = (Z - mean) / sqrt(var + eps); Y = gamma·Zhat + beta; A = relu(Y)
                zhat[l].reshape(m, width, false);
                y[l].reshape(m, width, false);
                statistics(l, zl, m, width, training);
                double[] zh = zhat[l].data;
                double[] yl = y[l].data;
                normalise(zl, zh, m, l);
                double[] g = net.parameters().gamma(l).data;
                double[] bt = net.parameters().beta(l).data;
                for (int i = 0, idx = 0; i < m; i++) {
                    for (int j = 0; j < width; j++, idx++) {
                        yl[idx] = g[j] * zh[idx] + bt[j];
                        al[idx] = Math.max(yl[idx], 0);
                    }
                }
            }
        }
    }

    // Fills mean[l] and invStd[l] from the batch (training) or the running statistics (inference).
    private void statistics(int l, double[] x, int m, int width, boolean training) {
        double[] mu = mean[l];
        double[] is = invStd[l];
        RunningStats stats = net.runningStats();
        if (!training) {
            double[] rm = stats.mean(l).data;
            double[] rv = stats.var(l).data;
            for (int j = 0; j < width; j++) {
                mu[j] = rm[j];
                is[j] = 1.0 / Math.sqrt(rv[j] + Network.BN_EPSILON);
            }
            return;
        }
        java.util.Arrays.fill(mu, 0);
        java.util.Arrays.fill(is, 0);
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++) mu[j] += x[idx++];
        }
        for (int j = 0; j < width; j++) mu[j] /= m;
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) {
                double d = x[idx] - mu[j];
                is[j] += d * d;
            }
        }
        double[] rm = stats.mean(l).data;
        double[] rv = stats.var(l).data;
        for (int j = 0; j < width; j++) {
            double var = is[j] / m;
            rm[j] = Network.BN_MOMENTUM * rm[j] + (1 - Network.BN_MOMENTUM) * mu[j];
            rv[j] = Network.BN_MOMENTUM * rv[j] + (1 - Network.BN_MOMENTUM) * var;
            is[j] = 1.0 / Math.sqrt(var + Network.BN_EPSILON);
        }
    }

    private void normalise(double[] x, double[] out, int m, int l) {
        int width = n[l];
        double[] mu = mean[l];
        double[] is = invStd[l];
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) out[idx] = (x[idx] - mu[j]) * is[j];
        }
    }

    // P = softmax(Z_L) row by row, computed through log-sum-exp so large logits cannot overflow;
    // the cross-entropy of a row is logsumexp(z) - z[label].
    private void softmaxCrossEntropy() {
        int width = n[layers];
        probs.reshape(rows, width, false);
        double[] zl = z[layers].data;
        double[] pr = probs.data;
        costSum = 0;
        correct = 0;
        for (int i = 0; i < rows; i++) {
            int base = i * width;
            double max = zl[base];
            int argmax = 0;
            for (int j = 1; j < width; j++) {
                if (zl[base + j] > max) {
                    max = zl[base + j];
                    argmax = j;
                }
            }
            double sum = 0;
            for (int j = 0; j < width; j++) {
                double e = Math.exp(zl[base + j] - max);
                pr[base + j] = e;
                sum += e;
            }
            double lse = max + Math.log(sum);
            for (int j = 0; j < width; j++) pr[base + j] /= sum;
            int label = data.label(sample(i));
            costSum += lse - zl[base + label];
            if (argmax == label) correct++;
        }
    }

    /** Number of samples in the last forward pass. */
    public int rows() {
        return rows;
    }

    /** Sum over the last batch of each sample's cross-entropy. */
    public double crossEntropySum() {
        return costSum;
    }

    /** Mean cross-entropy of the last batch. */
    public double crossEntropy() {
        return costSum / rows;
    }

    /** Number of samples of the last batch whose most probable class is the label. */
    public int correct() {
        return correct;
    }

    /** Softmax output of the last forward pass, {@code rows x classes}; live, reused. */
    public DMatrixRMaj probabilities() {
        return probs;
    }

    /** Most probable class of sample {@code i} of the last batch. */
    public int predicted(int i) {
        int width = n[layers];
        double[] pr = probs.data;
        int best = 0;
        for (int j = 1; j < width; j++) if (pr[i * width + j] > pr[i * width + best]) best = j;
        return best;
    }

    /**
     * Gradients of {@code crossEntropy() + lambda/(2m)·sum(W²)} for the last training-mode forward
     * pass, written into {@code grads}.
     */
    public void backward(double lambda, Parameters grads) {
        if (dZ == null) allocateBackward();
        int m = rows;
        Parameters p = net.parameters();
        // dZ_L = (P - Y) / m: softmax and cross-entropy differentiated together
        DMatrixRMaj dzOut = dZ[layers];
        dzOut.reshape(m, n[layers], false);
        double[] d = dzOut.data;
        double[] pr = probs.data;
        int width = n[layers];
        for (int i = 0; i < m * width; i++) d[i] = pr[i] / m;
        for (int i = 0; i < m; i++) d[i * width + data.label(sample(i))] -= 1.0 / m;

        for (int l = layers; l >= 1; l--) {
            // dWt = A(l-1)ᵀ·dZ + (λ/m)·Wt
            if (l == 1) {
                sparseInputWeightGradient(grads.wt(1));
            } else {
                CommonOps_DDRM.multTransA(a[l - 1], dZ[l], grads.wt(l));
            }
            if (lambda != 0) CommonOps_DDRM.addEquals(grads.wt(l), lambda / m, p.wt(l));
            // db = column sums of dZ
            columnSums(dZ[l], grads.b(l).data);
            if (l > 1) {
                // dA(l-1) = dZ·Wtᵀ
                dA[l - 1].reshape(m, n[l - 1], false);
                CommonOps_DDRM.multTransB(dZ[l], p.wt(l), dA[l - 1]);
                hiddenBackward(l - 1, grads);
            }
        }
    }

    private void allocateBackward() {
        dZ = new DMatrixRMaj[layers + 1];
        dA = new DMatrixRMaj[layers];
        for (int l = 1; l <= layers; l++) {
            dZ[l] = new DMatrixRMaj(capacity, n[l]);
            if (l < layers) dA[l] = new DMatrixRMaj(capacity, n[l]);
        }
        int widest = 0;
        for (int w : n) widest = Math.max(widest, w);
        colWork = new double[2 * widest];
    }

    // dWt1 = Xᵀ·dZ1, touching only the input's stored entries.
    private void sparseInputWeightGradient(DMatrixRMaj dwt) {
        int width = n[1];
        double[] dw = dwt.data;
        java.util.Arrays.fill(dw, 0, dwt.getNumElements(), 0);
        double[] dz = dZ[1].data;
        int[] col = data.column();
        double[] val = data.value();
        for (int i = 0; i < rows; i++) {
            int s = sample(i);
            int zo = i * width;
            for (int q = data.rowStart(s), end = data.rowEnd(s); q < end; q++) {
                double v = val[q];
                int wo = col[q] * width;
                for (int o = 0; o < width; o++) dw[wo + o] += v * dz[zo + o];
            }
        }
    }

    private static void columnSums(DMatrixRMaj x, double[] out) {
        int width = x.numCols;
        java.util.Arrays.fill(out, 0, width, 0);
        double[] d = x.data;
        for (int i = 0, idx = 0; i < x.numRows; i++) {
            for (int j = 0; j < width; j++) out[j] += d[idx++];
        }
    }

    // From dA(l) to dZ(l) through the hidden layer's ReLU and normalisation.
    private void hiddenBackward(int l, Parameters grads) {
        int m = rows;
        int width = n[l];
        dZ[l].reshape(m, width, false);
        double[] dz = dZ[l].data;
        double[] da = dA[l].data;
        double[] zl = z[l].data;
        switch (net.batchNorm()) {
            case OFF -> {
                // dZ = dA ⊙ [Z > 0]
                for (int i = 0, e = m * width; i < e; i++) dz[i] = zl[i] > 0 ? da[i] : 0;
            }
            case NORMALIZE -> {
                // dR = invStd·(dA - mean(dA) - Â·mean(dA⊙Â)); dZ = dR ⊙ [Z > 0]
                normaliseBackward(da, a[l].data, dz, m, l);
                for (int i = 0, e = m * width; i < e; i++) if (zl[i] <= 0) dz[i] = 0;
            }
            case FULL -> {
                // dY = dA ⊙ [Y > 0]; dgamma = Σ dY⊙Zhat; dbeta = Σ dY; dZhat = gamma·dY
                double[] yl = y[l].data;
                double[] zh = zhat[l].data;
                double[] g = net.parameters().gamma(l).data;
                double[] dg = grads.gamma(l).data;
                double[] db = grads.beta(l).data;
                java.util.Arrays.fill(dg, 0);
                java.util.Arrays.fill(db, 0);
                for (int i = 0, idx = 0; i < m; i++) {
                    for (int j = 0; j < width; j++, idx++) {
                        double dy = yl[idx] > 0 ? da[idx] : 0;
                        dg[j] += dy * zh[idx];
                        db[j] += dy;
                        da[idx] = dy * g[j];
                    }
                }
                // dZ = invStd·(dZhat - mean(dZhat) - Zhat·mean(dZhat⊙Zhat))
                normaliseBackward(da, zh, dz, m, l);
            }
        }
    }

    // Backward of x̂ = (x - mean)·invStd with batch statistics: the gradient also flows through
    // the mean and the variance, which is what makes this more than a rescaling.
    private void normaliseBackward(double[] dxhat, double[] xhat, double[] dx, int m, int l) {
        int width = n[l];
        double[] is = invStd[l];
        double[] meanD = colWork;
        java.util.Arrays.fill(meanD, 0, 2 * width, 0);
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) {
                meanD[j] += dxhat[idx];
                meanD[width + j] += dxhat[idx] * xhat[idx];
            }
        }
        for (int j = 0; j < 2 * width; j++) meanD[j] /= m;
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++, idx++) {
                dx[idx] = is[j] * (dxhat[idx] - meanD[j] - xhat[idx] * meanD[width + j]);
            }
        }
    }
}
