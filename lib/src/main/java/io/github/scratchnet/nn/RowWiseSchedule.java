package io.github.scratchnet.nn;

/**
 * Forward and backward sample by sample, for passes without batch statistics (batchnorm off, or
 * inference): any range of rows goes through every layer on its own, so a range stays in one
 * core's cache and ranges can go to different threads.
 */
final class RowWiseSchedule {
    private final LayerStack layers;

    RowWiseSchedule(LayerStack layers) {
        this.layers = layers;
    }

    /** Rows {@code r0..r1} up through every layer to the cost (and the probabilities when asked). */
    void forward(Batch batch, int r0, int r1, boolean probabilities) {
        layers.input.forward(batch, r0, r1);
        for (int l = 1; l <= layers.count; l++) {
            if (l > 1) layers.dense[l].forward(r0, r1);
            if (l < layers.count) layers.hidden[l].forwardRows(r0, r1);
        }
        layers.output.forwardRows(batch, r0, r1, probabilities);
    }

    /**
     * Rows {@code r0..r1} down: {@code dZ} of every layer, then the first layer's units sorted for
     * its weight gradient ({@code split}: the gradient will be cut into feature chunks).
     */
    void deltas(Batch batch, int r0, int r1, boolean split) {
        layers.output.backwardRows(batch, r0, r1);
        for (int l = layers.count; l > 1; l--) {
            HiddenActivation below = layers.hidden[l - 1];
            layers.dense[l].backwardRows(r0, r1, below.dABuffer().data);
            below.backwardRows(r0, r1);
        }
        layers.input.sortUnits(batch, r0, r1, split);
    }
}
