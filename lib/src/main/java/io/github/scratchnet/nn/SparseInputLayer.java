package io.github.scratchnet.nn;

import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.Parameters.Part;
import io.github.scratchnet.optim.Sgd;
import java.util.Arrays;

/**
 * The first layer, {@code Z1 = X·Wt1 + b1}, read straight from the sparse input rows: a zero pixel
 * costs nothing forward or backward.
 *
 * <p>Backward, the weight gradient {@code dWt1 = Xᵀ·dZ1} is added sample after sample into the
 * rows of the pixels each sample has (a unit whose {@code dZ1} is zero adds an exact zero, so the
 * scalar kernel skips those units). Split across threads it is cut into chunks of
 * {@value #FEATURE_CHUNK} input features, each chunk owning its rows.
 *
 * <p>Under plain SGD the fused step adds the gradient into {@code dw1}, which is zero between
 * steps, and {@link Sgd#updateWrittenRows} moves the rows of {@code Wt1} and clears them again: a
 * batch of fewer than {@value #SWEEP_MIN_ROWS} samples marks the rows it writes and moves only
 * those (without L2; with L2 every row moves by its {@code (λ/m)·Wt1} part), while a larger batch,
 * which writes most rows anyway, sweeps all {@code 784 x 20}. Every other optimiser gets the whole
 * gradient, L2 included, in {@code grads} and moves every row: its state decays where the gradient
 * is zero.
 */
final class SparseInputLayer extends LinearLayer {
    /** Input features per unit of work of the weight gradient when split. */
    static final int FEATURE_CHUNK = 112;
    /** From this many samples on, the fused step updates every row of Wt1 instead of tracking the written ones. */
    static final int SWEEP_MIN_ROWS = 48;

    // Backward work, allocated on the first backward.
    private int[] unitOrder;            // per sample: the units, those with dZ1 != 0 first
    private int[] activeUnits;          // per sample: how many units have dZ1 != 0
    private int[] featureCut;           // per sample: where its entries cross each FEATURE_CHUNK boundary
    // Fused step, allocated on the first one.
    private double[] dw1;               // dWt1, all zero between steps
    private boolean[] touched;          // rows of dw1 written in this step

    SparseInputLayer(Parameters params, int capacity) {
        super(1, params, capacity);
    }

    // Z1 = X·Wt1 + b1, reading only the stored (non-zero) entries of each input row
    void forward(Batch batch, int r0, int r1) {
        Dataset data = batch.data();
        double[] w = params.wt(1).data;
        double[] bias = params.b(1).data;
        double[] out = z.data;
        int[] col = data.column();
        double[] val = data.value();
        for (int i = r0; i < r1; i++) {
            int s = batch.sample(i);
            int zo = i * width;
            System.arraycopy(bias, 0, out, zo, width);
            Kernels.sparseAccumulate(out, zo, width, w, col, val, data.rowStart(s), data.rowEnd(s));
        }
    }

    @Override
    void prepareBackward(int m) {
        super.prepareBackward(m);
        if (unitOrder == null) {
            unitOrder = new int[capacity * width];
            activeUnits = new int[capacity];
            featureCut = new int[capacity * (featureChunks() + 1)];
        }
    }

    /** Allocates the plain SGD step's work on its first use (before the stage, not inside it). */
    void prepareStep(Step step) {
        if (step.plainSgd() != null && dw1 == null) {
            dw1 = new double[inputs * width];
            touched = new boolean[inputs];
        }
    }

    /** Number of feature chunks the weight gradient is cut into when split. */
    int featureChunks() {
        return (inputs + FEATURE_CHUNK - 1) / FEATURE_CHUNK;
    }

    // Per sample: how many units have dZ1 != 0 (and, for the scalar kernel, those units first),
    // and (when the gradient is split) where its entries cross each FEATURE_CHUNK boundary.
    void sortUnits(Batch batch, int r0, int r1, boolean split) {
        double[] dz = dZ().data;
        int chunks = featureChunks();
        Dataset data = batch.data();
        int[] col = data.column();
        boolean ordered = Kernels.ordersUnits();
        for (int i = r0; i < r1; i++) {
            int zo = i * width;
            int active = 0, rest = width;
            if (ordered) {
                for (int o = 0; o < width; o++) {
                    if (dz[zo + o] != 0) unitOrder[zo + active++] = o;
                    else unitOrder[zo + --rest] = o;
                }
            } else {
                for (int o = 0; o < width; o++) if (dz[zo + o] != 0) active++;
            }
            activeUnits[i] = active;
            if (split) {
                int s = batch.sample(i);
                int q = data.rowStart(s), q1 = data.rowEnd(s);
                int co = i * (chunks + 1);
                for (int c = 0; c < chunks; c++) {
                    featureCut[co + c] = q;
                    q = firstAtLeast(col, q, q1, (c + 1) * FEATURE_CHUNK); // a row's features ascend
                }
                featureCut[co + chunks] = q1;
            }
        }
    }

    // The first index in lo..hi whose feature is >= bound (hi when none).
    private static int firstAtLeast(int[] col, int lo, int hi, int bound) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (col[mid] < bound) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Rows of {@code dWt1} for feature chunk {@code chunk} (-1: all rows, the whole samples), after
     * {@link #sortUnits}; in the fused step the optimiser then moves those rows of {@code Wt1}.
     */
    void weightGradient(Batch batch, Step step, int chunk) {
        int j0 = chunk < 0 ? 0 : chunk * FEATURE_CHUNK;
        int j1 = chunk < 0 ? inputs : Math.min(inputs, (chunk + 1) * FEATURE_CHUNK);
        int m = batch.rows();
        int cuts = featureChunks() + 1;
        double[] dz = dZ().data;
        double[] w = params.wt(1).data;
        Sgd sgd = step.plainSgd();
        boolean fused = sgd != null;
        double[] dw = fused ? dw1 : step.grads().wt(1).data;
        if (!fused) Arrays.fill(dw, j0 * width, j1 * width, 0);
        Dataset data = batch.data();
        int[] col = data.column();
        double[] val = data.value();
        // dWt1 = Xᵀ·dZ1, sample by sample; small batches mark the rows they write, larger ones
        // sweep all rows (a row never written adds 0)
        boolean mark = fused && m < SWEEP_MIN_ROWS;
        for (int i = 0; i < m; i++) {
            int active = activeUnits[i];
            if (active == 0) continue;
            int q0, q1;
            if (chunk < 0) {
                int s = batch.sample(i);
                q0 = data.rowStart(s);
                q1 = data.rowEnd(s);
            } else {
                q0 = featureCut[i * cuts + chunk];
                q1 = featureCut[i * cuts + chunk + 1];
            }
            if (q0 == q1) continue;
            if (mark) {
                for (int q = q0; q < q1; q++) touched[col[q]] = true;
            }
            Kernels.scatterRow(dw, width, col, val, q0, q1, dz, i * width, unitOrder, i * width, active);
        }
        double c = step.lambda() / m;
        if (fused) {
            // plain SGD: Wt1 ← Wt1 + (-rate)·(dWt1 + (λ/m)·Wt1), and dw1 back to zero
            sgd.updateWrittenRows(w, dw, width, j0, j1, mark ? touched : null, c);
            return;
        }
        // dWt1 += (λ/m)·Wt1
        if (step.lambda() != 0) {
            for (int e = j0 * width; e < j1 * width; e++) dw[e] += c * w[e];
        }
        // any other optimiser moves every row of the chunk
        if (step.updates()) step.optimizer().update(step.grads(), Part.WEIGHT, 1, j0 * width, j1 * width);
    }
}
