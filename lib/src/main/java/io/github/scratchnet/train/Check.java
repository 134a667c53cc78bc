package io.github.scratchnet.train;

/**
 * One validation check during training.
 *
 * @param step optimisation steps taken so far
 * @param epoch the epoch the step belongs to, from 1
 * @param trainCost cost of the mini-batch of this step
 * @param validationCost cost on the whole validation set
 * @param validationAccuracy accuracy on the whole validation set
 * @param seconds wall time since training started
 */
public record Check(long step, int epoch, double trainCost, double validationCost, double validationAccuracy, double seconds) {}
