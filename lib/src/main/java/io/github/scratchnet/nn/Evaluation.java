package io.github.scratchnet.nn;

/**
 * Cost and accuracy of a network on a data set, at inference (running batchnorm statistics).
 *
 * @param cost mean cross-entropy plus the L2 term {@code lambda/(2m)·sum(W²)} with {@code m} the
 *     number of samples evaluated
 * @param accuracy fraction of samples whose most probable class is the label
 */
public record Evaluation(double cost, double accuracy, int samples) {}
