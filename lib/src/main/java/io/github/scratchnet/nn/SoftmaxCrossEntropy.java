package io.github.scratchnet.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The output layer's softmax with the cross-entropy cost, differentiated together: forward gives
 * each sample's cost, its most probable class and, when asked, the probabilities; backward writes
 * {@code dZ_L} of the last linear layer. With the sound {@link Formulas} the cost goes through
 * log-sum-exp, so large logits cannot overflow; with the report's the probabilities come first and
 * the cost and the prediction are taken from them, as its code did.
 */
final class SoftmaxCrossEntropy {
    private final LinearLayer below;
    private final int classes;
    private final DMatrixRMaj probs;    // softmax output, m x classes
    private final double[] rowCost;     // cross-entropy of every sample of the batch
    private final int[] rowArgmax;      // most probable class of every sample of the batch
    private final Formulas formulas;

    SoftmaxCrossEntropy(LinearLayer below, Formulas formulas, int capacity) {
        this.below = below;
        this.formulas = formulas;
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
        if (formulas.needsProbabilities()) {
            forwardThroughProbabilities(batch, r0, r1);
            return;
        }
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

    // per sample: P = exp(z − shift) / Σ exp(z − shift), shift = max z or 0 (the report's, which
    // overflows to NaN past z ≈ 709); cost = −log P_y (exact) or −log(P_y + 0.001) (the report's),
    // NaN when any P is, as the report's sum over all classes of y·log(P + 0.001) was; predicted =
    // argmax P, NaN counting as largest and the first of equals winning, as torch.argmax does
    private void forwardThroughProbabilities(Batch batch, int r0, int r1) {
        double[] zl = below.z.data;
        double[] pr = probs.data;
        boolean shifted = formulas.softmax() == Formulas.Softmax.SHIFTED;
        double offset = formulas.crossEntropy() == Formulas.CrossEntropy.EXACT ? 0 : 0.001;
        for (int i = r0; i < r1; i++) {
            int base = i * classes;
            double shift = 0;
            if (shifted) {
                shift = zl[base];
                for (int j = 1; j < classes; j++) shift = Math.max(shift, zl[base + j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                double e = Math.exp(zl[base + j] - shift);
                pr[base + j] = e;
                sum += e;
            }
            int argmax = 0;
            boolean nan = false;
            for (int j = 0; j < classes; j++) {
                double p = pr[base + j] / sum;
                pr[base + j] = p;
                if (Double.isNaN(p)) {
                    if (!nan) argmax = j;
                    nan = true;
                } else if (!nan && p > pr[base + argmax]) {
                    argmax = j;
                }
            }
            rowCost[i] = nan ? Double.NaN : -Math.log(pr[base + batch.label(i)] + offset);
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
