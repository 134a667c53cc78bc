package io.github.scratchnet.data;

/**
 * The content of an IDX image file: {@code count} images of {@code rows x cols} unsigned bytes,
 * one image after the other, each row by row.
 *
 * @param pixels {@code count * rows * cols} bytes; read them with {@code & 0xFF}
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    /** Number of pixels in one image. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Pixel {@code (row, col)} of image {@code image}, 0..255. */
    public int pixel(int image, int row, int col) {
        return pixels[(image * rows + row) * cols + col] & 0xFF;
    }

    @Override
    public String toString() {
        return "IdxImages[" + count + " images of " + rows + "x" + cols + "]";
    }
}
