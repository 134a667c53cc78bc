package io.github.scratchnet.nn;

/**
 * Forward and backward layer by layer over the whole batch, for training with batchnorm: each
 * hidden layer needs the statistics of the whole batch before the next layer can start.
 */
final class LayerWiseSchedule {
    private final LayerStack layers;

    LayerWiseSchedule(LayerStack layers) {
        this.layers = layers;
    }

    /** The whole batch up through every layer, hidden layers with batch statistics. */
    void forward(Batch batch, boolean probabilities) {
        int m = batch.rows();
        layers.input.forward(batch, 0, m);
        for (int l = 1; l <= layers.count; l++) {
            if (l > 1) layers.dense[l].forward(0, m);
            if (l < layers.count) layers.hidden[l].forwardBatch(m);
        }
        layers.output.forwardRows(batch, 0, m, probabilities);
    }

    /**
     * The whole batch down: {@code dZ} of every layer ({@code gamma}'s and {@code beta}'s gradients
     * into {@code grads}), then the first layer's units sorted for its weight gradient.
     */
    void deltas(Batch batch, Parameters grads, boolean split) {
        int m = batch.rows();
        layers.output.backwardRows(batch, 0, m);
        for (int l = layers.count; l > 1; l--) {
            HiddenActivation below = layers.hidden[l - 1];
            layers.dense[l].backwardRows(0, m, below.dABuffer().data);
            below.backwardBatch(m, grads);
        }
        layers.input.sortUnits(batch, 0, m, split);
    }
}
