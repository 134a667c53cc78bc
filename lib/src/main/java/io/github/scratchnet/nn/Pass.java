package io.github.scratchnet.nn;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.ejml.data.DMatrixRMaj;

/**
 * Forward and backward propagation of one batch through a {@link Network}, with every work matrix
 * allocated once for batches of up to {@code capacity} samples (a smaller batch reshapes them).
 *
 * <p>Layout: one sample per row. For layer {@code l}: {@code Z = A(l-1)·Wt + b}. Hidden layers
 * apply ReLU and, depending on {@link BatchNormMode}, normalise; the output layer applies softmax,
 * and the cost is the mean cross-entropy. The first layer reads the sparse input rows directly, so
 * zero pixels cost nothing. A pass is not thread-safe: use one per thread.
 *
 * <p>Speed (see {@code lib/PERFORMANCE.md}): every product runs through three small kernels
 * ({@link Kernels}: Vector API or plain Java, the same bits either way) that keep a block of
 * outputs in registers. Each output is still summed in the plain order (bias first, then input by
 * input, or sample by sample for a gradient), so no kernel changes a result. The first layer's
 * weight gradient is added sample after sample into the rows of the pixels each sample has (a
 * ReLU that was off adds an exact zero, so the scalar kernel skips those units).
 * {@link #backwardAndUpdate} then moves just those rows of {@code Wt1} and clears them again, so
 * a training step never sweeps the whole {@code 784 x 20} gradient.
 *
 * <p>Threads: a pass built with {@code threads > 1} splits a large batch across helper threads,
 * which take the next unit of work when free: per-sample stages come in chunks of samples, the
 * first layer's weight gradient in chunks of input features (each chunk owns its rows of
 * {@code dWt1}). Every sum keeps its sequential order, so the numbers are bit for bit those of one
 * thread. Close such a pass to stop its helpers.
 */
public final class Pass implements AutoCloseable {
    /** Batches smaller than this run on the calling thread alone (splitting never changes a result). */
    static final int PARALLEL_MIN_ROWS = 96;
    /** Samples per unit of work when a batch is split across threads. */
    static final int ROW_CHUNK = 32;
    /** Input features per unit of work of the first layer's weight gradient when split. */
    static final int FEATURE_CHUNK = 112;
    /** From this many samples on, the fused step updates every row of Wt1 instead of tracking the written ones. */
    static final int SWEEP_MIN_ROWS = 48;

    private final Network net;
    private final int layers;
    private final int capacity;
    private final int[] n;
    private final int threads;

    // Forward caches: exactly what backward needs.
    private final DMatrixRMaj[] z;      // pre-activations, m x n(l)
    private final DMatrixRMaj[] a;      // hidden outputs (after ReLU and normalisation), m x n(l)
    private final DMatrixRMaj[] zhat;   // FULL: normalised pre-activations
    private final DMatrixRMaj[] y;      // FULL: gamma * zhat + beta, the ReLU input
    private final double[][] mean;      // batch mean per hidden unit
    private final double[][] invStd;    // 1 / sqrt(var + eps) per hidden unit
    private final DMatrixRMaj probs;    // softmax output, m x classes
    private final double[] rowCost;     // cross-entropy of every sample of the batch
    private final int[] rowArgmax;      // most probable class of every sample of the batch

    // Layers l >= 2 whose width is not whole vectors: Wt and b padded with zero columns (refreshed
    // at every forward), and one padded output row per sample to run the product into.
    private final int[] padded;         // n(l) rounded up to whole vectors (n(l) with the scalar kernels)
    private final double[][] wPad;
    private final double[][] bPad;
    private final double[] zPad;
    private final int zPadStride;

    // Backward work, allocated on the first backward call.
    private DMatrixRMaj[] dZ;
    private DMatrixRMaj[] dA;
    private double[] colWork;
    private int[] unitOrder;            // per sample: the first layer's units, those with dZ1 != 0 first
    private int[] activeUnits;          // per sample: how many units have dZ1 != 0
    private int[] featureCut;           // per sample: where its entries cross each FEATURE_CHUNK boundary
    private Parameters work;            // gradients of the fused step
    private double[] dw1;               // fused step: dWt1, all zero between steps
    private boolean[] touched;          // fused step: rows of dw1 written in this step
    private double[][] wT;              // Wt(l)ᵀ for l >= 2, refreshed at every backward
    private double[] gradT;             // dWt(l)ᵀ when it is computed that way round

