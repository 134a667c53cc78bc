package io.github.scratchnet.nn;

/**
 * What a backward pass does with the gradients of {@code crossEntropy + lambda/(2m)·ΣW²}: write
 * them into {@code grads}, or also move the parameters by one SGD step of {@code learningRate}
 * (the fused step, which writes the first layer's weight gradient nowhere).
 */
record Step(double lambda, Parameters grads, boolean update, double learningRate) {
    /** Gradients written into {@code grads}, parameters left alone. */
    static Step gradients(double lambda, Parameters grads) {
        return new Step(lambda, grads, false, 0);
    }

    /** One SGD step, {@code θ ← θ + (-learningRate)·dθ}; {@code work} receives the gradients on the way. */
    static Step sgd(double lambda, double learningRate, Parameters work) {
        return new Step(lambda, work, true, learningRate);
    }
}
