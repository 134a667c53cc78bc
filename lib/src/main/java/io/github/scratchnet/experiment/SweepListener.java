package io.github.scratchnet.experiment;

import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.TrainConfig;
import java.io.PrintStream;

/**
 * Live progress of a {@link Sweep}. Runs go in parallel, so the methods are called from the
 * worker threads, concurrently: an implementation must be thread-safe and quick (it delays the
 * run that calls it). Every method does nothing by default.
 */
public interface SweepListener {
    /** A run is about to load its data and train. */
    default void runStarted(String runId, TrainConfig config) {}

    /** A validation check of a running run. */
    default void check(String runId, Check check) {}

    /** An epoch (from 1) of a running run has ended after {@code steps} steps. */
    default void epochEnded(String runId, int epoch, long steps) {}

    /** A run has finished and its files are written. */
    default void runFinished(SweepRun run) {}

    /** A run was found finished on disk and will not be computed again. */
    default void runReused(SweepRun run) {}

    /** The stored file of a run cannot be used ({@code reason} says why); the run is computed again. */
    default void runDiscarded(String runId, String reason) {}

    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() {};

    /** One short line per event on {@code out}: enough for a notebook cell or a log file. */
    static SweepListener printing(PrintStream out) {
        return new SweepListener() {
            @Override
            public void runStarted(String runId, TrainConfig config) {
                out.println("started  " + runId);
            }

            @Override
            public void check(String runId, Check c) {
                out.printf("         %s  epoch %d  step %d  val acc %.4f%n", runId, c.epoch(), c.step(),
                        c.validationAccuracy());
            }

            @Override
            public void runFinished(SweepRun run) {
                out.println("finished " + run.id() + "  " + SweepListener.describe(run));
            }

            @Override
            public void runReused(SweepRun run) {
                out.println("reused   " + run.id() + "  " + SweepListener.describe(run));
            }

            @Override
            public void runDiscarded(String runId, String reason) {
                out.println("redo     " + runId + ": " + reason);
            }
        };
    }

    /** {@code early_stopping after epoch 12, val acc 0.9312, test acc 0.9290, 45.1 s}. */
    static String describe(SweepRun run) {
        RunSummary s = run.summary();
        return String.format("%s after epoch %d, val acc %.4f, test acc %.4f, %.1f s", s.stopReason(), s.epochs(),
                s.validationAccuracy(), s.testAccuracy(), s.trainTimeSeconds());
    }
}
