package io.github.scratchnet.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that work through the units {@code 0..units-1} of one task together:
 * the caller is worker 0 and returns when every unit is done. Workers claim the next unit when
 * free, so a helper that has not checked in by the time the caller has run out of units is simply
 * left out: a helper waiting for a processor (another program is busy) never holds up a task.
 * Helpers spin briefly for the next task (training steps follow each other within microseconds),
 * then park. Not thread-safe: one caller at a time; close the team to stop its helpers.
 */
final class WorkerTeam implements AutoCloseable {
    /** One unit of work, run by worker {@code worker} (0 is the caller). */
    interface Task {
        void run(int worker, int unit);
    }

    private static final long SPIN_NANOS = 20_000;
    private static final int OPEN = 1 << 30;

    private final int size;
    private final Thread[] helpers;
    private final AtomicInteger nextUnit = new AtomicInteger();
    // OPEN while helpers may still check in, plus the number of helpers at work
    private final AtomicInteger inside = new AtomicInteger();
    private volatile Task task;
    private volatile int units;
    private volatile int generation;
    private volatile Thread caller;
    private volatile Throwable failure;
    private volatile boolean closed;

    /** A team of {@code size} workers: the caller and {@code size - 1} daemon threads named {@code name-1, ...}. */
    WorkerTeam(int size, String name) {
        if (size < 1) throw new IllegalArgumentException("a team needs at least one worker, got " + size);
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

    /** Number of workers, the caller included. */
    int size() {
        return size;
    }

    /** Runs units {@code 0..units-1} of {@code t} on the caller and the helpers that come in time; rethrows the first failure. */
    void run(int units, Task t) {
        start(units, t);
        join();
    }

    /** Offers units {@code 0..units-1} of {@code t} to the helpers and returns at once; {@link #join} must follow. */
    void start(int units, Task t) {
        if (closed) throw new IllegalStateException("the worker team is closed");
        if (task != null) throw new IllegalStateException("the worker team is already running a task; join it first");
        failure = null;
        this.units = units;
        nextUnit.set(0);
        task = t;
        caller = Thread.currentThread();
        inside.set(OPEN);
        generation++; // wakes spinning helpers
        for (Thread h : helpers) LockSupport.unpark(h);
    }

    /** Takes the units left of the task {@link #start}ed last as worker 0, then closes the door and waits for the helpers inside. */
    void join() {
        Task t = task;
        if (t == null) throw new IllegalStateException("no task was started");
        Throwable own = null;
        try {
            work(0, t);
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
        task = null;
        if (own instanceof RuntimeException r) throw r;
        if (own instanceof Error e) throw e;
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    // Claims units until none is left.
    private void work(int worker, Task t) {
        int n = units;
        for (int u = nextUnit.getAndIncrement(); u < n; u = nextUnit.getAndIncrement()) t.run(worker, u);
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
                work(worker, task);
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

    /** Stops the helpers (they finish the unit they are in); the team cannot run tasks afterwards. */
    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) LockSupport.unpark(h);
    }
}
