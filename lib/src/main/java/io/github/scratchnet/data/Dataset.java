package io.github.scratchnet.data;

import io.github.scratchnet.ScratchnetException;
import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * An immutable set of labelled samples, stored one sample per row in compressed sparse rows.
 *
 * <p>MNIST pixels are about 80% zeros, so the first layer's products skip them: a sparse row costs
 * a fifth of a dense one, and the data of all 70000 images fits in about 130 MB of doubles. Dense
 * data (a test's random inputs) is stored the same way with every entry kept.
 */
public final class Dataset {
    private final int features;
    private final int classes;
    private final int[] rowStart;
    private final int[] column;
    private final double[] value;
    private final int[] labels;

    private Dataset(int features, int classes, int[] rowStart, int[] column, double[] value, int[] labels) {
        this.features = features;
        this.classes = classes;
        this.rowStart = rowStart;
        this.column = column;
        this.value = value;
        this.labels = labels;
    }

    /**
     * Builds a data set from unsigned 8-bit pixels, scaled to [0, 1] by dividing by 255.
     *
     * @param pixels {@code count * features} bytes, one image after the other
     */
    public static Dataset fromPixels(byte[] pixels, int count, int features, int[] labels, int classes) {
        return fromPixels(pixels, count, features, labels, classes, null);
    }

    /**
     * {@link #fromPixels(byte[], int, int, int[], int)} of the images {@code rows} only, in that
     * order (all of them when null): the same samples, bit for bit, as {@code subset(rows)} of the
     * whole set, without holding the whole set in memory first.
     */
    public static Dataset fromPixels(byte[] pixels, int count, int features, int[] labels, int classes, int[] rows) {
        if ((long) count * features != pixels.length) {
            throw new ScratchnetException("pixel array holds " + pixels.length + " bytes, expected "
                    + count + " images of " + features + " pixels; the image file is inconsistent");
        }
        checkLabels(labels, count, classes);
        int n = rows == null ? count : rows.length;
        int nonZero = 0;
        for (int r = 0; r < n; r++) {
            int base = (rows == null ? r : rows[r]) * features;
            for (int j = 0; j < features; j++) if (pixels[base + j] != 0) nonZero++;
        }
        int[] rowStart = new int[n + 1];
        int[] column = new int[nonZero];
        double[] value = new double[nonZero];
        int[] rowLabels = new int[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            int i = rows == null ? r : rows[r];
            rowStart[r] = k;
            rowLabels[r] = labels[i];
            int base = i * features;
            for (int j = 0; j < features; j++) {
                int p = pixels[base + j] & 0xFF;
                if (p != 0) {
                    column[k] = j;
                    value[k] = p / 255.0;
                    k++;
                }
            }
        }
        rowStart[n] = k;
        return new Dataset(features, classes, rowStart, column, value, rowLabels);
    }

    /** Builds a data set from dense rows (one sample per row); zeros are kept out as for pixels. */
    public static Dataset fromRows(double[][] rows, int[] labels, int classes) {
        int count = rows.length;
        int features = count == 0 ? 0 : rows[0].length;
        checkLabels(labels, count, classes);
        int nonZero = 0;
        for (double[] row : rows) {
            if (row.length != features) {
                throw new ScratchnetException("rows have different lengths (" + row.length + " and "
                        + features + "); every sample needs the same number of features");
            }
            for (double v : row) if (v != 0) nonZero++;
        }
        int[] rowStart = new int[count + 1];
        int[] column = new int[nonZero];
        double[] value = new double[nonZero];
        int k = 0;
        for (int i = 0; i < count; i++) {
            rowStart[i] = k;
            for (int j = 0; j < features; j++) {
                if (rows[i][j] != 0) {
                    column[k] = j;
                    value[k++] = rows[i][j];
                }
            }
        }
        rowStart[count] = k;
        return new Dataset(features, classes, rowStart, column, value, labels.clone());
    }

    /**
     * Builds a data set from the report's layout: {@code x} is features x samples and {@code y} is
     * one-hot classes x samples.
     */
    public static Dataset fromColumns(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numCols != y.numCols) {
            throw new ScratchnetException("X has " + x.numCols + " samples (columns) but Y has "
                    + y.numCols + "; both must hold one column per sample");
        }
        double[][] rows = new double[x.numCols][x.numRows];
        int[] labels = new int[x.numCols];
        for (int s = 0; s < x.numCols; s++) {
            for (int f = 0; f < x.numRows; f++) rows[s][f] = x.get(f, s);
            int best = 0;
            for (int c = 1; c < y.numRows; c++) if (y.get(c, s) > y.get(best, s)) best = c;
            labels[s] = best;
        }
        return fromRows(rows, labels, y.numRows);
    }

    private static void checkLabels(int[] labels, int count, int classes) {
        if (labels.length != count) {
            throw new ScratchnetException(count + " images but " + labels.length
                    + " labels; the image and label files do not belong together");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new ScratchnetException("label " + labels[i] + " of sample " + i
                        + " is outside 0.." + (classes - 1) + "; the label file is corrupt");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public int features() {
        return features;
    }

    public int classes() {
        return classes;
    }

    public int label(int sample) {
        return labels[sample];
    }

    /** Index of the first stored entry of {@code sample} in {@link #column()} and {@link #value()}. */
    public int rowStart(int sample) {
        return rowStart[sample];
    }

    /** One past the last stored entry of {@code sample}. */
    public int rowEnd(int sample) {
        return rowStart[sample + 1];
    }

    /** Feature index of every stored entry; shared, not copied: do not modify. */
    public int[] column() {
        return column;
    }

    /** Value of every stored entry; shared, not copied: do not modify. */
    public double[] value() {
        return value;
    }

    /** Feature index of stored entry {@code p}. */
    public int columnAt(int p) {
        return column[p];
    }

    /** Value of stored entry {@code p}. */
    public double valueAt(int p) {
        return value[p];
    }

    /** The features of {@code sample} as a dense row (zeros included), e.g. to draw an image. */
    public double[] dense(int sample) {
        double[] row = new double[features];
        for (int p = rowStart[sample]; p < rowStart[sample + 1]; p++) row[column[p]] = value[p];
        return row;
    }

    /** Number of stored (non-zero) entries. */
    public long storedEntries() {
        return rowStart[labels.length];
    }

    /** The samples at {@code indices}, in that order. */
    public Dataset subset(int[] indices) {
        int[] start = new int[indices.length + 1];
        int total = 0;
        for (int i = 0; i < indices.length; i++) {
            start[i] = total;
            total += rowEnd(indices[i]) - rowStart(indices[i]);
        }
        start[indices.length] = total;
        int[] col = new int[total];
        double[] val = new double[total];
        int[] lab = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int s = indices[i];
            int n = rowEnd(s) - rowStart(s);
            System.arraycopy(column, rowStart(s), col, start[i], n);
            System.arraycopy(value, rowStart(s), val, start[i], n);
            lab[i] = labels[s];
        }
        return new Dataset(features, classes, start, col, val, lab);
    }

    /** The first {@code n} samples (all of them when {@code n} is larger than the set). */
    public Dataset head(int n) {
        int[] idx = new int[Math.min(n, size())];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return subset(idx);
    }

    /**
     * Shuffles the samples with {@code seed} and cuts them in two: the first {@code firstSize}
     * and the rest. The same seed always gives the same split.
     */
    public Dataset[] split(int firstSize, long seed) {
        if (firstSize < 0 || firstSize > size()) {
            throw new ScratchnetException("cannot take " + firstSize + " of " + size()
                    + " samples for the first part of a split; choose a size between 0 and " + size());
        }
        int[] order = permutation(size(), new Random(seed));
        return new Dataset[] {
            subset(Arrays.copyOfRange(order, 0, firstSize)),
            subset(Arrays.copyOfRange(order, firstSize, size()))
        };
    }

    /** A random permutation of 0..n-1 (Fisher-Yates), the same for the same random state. */
    public static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        shuffle(order, random);
        return order;
    }

    /** Shuffles {@code order} in place (Fisher-Yates). */
    public static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The samples as the report's X: features x samples, dense. */
    public DMatrixRMaj toColumns() {
        DMatrixRMaj x = new DMatrixRMaj(features, size());
        for (int s = 0; s < size(); s++) {
            for (int p = rowStart(s); p < rowEnd(s); p++) x.set(column[p], s, value[p]);
        }
        return x;
    }

    /** The labels as the report's Y: one-hot, classes x samples. */
    public DMatrixRMaj oneHotColumns() {
        DMatrixRMaj y = new DMatrixRMaj(classes, size());
        for (int s = 0; s < size(); s++) y.set(labels[s], s, 1.0);
        return y;
    }

    @Override
    public String toString() {
        return "Dataset[" + size() + " samples x " + features + " features, " + classes + " classes]";
    }
}