    private Dataset data;
    private int[] order;
    private int from;
    private int rows;
    private double costSum;
    private int correct;

    // What the current stage does (read by the helper threads after the team's hand-over).
    private static final int FORWARD = 0, DELTAS = 1, GRADIENT = 2;
    private int stage;
    private int stageUnits;
    private boolean stageSplit;
    private final AtomicInteger nextUnit = new AtomicInteger();
    private boolean stageProbabilities;
    private boolean stageDeltas;        // the forward stage computes dZ too
    private boolean deltasReady;        // dZ of the last forward is computed
    private double stageLambda;
    private double stageRate;           // NaN: write gradients; otherwise the fused SGD step
    private Parameters stageGrads;
    private final Team.Task stageTask = this::runStage;
    private Team team;

    /** A pass for batches of up to {@code capacity} samples, on the calling thread only. */
    public Pass(Network net, int capacity) {
        this(net, capacity, 1);
    }

    /**
     * A pass for batches of up to {@code capacity} samples that splits large batches across
     * {@code threads} threads; the results do not depend on {@code threads}.
     */
    public Pass(Network net, int capacity, int threads) {
        if (capacity <= 0) throw new ScratchnetException("batch capacity must be positive, got " + capacity);
        this.net = net;
        this.layers = net.layers();
        this.capacity = capacity;
        this.n = net.sizes();
        this.threads = Math.max(1, threads);
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
        rowCost = new double[capacity];
        rowArgmax = new int[capacity];
        padded = new int[layers + 1];
        wPad = new double[layers + 1][];
        bPad = new double[layers + 1][];
        int widest = 0;
        for (int l = 2; l <= layers; l++) {
            padded[l] = Kernels.paddedWidth(n[l]);
            if (padded[l] != n[l]) {
                wPad[l] = new double[n[l - 1] * padded[l]];
                bPad[l] = new double[padded[l]];
                widest = Math.max(widest, padded[l]);
            }
        }
        zPadStride = widest;
        zPad = new double[capacity * widest];
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
        forward(data, order, from, to, training, true);
    }

    /**
     * Inference on samples {@code from..to} of {@code data}: cost and accuracy only. The softmax
     * is not normalised (the cross-entropy needs only the log-sum-exp, the prediction only the
     * largest logit), so {@link #probabilities()} is left stale.
     */
    public void evaluate(Dataset data, int from, int to) {
        forward(data, null, from, to, false, false);
    }

    /** The output of hidden layer {@code l} (1 to L-1) of the last forward, one row per sample. */
    DMatrixRMaj hiddenOutput(int l) {
        return a[l];
    }

    private void forward(Dataset data, int[] order, int from, int to, boolean training, boolean probabilities) {
        int m = to - from;
        if (m <= 0 || m > capacity) {
            throw new ScratchnetException("batch of " + m + " samples does not fit a pass of capacity " + capacity);
        }
        if (data.features() != n[0] || data.classes() != n[layers]) {
            throw new ScratchnetException("data has " + data.features() + " features and " + data.classes()
                    + " classes but the network's layers are " + Arrays.toString(n)
                    + "; make the first layer " + data.features() + " and the last " + data.classes());
        }
        this.data = data;
        this.order = order;
        this.from = from;
        this.rows = m;
        for (int l = 1; l <= layers; l++) {
            z[l].reshape(m, n[l], false);
            if (l < layers) a[l].reshape(m, n[l], false);
        }
        probs.reshape(m, n[layers], false);
        if (net.batchNorm() == BatchNormMode.FULL) {
            for (int l = 1; l < layers; l++) {
                zhat[l].reshape(m, n[l], false);
                y[l].reshape(m, n[l], false);
            }
        }
        stageProbabilities = probabilities;
        padWeights();
        // Training with batchnorm off: each sample's dZ follows its forward at once, on the same
        // core while its rows are in cache (the weights do not change before backward).
        stageDeltas = training && net.batchNorm() == BatchNormMode.OFF;
        deltasReady = false;
        if (stageDeltas) {
            if (dZ == null) allocateBackward();
            for (int l = 1; l <= layers; l++) dZ[l].reshape(m, n[l], false);
            transposeWeights();
        }
        if (rowWise(training)) {
            // Inference batchnorm reads the running statistics: fetch them once, then row by row.
            if (net.batchNorm() != BatchNormMode.OFF) {
                for (int l = 1; l < layers; l++) statistics(l, null, 0, n[l], false);
            }
            run(FORWARD);
            deltasReady = stageDeltas;
        } else {
            layerWiseForward(training);
        }
        costSum = 0;
        correct = 0;
        for (int i = 0; i < m; i++) {
            costSum += rowCost[i];
            if (rowArgmax[i] == data.label(sample(i))) correct++;
        }
    }

