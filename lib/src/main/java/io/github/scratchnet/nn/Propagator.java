package io.github.scratchnet.nn;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.optim.Optimizer;
import io.github.scratchnet.optim.Sgd;
import org.ejml.data.DMatrixRMaj;

/**
 * The engine that propagates batches forward and backward through a {@link Network}, built once
 * and reused batch after batch (a training run or an {@link Evaluator} keeps one per thread): the
 * network's layers as objects ({@code SparseInputLayer}, {@code DenseLayer}, a {@code HiddenActivation} per hidden
 * layer, {@code SoftmaxCrossEntropy}), each with its work matrices allocated once for batches of up
 * to {@code capacity} samples (a smaller batch reshapes them).
 *
 * <p>Layout: one sample per row. For layer {@code l}: {@code Z = A(l-1)·Wt + b}. Hidden layers
 * apply the network's {@link Activation} and, depending on {@link BatchNormMode}, normalise; the output layer applies softmax,
 * and the cost is the mean cross-entropy. A propagator is not thread-safe: use one per thread.
 *
 * <p>Schedules: without batch statistics every sample goes through the layers on its own
 * ({@code RowWiseSchedule}; when training with batchnorm off, each sample's {@code dZ} follows its
 * forward at once, while its rows are in cache); training with batchnorm goes layer by layer over
 * the whole batch ({@code LayerWiseSchedule}). Then the parameter gradients: every layer but the
 * first's weights in one unit, the first layer's weights (the big one) in another, or in feature
 * chunks when split.
 *
 * <p>Speed (see {@code lib/PERFORMANCE.md}): every product runs through three small kernels
 * ({@link Kernels}: Vector API or plain Java, the same bits either way) that keep a block of
 * outputs in registers. Each output is still summed in the plain order (bias first, then input by
 * input, or sample by sample for a gradient), so no kernel changes a result.
 *
 * <p>Threads: a propagator built with {@code threads > 1} splits a large batch across helper threads
 * ({@code ThreadSplit}); every sum keeps its sequential order, so the numbers are bit for bit those
 * of one thread. Close such a propagator to stop its helpers.
 */
public final class Propagator implements AutoCloseable {
    /** What the caches hold, and so whether {@link #backward} may run. */
    private enum Cached { NOTHING, TRAINING, INFERENCE, EVALUATION }

    private final Network net;
    private final int capacity;
    private final int[] n;
    private final LayerStack layers;
    private final RowWiseSchedule rowWise;
    private final LayerWiseSchedule layerWise;
    private final ThreadSplit split;
    private Parameters work;            // gradients of the fused step (Wt1's unused under plain SGD), made on its first use
    private Sgd sgd;                    // the plain SGD of backwardAndUpdate(lambda, rate), made on its first use

    // The last forward: its batch and results.
    private Cached cached = Cached.NOTHING;
    private Batch batch;
    private boolean deltasReady;        // dZ of every layer already computed by the forward
    private double costSum;
    private int correct;

    /** A propagator for batches of up to {@code capacity} samples, on the calling thread only. */
    public Propagator(Network net, int capacity) {
        this(net, capacity, 1);
    }

    /**
     * A propagator for batches of up to {@code capacity} samples that splits large batches across
     * {@code threads} threads; the results do not depend on {@code threads}.
     */
    public Propagator(Network net, int capacity, int threads) {
        if (capacity <= 0) throw new ScratchnetException("batch capacity must be positive, got " + capacity);
        this.net = net;
        this.capacity = capacity;
        this.n = net.sizes();
        this.layers = new LayerStack(net, capacity);
        this.rowWise = new RowWiseSchedule(layers);
        this.layerWise = new LayerWiseSchedule(layers);
        this.split = new ThreadSplit(threads);
    }

    /** The largest batch this propagator takes; {@link Evaluator} builds a larger one when a set needs it. */
    public int capacity() {
        return capacity;
    }

    /**
     * Propagates samples {@code order[from..to)} of {@code data} (or samples {@code from..to} when
     * {@code order} is null). In training mode batchnorm uses the batch statistics and updates the
     * running ones; otherwise it uses the running statistics.
     */
    public void forward(Dataset data, int[] order, int from, int to, boolean training) {
        forward(new Batch(data, order, from, to - from), training, true);
    }

    /**
     * Inference on samples {@code from..to} of {@code data}: cost and accuracy only. The softmax
     * is not normalised (the cross-entropy needs only the log-sum-exp, the prediction only the
     * largest logit), so {@link #probabilities()} is left stale and {@link #backward} refuses to run.
     */
    public void evaluate(Dataset data, int from, int to) {
        forward(new Batch(data, null, from, to - from), false, false);
    }

    /** The output of hidden layer {@code l} (1 to L-1) of the last forward, one row per sample. */
    DMatrixRMaj hiddenOutput(int l) {
        return layers.hidden[l].a();
    }

    private void forward(Batch b, boolean training, boolean probabilities) {
        cached = Cached.NOTHING; // until this forward has finished
        batch = null;
        deltasReady = false;
        int m = b.rows();
        if (m <= 0 || m > capacity) {
            throw new ScratchnetException("batch of " + m + " samples does not fit a propagator of capacity " + capacity);
        }
        Dataset data = b.data();
        LayerSizes.requireFits(n, data.features(), data.classes());
        layers.prepareForward(m);
        if (rowWise(training)) {
            // Training with batchnorm off: each sample's dZ follows its forward at once, on the same
            // core while its rows are in cache (the weights do not change before backward).
            boolean deltas = training;
            if (deltas) layers.prepareBackward(m);
            // Inference batchnorm reads the running statistics: fetch them once, then row by row.
            if (net.batchNorm() != BatchNormMode.OFF) layers.useRunningStatistics();
            boolean splitRows = split.splits(m);
            split.rows(m, (r0, r1) -> {
                rowWise.forward(b, r0, r1, probabilities);
                if (deltas) rowWise.deltas(b, r0, r1, splitRows);
            });
            deltasReady = deltas;
        } else {
            layerWise.forward(b, probabilities);
        }
        double sum = 0;
        int right = 0;
        for (int i = 0; i < m; i++) {
            sum += layers.output.cost(i);
            if (layers.output.predicted(i) == b.label(i)) right++;
        }
        costSum = sum;
        correct = right;
        batch = b;
        cached = !probabilities ? Cached.EVALUATION : training ? Cached.TRAINING : Cached.INFERENCE;
    }

