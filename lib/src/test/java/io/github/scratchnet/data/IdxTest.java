package io.github.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** Asserts the failure is one line that names the file and a remedy, and returns it. */
    private static String failure(Path file, Runnable read) {
        ScratchnetException e = assertThrows(ScratchnetException.class, read::run);
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.contains(file.getFileName().toString()), m);
        assertTrue(m.contains("make data"), m);
        return m;
    }

    @Test
    void readsImagesBackWithTheirValues() throws IOException {
        byte[] pixels = IdxBytes.patternPixels(3, 2, 4);
        Path f = write("img", IdxBytes.images(3, 2, 4, pixels));
        IdxImages images = Idx.readImages(f);
        assertEquals(3, images.count());
        assertEquals(2, images.rows());
        assertEquals(4, images.cols());
        assertEquals(8, images.pixelsPerImage());
        assertArrayEquals(pixels, images.pixels());
        // image 1, row 1, col 2 is pixel 8 + 4 + 2 = 14 overall: 14 * 7 = 98
        assertEquals(98, images.pixel(1, 1, 2));
        // image 2, row 1, col 0 is pixel 20: 140, which must come back unsigned
        assertEquals(140, images.pixel(2, 1, 0));
    }

    @Test
    void readsLabelsBackUnsigned() throws IOException {
        Path f = write("lab", IdxBytes.labels(new byte[] {5, 0, 9, (byte) 200}));
        IdxLabels labels = Idx.readLabels(f);
        assertEquals(4, labels.count());
        assertArrayEquals(new int[] {5, 0, 9, 200}, labels.toInts());
        assertEquals(200, labels.label(3));
    }

    @Test
    void readsAPairIntoADatasetScaledTo01() throws IOException {
        byte[] pixels = {0, (byte) 255, 51, 0, 0, 0, 0, (byte) 102};
        Path img = write("img", IdxBytes.images(2, 2, 2, pixels));
        Path lab = write("lab", IdxBytes.labels(new byte[] {7, 3}));
        Dataset d = Idx.readDataset(img, lab, 10);
        assertEquals(2, d.size());
        assertEquals(4, d.features());
        assertEquals(10, d.classes());
        assertEquals(7, d.label(0));
        assertEquals(3, d.label(1));
        assertEquals(3, d.storedEntries());
        assertEquals(1.0, d.toColumns().get(1, 0));
        assertEquals(0.2, d.toColumns().get(2, 0), 1e-12);
        assertEquals(0.4, d.toColumns().get(3, 1), 1e-12);
        assertEquals(0.0, d.toColumns().get(0, 1));
    }

    @Test
    void emptyCountIsValid() throws IOException {
        Path f = write("img", IdxBytes.images(0, 28, 28, new byte[0]));
        assertEquals(0, Idx.readImages(f).count());
    }

    @Test
    void truncatedImagesNameTheShortfall() throws IOException {
        byte[] full = IdxBytes.images(3, 2, 4, IdxBytes.patternPixels(3, 2, 4));
        Path f = write("img", Arrays.copyOf(full, full.length - 5));
        String m = failure(f, () -> Idx.readImages(f));
        assertTrue(m.contains("truncated"), m);
        assertTrue(m.contains("3 images of 2x4 (24 bytes) but only 19 bytes follow"), m);
    }

    @Test
    void truncatedLabelsAreRejected() throws IOException {
        byte[] full = IdxBytes.labels(new byte[] {1, 2, 3});
        Path f = write("lab", Arrays.copyOf(full, full.length - 1));
        assertTrue(failure(f, () -> Idx.readLabels(f)).contains("only 2 bytes follow"));
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] full = IdxBytes.images(1, 2, 2, new byte[4]);
        Path f = write("img", Arrays.copyOf(full, full.length + 3));
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("has 3 bytes more than the 1 images of 2x2"));
        Path l = write("lab", Arrays.copyOf(IdxBytes.labels(new byte[] {1}), 10));
        assertTrue(failure(l, () -> Idx.readLabels(l)).contains("1 bytes more"));
    }

    @Test
    void headerShorterThanSixteenBytesIsRejected() throws IOException {
        Path f = write("img", Arrays.copyOf(IdxBytes.images(1, 1, 1, new byte[1]), 10));
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("too short for an IDX image header (10 of 16 bytes)"));
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        byte[] b = IdxBytes.images(1, 1, 1, new byte[1]);
        b[3] = 0x04;
        Path f = write("img", b);
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("magic number 0x00000804, not 0x00000803"));
    }

    @Test
    void labelFileReadAsImagesSaysTheNamesAreMixedUp() throws IOException {
        Path f = write("lab", IdxBytes.labels(new byte[16]));
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("is an IDX label file where an IDX image file"));
        Path g = write("img", IdxBytes.images(1, 1, 1, new byte[1]));
        assertTrue(failure(g, () -> Idx.readLabels(g)).contains("is an IDX image file where an IDX label file"));
    }

    @Test
    void negativeDimensionsAreRejected() throws IOException {
        Path f = write("img", IdxBytes.images(-1, 28, 28, new byte[0]));
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("corrupt header (-1 images of 28x28"));
        Path g = write("img0", IdxBytes.images(1, 0, 28, new byte[0]));
        assertTrue(failure(g, () -> Idx.readImages(g)).contains("corrupt header"));
    }

    @Test
    void hugeBogusCountFailsWithoutAllocating() throws IOException {
        Path f = write("img", IdxBytes.images(Integer.MAX_VALUE, 28, 28, new byte[784]));
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("(1683627179248 bytes) but only 784 bytes follow"));
        Path big = write("big.gz", IdxBytes.gzip(IdxBytes.images(Integer.MAX_VALUE, 28, 28, new byte[784])));
        assertTrue(failure(big, () -> Idx.readImages(big)).contains("more than one array can hold"));
        Path g = write("img2", IdxBytes.images(Integer.MAX_VALUE, 1 << 30, 1 << 30, new byte[1]));
        assertTrue(failure(g, () -> Idx.readImages(g)).contains("corrupt header"));
        // 2 GB promised in a tiny gzip file: only the real bytes may be allocated.
        Path h = write("img3.gz", IdxBytes.gzip(IdxBytes.images(2_000_000, 1, 1000, new byte[5000])));
        assertTrue(failure(h, () -> Idx.readImages(h)).contains("only 5000 bytes follow after decompression"));
        Path l = write("lab", IdxBytes.labels(new byte[3]));
        byte[] lb = Files.readAllBytes(l);
        ByteBuffer.wrap(lb).putInt(4, Integer.MAX_VALUE);
        Files.write(l, lb);
        assertTrue(failure(l, () -> Idx.readLabels(l)).contains("only 3 bytes follow"));
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path f = write("img", new byte[0]);
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("is empty"));
        Path g = write("lab.gz", IdxBytes.gzip(new byte[0]));
        assertTrue(failure(g, () -> Idx.readLabels(g)).contains("is empty after decompression"));
    }

    @Test
    void missingFileSaysHowToFetch() {
        Path f = dir.resolve("train-images-idx3-ubyte");
        String m = failure(f, () -> Idx.readImages(f));
        assertTrue(m.contains("not found (nor train-images-idx3-ubyte.gz)"), m);
        assertTrue(m.contains("run `make data` to fetch the data sets"), m);
    }

    @Test
    void directoryIsRejected() throws IOException {
        Path f = Files.createDirectory(dir.resolve("img"));
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("is a directory"));
    }

    @Test
    void readsNameDotGzWhenNameIsAbsent() throws IOException {
        byte[] pixels = IdxBytes.patternPixels(2, 3, 3);
        write("img.gz", IdxBytes.gzip(IdxBytes.images(2, 3, 3, pixels)));
        write("lab.gz", IdxBytes.gzip(IdxBytes.labels(new byte[] {4, 2})));
        assertArrayEquals(pixels, Idx.readImages(dir.resolve("img")).pixels());
        assertArrayEquals(new int[] {4, 2}, Idx.readLabels(dir.resolve("lab")).toInts());
        assertEquals(2, Idx.readDataset(dir.resolve("img"), dir.resolve("lab"), 10).size());
    }

    @Test
    void recognisesGzipByContentWhateverTheName() throws IOException {
        Path f = write("img", IdxBytes.gzip(IdxBytes.images(1, 2, 2, new byte[] {1, 2, 3, 4})));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Idx.readImages(f).pixels());
    }

    @Test
    void truncatedGzipIsRejected() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(2, 3, 3, IdxBytes.patternPixels(2, 3, 3)));
        Path f = write("img.gz", Arrays.copyOf(gz, gz.length - 6));
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("truncated or corrupt gzip"));
    }

    @Test
    void trailingBytesInsideGzipAreRejected() throws IOException {
        byte[] full = IdxBytes.images(1, 2, 2, new byte[4]);
        Path f = write("img.gz", IdxBytes.gzip(Arrays.copyOf(full, full.length + 2)));
        assertTrue(failure(f, () -> Idx.readImages(f)).contains("2 bytes more than the 1 images of 2x2 its header"
                + " promises (after decompression)"));
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        Path img = write("img", IdxBytes.images(3, 1, 1, new byte[3]));
        Path lab = write("lab", IdxBytes.labels(new byte[2]));
        String m = failure(img, () -> Idx.readDataset(img, lab, 10));
        assertTrue(m.contains("holds 3 images but " + lab + " holds 2 labels"), m);
    }

    @Test
    void labelOutOfRangeNamesTheLabelFile() throws IOException {
        Path img = write("img", IdxBytes.images(3, 1, 1, new byte[3]));
        Path lab = write("lab", IdxBytes.labels(new byte[] {1, 10, 2}));
        String m = failure(lab, () -> Idx.readDataset(img, lab, 10));
        assertTrue(m.contains("gives sample 1 the label 10, outside 0..9"), m);
        Path big = write("lab2", IdxBytes.labels(new byte[] {1, (byte) 255, 2}));
        assertTrue(failure(big, () -> Idx.readDataset(img, big, 10)).contains("the label 255"));
    }
}
