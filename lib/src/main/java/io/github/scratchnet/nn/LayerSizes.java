package io.github.scratchnet.nn;

import io.github.scratchnet.InvalidParameterException;
import java.util.Arrays;

/**
 * The one place that checks layer sizes: on their own, against the data they are to fit and
 * against the batch size. Messages name the parameters {@code layers} and {@code batchSize} (see
 * {@link InvalidParameterException}).
 */
public final class LayerSizes {
    private static final String EXAMPLE = "; e.g. 784,20,7,5,10";

    private LayerSizes() {}

    /** At least an input and an output layer, every size positive. */
    public static void requireValid(int[] layers) {
        if (layers.length < 2) {
            throw new InvalidParameterException("layers", "layers needs at least two sizes (input and output), got "
                    + Arrays.toString(layers) + EXAMPLE);
        }
        for (int n : layers) {
            if (n <= 0) {
                throw new InvalidParameterException("layers", "layers sizes must be positive, got "
                        + Arrays.toString(layers) + EXAMPLE);
            }
        }
    }

    /**
     * Why {@code layers} cannot read samples of {@code features} values into {@code classes}
     * classes, e.g. "the last layer has 3 units but the data has 10 classes"; null if they can.
     */
    public static String mismatch(int[] layers, int features, int classes) {
        if (layers[0] != features) {
            return "the first layer has " + layers[0] + " units but the data has " + features + " features per sample";
        }
        int last = layers[layers.length - 1];
        if (last != classes) {
            return "the last layer has " + last + " units but the data has " + classes + " classes";
        }
        return null;
    }

    /** The first layer takes {@code features} values, the last gives {@code classes} outputs. */
    public static void requireFits(int[] layers, int features, int classes) {
        String mismatch = mismatch(layers, features, classes);
        if (mismatch == null) return;
        String fix = layers[0] != features ? "start layers with " + features : "end layers with " + classes;
        throw new InvalidParameterException("layers", mismatch + "; " + fix);
    }

    /** A batch no larger than the training set, so that every step sees {@code batchSize} samples. */
    public static void requireBatchFits(int batchSize, int trainSize) {
        if (batchSize > trainSize) {
            throw new InvalidParameterException("batchSize", "batchSize " + batchSize
                    + " is larger than the training set (" + trainSize + " samples); choose at most " + trainSize);
        }
    }
}