    // Without batch statistics every stage treats each sample on its own.
    private boolean rowWise(boolean training) {
        return !training || net.batchNorm() == BatchNormMode.OFF;
    }

    private void forwardRows(int r0, int r1) {
        sparseInputForward(r0, r1);
        if (layers > 1) hiddenRows(1, r0, r1);
        for (int l = 2; l <= layers; l++) {
            denseForward(l, r0, r1);
            if (l < layers) hiddenRows(l, r0, r1);
        }
        outputRows(r0, r1, stageProbabilities);
    }

    // Batchnorm in training mode: each hidden layer needs the statistics of the whole batch.
    private void layerWiseForward(boolean training) {
        int m = rows;
        sparseInputForward(0, m);
        for (int l = 1; l <= layers; l++) {
            if (l > 1) denseForward(l, 0, m);
            if (l < layers) hiddenForward(l, training);
        }
        outputRows(0, m, stageProbabilities);
    }

    private int sample(int i) {
        return order == null ? from + i : order[from + i];
    }

    // Z1 = X·Wt1 + b1, reading only the stored (non-zero) entries of each input row; with
    // batchnorm off the ReLU is applied on the way out: A1 = max(Z1, 0).
    private void sparseInputForward(int r0, int r1) {
        int width = n[1];
        double[] w = net.parameters().wt(1).data;
        double[] bias = net.parameters().b(1).data;
        double[] out = z[1].data;
        double[] act = layers > 1 && net.batchNorm() == BatchNormMode.OFF ? a[1].data : null;
        int[] col = data.column();
        double[] val = data.value();
        for (int i = r0; i < r1; i++) {
            int s = sample(i);
            int zo = i * width;
            System.arraycopy(bias, 0, out, zo, width);
            Kernels.sparseAccumulate(out, zo, width, w, col, val, data.rowStart(s), data.rowEnd(s));
            if (act != null) relu(out, act, zo, width);
        }
    }

    // Z = A(l-1)·Wt + b, row by row; with batchnorm off the ReLU follows: A = max(Z, 0). A width
    // that is not whole vectors runs padded (the zero columns' sums are dropped): the same sums,
    // without the kernel's one-output-at-a-time leftovers (20 x 7: ~2x faster).
    private void denseForward(int l, int r0, int r1) {
        int width = n[l];
        int inputs = n[l - 1];
        int pw = padded[l];
        double[] w = pw == width ? net.parameters().wt(l).data : wPad[l];
        double[] bias = pw == width ? net.parameters().b(l).data : bPad[l];
        double[] in = a[l - 1].data;
        double[] out = z[l].data;
        double[] act = l < layers && net.batchNorm() == BatchNormMode.OFF ? a[l].data : null;
        for (int i = r0; i < r1; i++) {
            int zo = i * width;
            if (pw == width) {
                System.arraycopy(bias, 0, out, zo, width);
                Kernels.denseAccumulate(out, zo, width, w, in, i * inputs, 1, inputs);
            } else {
                int po = i * zPadStride; // one slot per sample for every layer: samples go to different threads
                System.arraycopy(bias, 0, zPad, po, pw);
                Kernels.denseAccumulate(zPad, po, pw, w, in, i * inputs, 1, inputs);
                System.arraycopy(zPad, po, out, zo, width);
            }
            if (act != null) relu(out, act, zo, width);
        }
    }

