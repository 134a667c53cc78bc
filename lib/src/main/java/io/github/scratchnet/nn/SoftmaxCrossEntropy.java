package io.github.scratchnet.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The output layer's softmax with the cross-entropy cost, differentiated together: forward gives
 * each sample's cost (through log-sum-exp, so large logits cannot overflow), its most probable
 * class and, when asked, the probabilities; backward writes {@code dZ_L} of the last linear layer.
 */
final class SoftmaxCrossEntropy {
    private final LinearLayer below;
    private final int classes;
    private final DMatrixRMaj probs;    // softmax output, m x classes
    private final double[] rowCost;     // cross-entropy of every sample of the batch
    private final int[] rowArgmax;      // most probable class of every sample of the batch

    SoftmaxCrossEntropy(LinearLayer below, int capacity) {
        this.below = below;
        this.classes = below.width;
        probs = new DMatrixRMaj(capacity, classes);
        rowCost = new double[capacity];
        rowArgmax = new int[capacity];
    }

    void reshape(int m) {
        probs.reshape(m, classes, false);
    }

    // per sample: cost = logsumexp(z) - z[label]; predicted = argmax z; P = softmax(Z_L) when asked
    // (inference needs only the log-sum-exp and the largest logit)
    void forwardRows(Batch batch, int r0, int r1, boolean probabilities) {
        double[] zl = below.z.data;
        double[] pr = probs.data;
        for (int i = r0; i < r1; i++) {
            int base = i * classes;
            double max = zl[base];
            int argmax = 0;
            for (int j = 1; j < classes; j++) {
                if (zl[base + j] > max) {
                    max = zl[base + j];
                    argmax = j;
                }
            }
            double sum = 0;
            if (probabilities) {
                for (int j = 0; j < classes; j++) {
                    double e = Math.exp(zl[base + j] - max);
                    pr[base + j] = e;
                    sum += e;
                }
                for (int j = 0; j < classes; j++) pr[base + j] /= sum;
            } else {
                for (int j = 0; j < classes; j++) sum += Math.exp(zl[base + j] - max);
            }
            double lse = max + Math.log(sum);
            rowCost[i] = lse - zl[base + batch.label(i)];
            rowArgmax[i] = argmax;
        }
    }

    // dZ_L = (P - Y) / m, rows r0..r1
    void backwardRows(Batch batch, int r0, int r1) {
        int m = batch.rows();
        double[] d = below.dZ().data;
        double[] pr = probs.data;
        for (int idx = r0 * classes, e = r1 * classes; idx < e; idx++) d[idx] = pr[idx] / m;
        for (int i = r0; i < r1; i++) d[i * classes + batch.label(i)] -= 1.0 / m;
    }

    /** Cross-entropy of sample {@code i} of the last forward. */
    double cost(int i) {
        return rowCost[i];
    }

    /** Most probable class (largest logit, the first of equals) of sample {@code i} of the last forward. */
    int predicted(int i) {
        return rowArgmax[i];
    }

    /** Softmax output of the last forward that computed it, {@code m x classes}; live, reused. */
    DMatrixRMaj probabilities() {
        return probs;
    }
}