    // Without batch statistics every stage treats each sample on its own; the report's batchnorm
    // takes the statistics of the samples at hand at inference too.
    private boolean rowWise(boolean training) {
        return net.batchNorm() == BatchNormMode.OFF || !training && !net.scoresWholeSets();
    }

    /** Whether a batch of {@code m} samples is split across this propagator's threads. */
    public boolean splits(int m) {
        return split.splits(m);
    }

    /** Number of samples in the last forward pass. */
    public int rows() {
        return batch == null ? 0 : batch.rows();
    }

    /** Sum over the last batch of each sample's cross-entropy. */
    public double crossEntropySum() {
        return costSum;
    }

    /** Mean cross-entropy of the last batch. */
    public double crossEntropy() {
        return costSum / rows();
    }

    /** Number of samples of the last batch whose most probable class is the label. */
    public int correct() {
        return correct;
    }

    /** Softmax output of the last {@link #forward} pass, {@code rows x classes}; live, reused. */
    public DMatrixRMaj probabilities() {
        return layers.output.probabilities();
    }

    /** Most probable class (largest logit, the first of equals) of sample {@code i} of the last batch. */
    public int predicted(int i) {
        return layers.output.predicted(i);
    }

    /**
     * Gradients of {@code crossEntropy() + lambda/(2m)·sum(W²)} for the last forward pass, written
     * into {@code grads}; that pass must have been a training-mode {@link #forward}.
     *
     * @throws IllegalStateException before any forward, or after {@link #evaluate} or an inference forward
     */
    public void backward(double lambda, Parameters grads) {
        backward(Step.gradients(lambda, grads));
    }

    /**
     * One plain SGD step from the last training-mode forward pass: the same numbers as
     * {@link #backward} followed by {@link Sgd#update} with {@code learningRate}, bit for bit.
     *
     * @throws IllegalStateException as {@link #backward} does
     */
    public void backwardAndUpdate(double lambda, double learningRate) {
        trainingBatch();
        if (sgd == null || sgd.learningRate() != learningRate) sgd = Sgd.of(learningRate, net.parameters());
        backwardAndUpdate(lambda, sgd);
    }

    /**
     * One step of {@code optimizer} from the last training-mode forward pass: the same numbers as
     * {@link #backward} followed by {@link Optimizer#step}, bit for bit, each array moved as soon as
     * its gradient is done. The gradients go into a work copy of the parameters' shapes, but under
     * plain SGD the first layer's weight gradient goes into the sparse layer's own array, which is
     * zero between steps, so that only its written rows are moved (the work copy's {@code Wt1} then
     * stays zero, unused).
     *
     * @throws IllegalStateException as {@link #backward} does
     * @throws ScratchnetException when {@code optimizer} moves another network's parameters
     */
    public void backwardAndUpdate(double lambda, Optimizer optimizer) {
        trainingBatch();
        if (optimizer.parameters() != net.parameters()) {
            throw new ScratchnetException("the optimizer moves the parameters of another network; make it for this"
                    + " propagator's network with OptimizerSpec.create(rate, network.parameters())");
        }
        if (work == null) work = Parameters.zerosLike(net.parameters());
        optimizer.startStep();
        backward(Step.update(lambda, work, optimizer));
    }

    private void backward(Step step) {
        Batch b = trainingBatch();
        int m = b.rows();
        boolean splitRows = split.splits(m);
        layers.input.prepareStep(step);
        // dZ of every layer, sample by sample where batchnorm allows (usually done by forward)
        if (deltasReady) {
            deltasReady = false;
        } else {
            layers.prepareBackward(m);
            if (rowWise(true)) {
                split.rows(m, (r0, r1) -> rowWise.deltas(b, r0, r1, splitRows));
            } else {
                layerWise.deltas(b, step.grads(), splitRows);
            }
        }
        // dWt, db and, in the fused step, the update: unit 0 all but the first layer's weights,
        // then the first layer's weights, whole or (split) one feature chunk per unit
        int units = splitRows ? 1 + layers.input.featureChunks() : 2;
        split.units(m, units, u -> {
            if (u == 0) layers.gradientsButFirstWeights(m, step);
            else layers.input.weightGradient(b, step, splitRows ? u - 1 : -1);
        });
    }

    // The batch of the last forward, which must have been in training mode.
    private Batch trainingBatch() {
        return switch (cached) {
            case TRAINING -> batch;
            case NOTHING -> throw new IllegalStateException(
                    "backward needs a training-mode forward first, and this propagator has none (no forward yet, or the last one failed)");
            case EVALUATION -> throw new IllegalStateException(
                    "backward after evaluate: evaluate keeps no probabilities; call forward(data, order, from, to, true) first");
            case INFERENCE -> throw new IllegalStateException(
                    "backward after an inference forward (training = false), whose batchnorm used the running statistics;"
                            + " call forward(data, order, from, to, true) first");
        };
    }

    /** Stops the helper threads, if any were started; the propagator stays usable on one thread. */
    @Override
    public void close() {
        split.close();
    }
}