    // Wt(l) and b(l) into their padded copies (the zero columns stay zero).
    private void padWeights() {
        for (int l = 2; l <= layers; l++) {
            if (wPad[l] == null) continue;
            int width = n[l];
            int pw = padded[l];
            double[] w = net.parameters().wt(l).data;
            for (int k = 0; k < n[l - 1]; k++) System.arraycopy(w, k * width, wPad[l], k * pw, width);
            System.arraycopy(net.parameters().b(l).data, 0, bPad[l], 0, width);
        }
    }

    private static void relu(double[] z, double[] a, int off, int width) {
        for (int o = off, e = off + width; o < e; o++) a[o] = Math.max(z[o], 0);
    }

    // Hidden layer l, samples r0..r1, without batch statistics: ReLU (already applied by the
    // product when batchnorm is off) or the running-statistics normalisation of inference.
    private void hiddenRows(int l, int r0, int r1) {
        int width = n[l];
        int e0 = r0 * width, e1 = r1 * width;
        double[] zl = z[l].data;
        double[] al = a[l].data;
        double[] mu = mean[l];
        double[] is = invStd[l];
        switch (net.batchNorm()) {
            case OFF -> { }
            case NORMALIZE -> {
                // A = (relu(Z) - mean) / sqrt(var + eps)
                for (int idx = e0, j = 0; idx < e1; idx++) {
                    al[idx] = (Math.max(zl[idx], 0) - mu[j]) * is[j];
                    if (++j == width) j = 0;
                }
            }
            case FULL -> {
                // Zhat = (Z - mean) / sqrt(var + eps); Y = gamma·Zhat + beta; A = relu(Y)
                double[] zh = zhat[l].data;
                double[] yl = y[l].data;
                double[] g = net.parameters().gamma(l).data;
                double[] bt = net.parameters().beta(l).data;
                for (int idx = e0, j = 0; idx < e1; idx++) {
                    zh[idx] = (zl[idx] - mu[j]) * is[j];
                    yl[idx] = g[j] * zh[idx] + bt[j];
                    al[idx] = Math.max(yl[idx], 0);
                    if (++j == width) j = 0;
                }
            }
        }
    }

