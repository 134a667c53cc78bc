package io.github.scratchnet.nn;

import io.github.scratchnet.nn.Parameters.Part;

/**
 * The layers of a {@link Network} as objects, bottom up, each owning its work matrices for
 * batches of up to {@code capacity} samples:
 * {@code input (Z1) → hidden[1] → dense[2] (Z2) → hidden[2] → … → dense[L] (ZL) → output}.
 */
final class LayerStack {
    /** Number of weight layers, {@code L}. */
    final int count;
    final SparseInputLayer input;
    /** {@code dense[l]} for {@code 2 <= l <= L}. */
    final DenseLayer[] dense;
    /** {@code hidden[l]} for {@code 1 <= l < L}. */
    final HiddenActivation[] hidden;
    final SoftmaxCrossEntropy output;

    LayerStack(Network net, int capacity) {
        count = net.layers();
        Parameters p = net.parameters();
        input = new SparseInputLayer(p, capacity);
        dense = new DenseLayer[count + 1];
        hidden = new HiddenActivation[count];
        LinearLayer top = input;
        for (int l = 1; l <= count; l++) {
            if (l > 1) top = dense[l] = new DenseLayer(l, p, hidden[l - 1], capacity);
            if (l < count) hidden[l] = HiddenActivation.of(top, net, capacity);
        }
        output = new SoftmaxCrossEntropy(top, net.formulas(), capacity);
    }

    /** The forward caches of every layer for a batch of {@code m} samples; Wt and b copied where padded. */
    void prepareForward(int m) {
        input.reshape(m);
        for (int l = 1; l <= count; l++) {
            if (l > 1) {
                dense[l].reshape(m);
                dense[l].padWeights();
            }
            if (l < count) hidden[l].reshape(m);
        }
        output.reshape(m);
    }

    /** The backward work of every layer (allocated on the first call) for {@code m} samples, and Wtᵀ of the current weights. */
    void prepareBackward(int m) {
        input.prepareBackward(m);
        for (int l = 1; l <= count; l++) {
            if (l > 1) {
                dense[l].prepareBackward(m);
                dense[l].transposeWeights();
            }
            if (l < count) hidden[l].prepareBackward(m);
        }
    }

    /** Inference with batchnorm: every hidden layer fetches its running statistics. */
    void useRunningStatistics() {
        for (int l = 1; l < count; l++) hidden[l].useRunningStatistics();
    }

    /**
     * Every gradient but the first layer's weights (small reductions over the batch, done once)
     * and, in the fused step, the optimiser's move of each of those arrays once its gradient is
     * done; the deltas (and with them the batchnorm gamma and beta gradients) must be computed.
     */
    void gradientsButFirstWeights(int m, Step step) {
        Parameters grads = step.grads();
        for (int l = count; l > 1; l--) {
            // dWt = A(l-1)ᵀ·dZ + (λ/m)·Wt, db = Σ dZ; then Wt and b move
            dense[l].gradient(m, step.lambda(), grads);
            step.apply(Part.WEIGHT, l);
            step.apply(Part.BIAS, l);
        }
        input.biasGradient(m, grads);
        step.apply(Part.BIAS, 1);
        for (int l = 1; l < count; l++) {
            step.apply(Part.GAMMA, l);
            step.apply(Part.BETA, l);
        }
    }
}
