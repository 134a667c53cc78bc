package io.github.scratchnet.nn;

import io.github.scratchnet.nn.Parameters.Part;
import io.github.scratchnet.optim.Optimizer;
import io.github.scratchnet.optim.Sgd;

/**
 * What a backward pass does with the gradients of {@code crossEntropy + lambda/(2m)·ΣW²}: write
 * them into {@code grads}, or also (the fused step) have {@code optimizer} move each parameter
 * array as soon as its gradient is done, while it is in cache. Under plain SGD the first layer's
 * weight gradient goes into the sparse layer's own zero-between-steps array instead of
 * {@code grads} (see {@code SparseInputLayer}).
 */
record Step(double lambda, Parameters grads, Optimizer optimizer) {
    /** Gradients written into {@code grads}, parameters left alone. */
    static Step gradients(double lambda, Parameters grads) {
        return new Step(lambda, grads, null);
    }

    /** One step of {@code optimizer} (already started); {@code work} receives the gradients on the way. */
    static Step update(double lambda, Parameters work, Optimizer optimizer) {
        return new Step(lambda, work, optimizer);
    }

    /** Whether the parameters move in this step. */
    boolean updates() {
        return optimizer != null;
    }

    /** The optimiser when it is plain SGD, whose first-layer step moves only the rows a batch wrote; else null. */
    Sgd plainSgd() {
        return optimizer instanceof Sgd s ? s : null;
    }

    /** The fused step's move of array {@code part} of layer {@code l} by its finished gradient; nothing otherwise. */
    void apply(Part part, int l) {
        if (optimizer != null) optimizer.update(grads, part, l);
    }
}
