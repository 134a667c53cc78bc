package io.github.scratchnet.train;

import java.util.concurrent.CancellationException;

/**
 * Thrown when the training thread is interrupted (a notebook's stop button, Ctrl-C in a sweep):
 * the run is abandoned at the next step, so a stopped cell stops burning the CPU.
 */
public final class TrainingInterruptedException extends CancellationException {
    public TrainingInterruptedException(long step) {
        super("training interrupted at step " + step);
    }
}
