package io.github.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DatasetTest {
    /** 20 one-pixel samples whose pixel value identifies them: sample i has pixel i + 1. */
    private static Dataset numbered() {
        byte[] pixels = new byte[20];
        int[] labels = new int[20];
        for (int i = 0; i < 20; i++) {
            pixels[i] = (byte) (i + 1);
            labels[i] = i % 3;
        }
        return Dataset.fromPixels(pixels, 20, 1, labels, 3);
    }

    private static int id(Dataset d, int sample) {
        return (int) Math.round(d.valueAt(d.rowStart(sample)) * 255) - 1;
    }

    @Test
    void fromPixelsScalesAndKeepsOnlyNonZeros() {
        Dataset d = Dataset.fromPixels(new byte[] {0, (byte) 255, 0, 51, 0, 0}, 2, 3, new int[] {1, 0}, 2);
        assertEquals(2, d.size());
        assertEquals(3, d.features());
        assertEquals(2, d.storedEntries());
        assertEquals(1, d.columnAt(d.rowStart(0)));
        assertEquals(1.0, d.valueAt(d.rowStart(0)));
        assertEquals(0.2, d.valueAt(d.rowStart(1)), 1e-12);
        assertEquals(1, d.label(0));
        assertEquals(1, d.rowEnd(1) - d.rowStart(1));
        assertArrayEquals(new double[] {0, 0.2, 1, 0, 0, 0}, d.toColumns().getData());
    }

    @Test
    void fromPixelsRejectsInconsistentInput() {
        assertThrows(ScratchnetException.class, () -> Dataset.fromPixels(new byte[5], 2, 3, new int[2], 2));
        assertThrows(ScratchnetException.class, () -> Dataset.fromPixels(new byte[6], 2, 3, new int[3], 2));
        assertThrows(ScratchnetException.class, () -> Dataset.fromPixels(new byte[6], 2, 3, new int[] {0, 2}, 2));
        assertThrows(ScratchnetException.class, () -> Dataset.fromPixels(new byte[6], 2, 3, new int[] {-1, 0}, 2));
    }

    @Test
    void splitIsAReproduciblePartition() {
        Dataset d = numbered();
        Dataset[] a = d.split(15, 7);
        Dataset[] b = d.split(15, 7);
        assertEquals(15, a[0].size());
        assertEquals(5, a[1].size());
        int[] seen = new int[20];
        for (Dataset part : a) {
            for (int s = 0; s < part.size(); s++) {
                int id = id(part, s);
                seen[id]++;
                assertEquals(id % 3, part.label(s));
            }
        }
        int[] once = new int[20];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
        for (int s = 0; s < 15; s++) assertEquals(id(a[0], s), id(b[0], s));
        int[] other = new int[15];
        int[] first = new int[15];
        Dataset[] c = d.split(15, 8);
        for (int s = 0; s < 15; s++) {
            first[s] = id(a[0], s);
            other[s] = id(c[0], s);
        }
        assertNotEquals(Arrays.toString(first), Arrays.toString(other));
        assertThrows(ScratchnetException.class, () -> d.split(21, 7));
        assertThrows(ScratchnetException.class, () -> d.split(-1, 7));
        assertEquals(0, d.split(0, 7)[0].size());
    }

    @Test
    void subsetAndHeadKeepTheOrderGiven() {
        Dataset d = numbered();
        Dataset s = d.subset(new int[] {4, 0, 4});
        assertEquals(3, s.size());
        assertEquals(4, id(s, 0));
        assertEquals(0, id(s, 1));
        assertEquals(4, id(s, 2));
        assertEquals(1, s.label(0));
        assertEquals(3, d.head(3).size());
        assertEquals(2, id(d.head(3), 2));
        assertEquals(20, d.head(100).size());
    }

    @Test
    void fromColumnsTakesFeaturesByColumnsAndArgmaxLabels() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0, 0.5}, {0, 2, 0}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}});
        Dataset d = Dataset.fromColumns(x, y);
        assertEquals(3, d.size());
        assertEquals(2, d.features());
        assertEquals(3, d.classes());
        assertArrayEquals(new int[] {1, 0, 2}, new int[] {d.label(0), d.label(1), d.label(2)});
        assertTrue(Arrays.equals(x.getData(), d.toColumns().getData()));
        assertArrayEquals(y.getData(), d.oneHotColumns().getData());
        assertEquals(3, d.storedEntries());
        assertThrows(ScratchnetException.class, () -> Dataset.fromColumns(x, new DMatrixRMaj(3, 2)));
    }

    @Test
    void denseRowPutsZerosBack() {
        Dataset d = Dataset.fromRows(new double[][] {{0, 2, 0, 3}, {0, 0, 0, 0}}, new int[] {0, 1}, 2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 2, 0, 3}, d.dense(0));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[4], d.dense(1));
    }
}
