package io.github.scratchnet.nn;

import io.github.scratchnet.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates a network on a whole data set, optionally on several threads.
 *
 * <p>The set is cut into chunks of a fixed size and the partial sums are added in chunk order, so
 * the result is bit for bit the same whatever the number of threads. The evaluator keeps one
 * {@link Pass} per thread and reuses it on every call. Close it to stop its threads.
 */
public final class Evaluator implements AutoCloseable {
    /** Samples per chunk: large enough to amortise a chunk, small enough to keep work matrices in cache. */
    public static final int CHUNK = 500;

    private final Network net;
    private final int threads;
    private final Pass[] passes;
    private final ExecutorService pool;

    public Evaluator(Network net, int threads) {
        this.net = net;
        this.threads = Math.max(1, threads);
        this.passes = new Pass[this.threads];
        for (int t = 0; t < this.threads; t++) passes[t] = new Pass(net, CHUNK);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread th = new Thread(r, "scratchnet-eval");
            th.setDaemon(true);
            return th;
        });
    }

    /** Cost (cross-entropy plus {@code lambda/(2m)·sum(W²)}) and accuracy on {@code data}. */
    public Evaluation evaluate(Dataset data, double lambda) {
        int chunks = (data.size() + CHUNK - 1) / CHUNK;
        double[] cost = new double[chunks];
        int[] correct = new int[chunks];
        if (pool == null) {
            runChunks(data, 0, 1, chunks, cost, correct);
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 1; t < threads; t++) {
                int worker = t;
                futures.add(pool.submit(() -> runChunks(data, worker, threads, chunks, cost, correct)));
            }
            runChunks(data, 0, threads, chunks, cost, correct);
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("evaluation interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
                }
            }
        }
        double costSum = 0;
        long right = 0;
        for (int c = 0; c < chunks; c++) {
            costSum += cost[c];
            right += correct[c];
        }
        int m = data.size();
        double l2 = lambda == 0 ? 0 : lambda / (2.0 * m) * net.parameters().sumOfSquaredWeights();
        return new Evaluation(costSum / m + l2, (double) right / m, m);
    }

    private void runChunks(Dataset data, int worker, int stride, int chunks, double[] cost, int[] correct) {
        Pass pass = passes[worker];
        for (int c = worker; c < chunks; c += stride) {
            int from = c * CHUNK;
            int to = Math.min(from + CHUNK, data.size());
            pass.forward(data, null, from, to, false);
            cost[c] = pass.crossEntropySum();
            correct[c] = pass.correct();
        }
    }

    /** The most probable class of every sample of {@code data}. */
    public int[] predict(Dataset data) {
        int[] out = new int[data.size()];
        Pass pass = passes[0];
        for (int from = 0; from < data.size(); from += CHUNK) {
            int to = Math.min(from + CHUNK, data.size());
            pass.forward(data, null, from, to, false);
            for (int i = 0; i < to - from; i++) out[from + i] = pass.predicted(i);
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
