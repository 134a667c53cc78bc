package io.github.scratchnet.nn;

import io.github.scratchnet.data.Dataset;

/**
 * The samples of one forward pass: {@code order[from..from+rows)} of {@code data}, or samples
 * {@code from..from+rows} when {@code order} is null. Row {@code i} of every work matrix belongs to
 * {@link #sample sample(i)}.
 */
record Batch(Dataset data, int[] order, int from, int rows) {
    /** The index in {@code data} of the batch's row {@code i}. */
    int sample(int i) {
        return order == null ? from + i : order[from + i];
    }

    /** The class label of the batch's row {@code i}. */
    int label(int i) {
        return data.label(sample(i));
    }
}
