package io.github.scratchnet.nn;

/**
 * How a pass spreads a batch over its threads: small batches run on the calling thread in one
 * piece; from {@value #PARALLEL_MIN_ROWS} samples on, a stage is cut into units (chunks of
 * {@value #ROW_CHUNK} samples, or the units the stage names) that a {@link WorkerTeam} claims.
 * Every sum keeps its sequential order, so the split never changes a number.
 */
final class ThreadSplit implements AutoCloseable {
    /** Batches smaller than this run on the calling thread alone. */
    static final int PARALLEL_MIN_ROWS = 96;
    /** Samples per unit of work when a batch is split across threads. */
    static final int ROW_CHUNK = 32;

    /** Work on rows {@code r0..r1}. */
    interface Rows {
        void run(int r0, int r1);
    }

    /** Work unit {@code unit} of a stage. */
    interface Units {
        void run(int unit);
    }

    private final int threads;
    private WorkerTeam team;            // started on the first split stage

    ThreadSplit(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Whether a batch of {@code m} samples is split across threads. */
    boolean splits(int m) {
        return threads > 1 && m >= PARALLEL_MIN_ROWS;
    }

    /** Rows {@code 0..m} of a stage: in one piece, or in chunks of {@value #ROW_CHUNK} rows. */
    void rows(int m, Rows task) {
        if (!splits(m)) {
            task.run(0, m);
            return;
        }
        team().run((m + ROW_CHUNK - 1) / ROW_CHUNK, (worker, u) -> {
            int r0 = u * ROW_CHUNK;
            task.run(r0, Math.min(m, r0 + ROW_CHUNK));
        });
    }

    /** Units {@code 0..units-1} of a stage on a batch of {@code m}: in order on this thread, or claimed by the workers. */
    void units(int m, int units, Units task) {
        if (!splits(m)) {
            for (int u = 0; u < units; u++) task.run(u);
            return;
        }
        team().run(units, (worker, u) -> task.run(u));
    }

    private WorkerTeam team() {
        if (team == null) team = new WorkerTeam(threads, "scratchnet-pass");
        return team;
    }

    /** Stops the helper threads, if any were started; the split stays usable (it starts new ones when needed). */
    @Override
    public void close() {
        if (team != null) team.close();
        team = null;
    }
}
