package io.github.scratchnet.nn;

import io.github.scratchnet.data.Dataset;

/**
 * Evaluates a network on a whole data set, optionally on several threads.
 *
 * <p>The set is cut into chunks of a fixed size and the partial sums are added in chunk order, so
 * the result is bit for bit the same whatever the number of threads (the threads of a
 * {@code WorkerTeam} take the next chunk when they are free; which thread did a chunk does not matter). The evaluator keeps one
 * {@link Propagator} per thread and reuses it on every call; inference skips the softmax normalisation
 * ({@link Propagator#evaluate}). A network with the report's batchnorm is scored in one piece, since it
 * normalises with the statistics of the whole set. An evaluator is not thread-safe; close it to
 * stop its threads.
 */
public final class Evaluator implements AutoCloseable {
    /** Samples per chunk: large enough to amortise a chunk, small enough to keep work matrices in cache. */
    public static final int CHUNK = 500;

    private final Network net;
    private final int threads;
    private final Propagator[] propagators;
    private final WorkerTeam team;
    private final WorkerTeam.Task chunkTask = this::runChunk;
    private Propagator wholeSet;              // for networks that normalise with the scored set's statistics
    private Dataset data;
    private double lambda;
    private int chunks;
    private double[] cost = new double[0];
    private int[] correct = new int[0];

    public Evaluator(Network net, int threads) {
        this.net = net;
        this.threads = Math.max(1, threads);
        this.propagators = new Propagator[this.threads];
        for (int t = 0; t < this.threads; t++) propagators[t] = new Propagator(net, CHUNK);
        this.team = this.threads == 1 ? null : new WorkerTeam(this.threads, "scratchnet-eval");
    }

    /**
     * Cost (cross-entropy plus {@code lambda/(2m)·Σθ²}, θ as the network's {@link Formulas.L2Scope}
     * says) and accuracy on {@code data}.
     */
    public Evaluation evaluate(Dataset data, double lambda) {
        start(data, lambda);
        return finish();
    }

    /**
     * Starts {@link #evaluate} on the helper threads and returns at once, so the caller can go on
     * with other work (it must not change the network meanwhile); {@link #finish} gives the
     * result. With one thread the work waits for {@code finish}.
     */
    public void start(Dataset data, double lambda) {
        if (this.data != null) throw new IllegalStateException("an evaluation is already running; finish it first");
        int count = chunks(data);
        if (cost.length < count) {
            cost = new double[count];
            correct = new int[count];
        }
        this.data = data;
        this.lambda = lambda;
        this.chunks = count;
        if (team != null && count > 1) team.start(count, chunkTask);
    }

    /** Takes the chunks still left of the evaluation {@link #start}ed last, waits for the helpers and returns the result. */
    public Evaluation finish() {
        Dataset data = this.data;
        if (data == null) throw new IllegalStateException("no evaluation was started");
        int count = chunks;
        try {
            if (team != null && count > 1) {
                team.join();
            } else {
                for (int c = 0; c < count; c++) runChunk(0, c);
            }
        } finally {
            this.data = null;
        }
        double costSum = 0;
        long right = 0;
        for (int c = 0; c < count; c++) {
            costSum += cost[c];
            right += correct[c];
        }
        int m = data.size();
        double l2 = lambda == 0 ? 0 : lambda / (2.0 * m) * net.l2SumOfSquares();
        return new Evaluation(costSum / m + l2, (double) right / m, m);
    }

    // One chunk per CHUNK samples; one chunk of the whole set when the network normalises with
    // the statistics of the set it scores.
    private int chunks(Dataset data) {
        return net.scoresWholeSets() ? 1 : (data.size() + CHUNK - 1) / CHUNK;
    }

    // The propagator for samples from..to of worker w: its chunk propagator, or the whole-set one
    // (allocated for the largest set scored so far: once per shape).
    private Propagator propagator(int worker, int from, int to) {
        if (to - from <= CHUNK) return propagators[worker];
        if (wholeSet == null || wholeSet.capacity() < to - from) wholeSet = new Propagator(net, to - from);
        return wholeSet;
    }

    // Chunk c on worker w's propagator; each chunk's sums land in its own slot.
    private void runChunk(int worker, int c) {
        Dataset d = data;
        int from = c * CHUNK;
        int to = net.scoresWholeSets() ? d.size() : Math.min(from + CHUNK, d.size());
        Propagator propagator = propagator(worker, from, to);
        propagator.evaluate(d, from, to);
        cost[c] = propagator.crossEntropySum();
        correct[c] = propagator.correct();
    }

    /** The most probable class of every sample of {@code data}. */
    public int[] predict(Dataset data) {
        int[] out = new int[data.size()];
        int step = net.scoresWholeSets() ? Math.max(1, data.size()) : CHUNK;
        for (int from = 0; from < data.size(); from += step) {
            int to = Math.min(from + step, data.size());
            Propagator propagator = propagator(0, from, to);
            propagator.evaluate(data, from, to);
            for (int i = 0; i < to - from; i++) out[from + i] = propagator.predicted(i);
        }
        return out;
    }

    @Override
    public void close() {
        if (team != null) team.close();
    }
}
