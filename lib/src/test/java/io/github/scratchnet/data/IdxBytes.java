package io.github.scratchnet.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files in memory for the tests. */
final class IdxBytes {
    private IdxBytes() {}

    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(Idx.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols).put(pixels).array();
    }

    static byte[] labels(byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length)
                .putInt(Idx.LABELS_MAGIC).putInt(labels.length).put(labels).array();
    }

    /** {@code count} images of {@code rows x cols} whose pixel k (over all images) is {@code k * 7 % 256}. */
    static byte[] patternPixels(int count, int rows, int cols) {
        byte[] p = new byte[count * rows * cols];
        for (int k = 0; k < p.length; k++) p[k] = (byte) (k * 7 % 256);
        return p;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
