package io.github.scratchnet.data;

/**
 * The content of an IDX label file: {@code count} unsigned bytes. The range is not checked here,
 * because the IDX format does not limit it; {@link Idx#readDataset} checks it against the number of
 * classes.
 */
public record IdxLabels(int count, byte[] labels) {

    /** Label of sample {@code i}, 0..255. */
    public int label(int i) {
        return labels[i] & 0xFF;
    }

    /** All labels as unsigned ints. */
    public int[] toInts() {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = labels[i] & 0xFF;
        return out;
    }

    @Override
    public String toString() {
        return "IdxLabels[" + count + " labels]";
    }
}
