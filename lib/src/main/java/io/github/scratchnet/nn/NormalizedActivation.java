package io.github.scratchnet.nn;

/**
 * A hidden layer that normalises with {@link BatchStatistics}: the batch's in training, so its
 * training forward and backward need the whole batch; the running ones at inference, which works
 * on any range of rows. {@link ThenNormalize} and {@link BatchNormThen} are the two kinds.
 */
abstract class NormalizedActivation extends HiddenActivation {
    final BatchStatistics stats;

    NormalizedActivation(LinearLayer below, ActivationFunction f, RunningStats running, int capacity) {
        super(below, f, capacity);
        stats = new BatchStatistics(l, width, running);
    }

    @Override
    final void useRunningStatistics() {
        stats.useRunning();
    }

    @Override
    final void backwardRows(int r0, int r1) {
        throw new IllegalStateException("batchnorm needs the whole batch for its backward; use backwardBatch");
    }
}