    // Hidden layer l over the whole batch, in training mode (batch statistics).
    private void hiddenForward(int l, boolean training) {
        int m = rows;
        int width = n[l];
        double[] zl = z[l].data;
        double[] al = a[l].data;
        switch (net.batchNorm()) {
            case OFF -> relu(zl, al, 0, m * width);
            case NORMALIZE -> {
                // R = relu(Z); A = (R - mean) / sqrt(var + eps), per unit over the batch
                relu(zl, al, 0, m * width);
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
        Arrays.fill(mu, 0);
        Arrays.fill(is, 0);
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

    // Per sample: the cross-entropy logsumexp(z) - z[label] (log-sum-exp, so large logits cannot
    // overflow), the largest logit, and when asked P = softmax(Z_L).
    private void outputRows(int r0, int r1, boolean probabilities) {
        int width = n[layers];
        double[] zl = z[layers].data;
        double[] pr = probs.data;
        for (int i = r0; i < r1; i++) {
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
            if (probabilities) {
                for (int j = 0; j < width; j++) {
                    double e = Math.exp(zl[base + j] - max);
                    pr[base + j] = e;
                    sum += e;
                }
                for (int j = 0; j < width; j++) pr[base + j] /= sum;
            } else {
                for (int j = 0; j < width; j++) sum += Math.exp(zl[base + j] - max);
            }
            double lse = max + Math.log(sum);
            rowCost[i] = lse - zl[base + data.label(sample(i))];
            rowArgmax[i] = argmax;
        }
    }

    /** Whether a batch of {@code m} samples is split across this pass's threads. */
    public boolean splits(int m) {
        return workersFor(m) > 1;
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

    /** Softmax output of the last {@link #forward} pass, {@code rows x classes}; live, reused. */
    public DMatrixRMaj probabilities() {
        return probs;
    }

    /** Most probable class (largest logit, the first of equals) of sample {@code i} of the last batch. */
    public int predicted(int i) {
        return rowArgmax[i];
    }

    /**
     * Gradients of {@code crossEntropy() + lambda/(2m)·sum(W²)} for the last training-mode forward
     * pass, written into {@code grads}.
     */
    public void backward(double lambda, Parameters grads) {
        backward(lambda, grads, Double.NaN);
    }

    /**
     * One SGD step from the last training-mode forward pass: the same numbers as
     * {@link #backward} followed by {@link Sgd#update} with {@code learningRate}, bit for bit,
     * without writing the first layer's weight gradient anywhere.
     */
    public void backwardAndUpdate(double lambda, double learningRate) {
        if (work == null) work = Parameters.zerosLike(net.parameters());
        backward(lambda, work, learningRate);
    }

    private void backward(double lambda, Parameters grads, double learningRate) {
        if (dZ == null) allocateBackward();
        int m = rows;
        for (int l = 1; l <= layers; l++) dZ[l].reshape(m, n[l], false);
        stageLambda = lambda;
        stageRate = learningRate;
        stageGrads = grads;
        if (!Double.isNaN(learningRate) && dw1 == null) {
            dw1 = new double[n[0] * n[1]];
            touched = new boolean[n[0]];
        }
        // dZ of every layer, sample by sample where batchnorm allows (usually done by forward)
        if (deltasReady) {
            deltasReady = false;
        } else if (rowWise(true)) {
            transposeWeights();
            run(DELTAS);
        } else {
            transposeWeights();
            layerWiseDeltas(grads);
            stageSplit = workersFor(m) > 1; // as the gradient stage will be: it needs the cuts then
            sortUnits(0, m);
        }
        // dWt, db and, in the fused step, the update
        run(GRADIENT);
        stageGrads = null;
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
        unitOrder = new int[capacity * n[1]];
        activeUnits = new int[capacity];
        wT = new double[layers + 1][];
        int largest = 0;
        for (int l = 2; l <= layers; l++) {
            wT[l] = new double[n[l] * n[l - 1]];
            largest = Math.max(largest, n[l] * n[l - 1]);
        }
        gradT = new double[largest];
        featureCut = new int[capacity * (featureChunks() + 1)];
    }

    private int featureChunks() {
        return (n[0] + FEATURE_CHUNK - 1) / FEATURE_CHUNK;
    }

    // Per sample: how many of the first layer's units have dZ1 != 0 (and, for the scalar kernel,
    // those units first), and (when the gradient is split) where its entries cross each
    // FEATURE_CHUNK boundary.
    private void sortUnits(int r0, int r1) {
        int width = n[1];
        double[] dz = dZ[1].data;
        int chunks = featureChunks();
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
            if (stageSplit) {
                int s = sample(i);
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

    // dZ_L = (P - Y) / m: softmax and cross-entropy differentiated together.
    private void outputDeltas(int r0, int r1) {
        int m = rows;
        int width = n[layers];
        double[] d = dZ[layers].data;
        double[] pr = probs.data;
        for (int idx = r0 * width, e = r1 * width; idx < e; idx++) d[idx] = pr[idx] / m;
        for (int i = r0; i < r1; i++) d[i * width + data.label(sample(i))] -= 1.0 / m;
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

    // Batchnorm off, sample by sample: dZ of every layer, then the first layer's units in order.
    private void deltaRows(int r0, int r1) {
        outputDeltas(r0, r1);
        hiddenDeltaRows(r0, r1);
        sortUnits(r0, r1);
    }

    // dZ(l-1) = (dZ·Wtᵀ) ⊙ [Z(l-1) > 0]
    private void hiddenDeltaRows(int r0, int r1) {
        for (int l = layers; l > 1; l--) {
            int width = n[l];
            int inputs = n[l - 1];
            double[] w = wT[l];
            double[] dz = dZ[l].data;
            double[] zPrev = z[l - 1].data;
            double[] dzPrev = dZ[l - 1].data;
            for (int i = r0; i < r1; i++) {
                int pk = i * inputs;
                Arrays.fill(dzPrev, pk, pk + inputs, 0);
                Kernels.denseAccumulate(dzPrev, pk, inputs, w, dz, i * width, 1, width);
                for (int k = pk; k < pk + inputs; k++) if (!(zPrev[k] > 0)) dzPrev[k] = 0;
            }
        }
    }

    // Wt(l)ᵀ for l >= 2, so that dA(l-1) = dZ·Wtᵀ runs through denseAccumulate: n(l) x n(l-1).
    private void transposeWeights() {
        for (int l = 2; l <= layers; l++) {
            int width = n[l];
            int inputs = n[l - 1];
            double[] w = net.parameters().wt(l).data;
            double[] t = wT[l];
            for (int k = 0; k < inputs; k++) {
                for (int o = 0; o < width; o++) t[o * inputs + k] = w[k * width + o];
            }
        }
    }

    // Batchnorm in training mode: dA(l-1) = dZ·Wtᵀ row by row, then the layer's backward over the batch.
    private void layerWiseDeltas(Parameters grads) {
        int m = rows;
        outputDeltas(0, m);
        for (int l = layers; l > 1; l--) {
            int width = n[l];
            int inputs = n[l - 1];
            double[] dz = dZ[l].data;
            dA[l - 1].reshape(m, inputs, false);
            double[] da = dA[l - 1].data;
            Arrays.fill(da, 0, m * inputs, 0);
            for (int i = 0; i < m; i++) Kernels.denseAccumulate(da, i * inputs, inputs, wT[l], dz, i * width, 1, width);
            hiddenBackward(l - 1, grads);
        }
    }

    // Every layer but the first, and every bias: small reductions over the batch, done once.
    //   dWt = A(l-1)ᵀ·dZ + (λ/m)·Wt;  db = column sums of dZ
    // Each element of dWt is summed sample by sample, whichever side the kernel runs along.
    private void denseGradients() {
        int m = rows;
        double lambda = stageLambda;
        Parameters grads = stageGrads;
        Parameters p = net.parameters();
        for (int l = layers; l >= 1; l--) {
            int width = n[l];
            double[] dz = dZ[l].data;
            if (l > 1) {
                int inputs = n[l - 1];
                double[] dw = grads.wt(l).data;
                double[] in = a[l - 1].data;
                if (width * Kernels.passes(inputs) < inputs * Kernels.passes(width)) {
                    // along the wider side (20 x 7): dWtᵀ = dZᵀ·A(l-1) row by row, then transposed
                    double[] t = gradT;
                    Arrays.fill(t, 0, inputs * width, 0);
                    for (int o = 0; o < width; o++) Kernels.denseAccumulate(t, o * inputs, inputs, in, dz, o, width, m);
                    for (int k = 0; k < inputs; k++) {
                        for (int o = 0; o < width; o++) dw[k * width + o] = t[o * inputs + k];
                    }
                } else {
                    Arrays.fill(dw, 0, inputs * width, 0);
                    for (int k = 0; k < inputs; k++) Kernels.denseAccumulate(dw, k * width, width, dz, in, k, inputs, m);
                }
                if (lambda != 0) {
                    double c = lambda / m;
                    double[] w = p.wt(l).data;
                    for (int e = 0; e < inputs * width; e++) dw[e] += c * w[e];
                }
            }
            double[] db = grads.b(l).data;
            Arrays.fill(db, 0, width, 0);
            for (int i = 0, idx = 0; i < m; i++) {
                for (int j = 0; j < width; j++) db[j] += dz[idx++];
            }
        }
        if (!Double.isNaN(stageRate)) {
            for (int l = 1; l <= layers; l++) {
                if (l > 1) Sgd.update(p.wt(l), grads.wt(l), stageRate);
                Sgd.update(p.b(l), grads.b(l), stageRate);
                if (p.gamma(l) != null) {
                    Sgd.update(p.gamma(l), grads.gamma(l), stageRate);
                    Sgd.update(p.beta(l), grads.beta(l), stageRate);
                }
            }
        }
    }

    // Rows j0..j1 of dWt1 = Xᵀ·dZ1 (+ (λ/m)·Wt1), summed sample by sample (chunk: which of each
    // sample's FEATURE_CHUNK cuts to use, -1 for whole rows). The fused step adds into dw1 (zero
    // between steps), moves each written row of Wt1 by the expression of Sgd.update,
    // θ ← θ + (-rate)·dθ, and clears the row again.
    private void firstLayerGradient(int chunk, int j0, int j1) {
        int width = n[1];
        int m = rows;
        int cuts = featureChunks() + 1;
        double[] dz = dZ[1].data;
        double[] w = net.parameters().wt(1).data;
        boolean fused = !Double.isNaN(stageRate);
        double[] dw = fused ? dw1 : stageGrads.wt(1).data;
        if (!fused) Arrays.fill(dw, j0 * width, j1 * width, 0);
        int[] col = data.column();
        double[] val = data.value();
        // small batches mark the rows they write; larger ones sweep all rows (a row never written adds 0)
        boolean mark = fused && m < SWEEP_MIN_ROWS;
        for (int i = 0; i < m; i++) {
            int active = activeUnits[i];
            if (active == 0) continue;
            int q0, q1;
            if (chunk < 0) {
                int s = sample(i);
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
        double c = stageLambda / m;
        boolean l2 = stageLambda != 0;
        if (fused) {
            double step = -stageRate;
            for (int j = j0; j < j1; j++) {
                int jo = j * width;
                if (!mark || touched[j]) {
                    touched[j] = false;
                    for (int e = jo; e < jo + width; e++) {
                        w[e] += step * (l2 ? dw[e] + c * w[e] : dw[e]);
                        dw[e] = 0;
                    }
                } else if (l2) {
                    for (int e = jo; e < jo + width; e++) w[e] += step * (dw[e] + c * w[e]);
                }
            }
        } else if (l2) {
            for (int e = j0 * width; e < j1 * width; e++) dw[e] += c * w[e];
        }
    }

    // From dA(l) to dZ(l) through the hidden layer's normalisation and ReLU (batchnorm modes).
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
                Arrays.fill(dg, 0);
                Arrays.fill(db, 0);
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
                dx[idx] = is[j] * (dxhat[idx] - meanD[j] - xhat[idx] * meanD[width + j]);
            }
        }
    }

    // ---- running the stages, on one thread or split across the team ----

    private int workersFor(int m) {
        return threads > 1 && m >= PARALLEL_MIN_ROWS ? threads : 1;
    }

    // Runs a stage: on this thread in one piece, or cut into units that the team's workers claim.
    private void run(int what) {
        stage = what;
        stageSplit = workersFor(rows) > 1;
        if (!stageSplit) {
            stageUnits = what == GRADIENT ? 2 : 1;
        } else if (what == GRADIENT) {
            stageUnits = 1 + featureChunks();
        } else {
            stageUnits = (rows + ROW_CHUNK - 1) / ROW_CHUNK;
        }
        nextUnit.set(0);
        if (!stageSplit) {
            runStage(0, 1);
        } else {
            if (team == null) team = new Team(threads, "scratchnet-pass");
            team.run(stageTask);
        }
    }

    private void runStage(int worker, int workers) {
        int units = stageUnits;
        for (int u = nextUnit.getAndIncrement(); u < units; u = nextUnit.getAndIncrement()) {
            int r0 = stageSplit ? u * ROW_CHUNK : 0;
            int r1 = stageSplit ? Math.min(rows, r0 + ROW_CHUNK) : rows;
            switch (stage) {
                case FORWARD -> {
                    forwardRows(r0, r1);
                    if (stageDeltas) deltaRows(r0, r1);
                }
                case DELTAS -> deltaRows(r0, r1);
                case GRADIENT -> {
                    if (u == 0) {
                        denseGradients();
                    } else if (stageSplit) {
                        int c = u - 1;
                        firstLayerGradient(c, c * FEATURE_CHUNK, Math.min(n[0], (c + 1) * FEATURE_CHUNK));
                    } else {
                        firstLayerGradient(-1, 0, n[0]);
                    }
                }
                default -> throw new IllegalStateException("unknown stage " + stage);
            }
        }
    }

    /** Stops the helper threads, if any were started; the pass stays usable on one thread. */
    @Override
    public void close() {
        if (team != null) team.close();
        team = null;
    }

    /**
     * A fixed set of threads that run one task together: the caller is worker 0 and returns when
     * the work is done. A task hands out its work in units that any worker may claim, so a helper
     * that has not checked in by the time the caller has run out of units is simply left out: a
     * helper waiting for a processor (another program is busy) never holds up a stage. Helpers spin
     * briefly for the next task (steps follow each other within microseconds), then park.
     */
    static final class Team implements AutoCloseable {
        /** The work of one worker; the work must be claimed in units, as any worker may be left out. */
        interface Task {
            void run(int worker, int workers);
        }

        private static final long SPIN_NANOS = 20_000;
        private static final int OPEN = 1 << 30;

        private final int size;
        private final Thread[] helpers;
        // OPEN while helpers may still check in, plus the number of helpers at work
        private final AtomicInteger inside = new AtomicInteger();
        private volatile Task task;
        private volatile int generation;
        private volatile Thread caller;
        private volatile Throwable failure;
        private volatile boolean closed;

        Team(int size, String name) {
            this.size = size;
            helpers = new Thread[size - 1];
            for (int h = 0; h < helpers.length; h++) {
                int worker = h + 1;
                Thread t = new Thread(() -> loop(worker), name + "-" + worker);
                t.setDaemon(true);
                helpers[h] = t;
                t.start();
            }
        }

        int size() {
            return size;
        }

        /** Runs {@code t} on the caller and on the helpers that come in time; rethrows the first failure. */
        void run(Task t) {
            start(t);
            join(t);
        }

        /** Offers {@code t} to the helpers and returns at once; {@link #join} must follow. */
        void start(Task t) {
            if (closed) throw new IllegalStateException("the team is closed");
            failure = null;
            task = t;
            caller = Thread.currentThread();
            inside.set(OPEN);
            generation++; // wakes spinning helpers
            for (Thread h : helpers) LockSupport.unpark(h);
        }

        /** Runs {@code t} as worker 0, then closes the door and waits for the helpers inside. */
        void join(Task t) {
            Throwable own = null;
            try {
                t.run(0, size);
            } catch (RuntimeException | Error e) {
                own = e;
            }
            inside.getAndAdd(-OPEN);
            long deadline = 0;
            while (inside.get() != 0) {
                if (deadline == 0) {
                    deadline = System.nanoTime() + SPIN_NANOS;
                } else if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 100_000);
                }
            }
            if (own instanceof RuntimeException r) throw r;
            if (own instanceof Error e) throw e;
            Throwable f = failure;
            if (f instanceof RuntimeException r) throw r;
            if (f instanceof Error e) throw e;
            if (f != null) throw new IllegalStateException(f);
        }

        private void loop(int worker) {
            int seen = 0;
            while (true) {
                long deadline = 0;
                int g;
                while ((g = generation) == seen) {
                    if (closed) return;
                    if (deadline == 0) {
                        deadline = System.nanoTime() + SPIN_NANOS;
                    } else if (System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                seen = g;
                if (!checkIn()) continue; // too late: the caller has done the work
                try {
                    task.run(worker, size);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    if (inside.decrementAndGet() == 0) LockSupport.unpark(caller);
                }
            }
        }

        private boolean checkIn() {
            while (true) {
                int v = inside.get();
                if ((v & OPEN) == 0) return false;
                if (inside.compareAndSet(v, v + 1)) return true;
            }
        }

        @Override
        public void close() {
            closed = true;
            for (Thread h : helpers) LockSupport.unpark(h);
        }
    }
}
