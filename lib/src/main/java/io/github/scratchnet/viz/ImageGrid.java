package io.github.scratchnet.viz;

import io.github.scratchnet.ScratchnetException;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Small images in a grid with a caption under each, for what XChart does not draw: MNIST digits
 * and first-layer weight vectors as 28x28 pictures. Used like a chart: create (image size,
 * columns), style ({@link #grey} or {@link #diverging} colour scale, {@link #title}), then add
 * images, then {@link #image()}.
 *
 * <p>All images share one colour scale, so a dark pixel means the same value in every image.
 */
public final class ImageGrid {
    private final int width;
    private final int height;
    private final int columns;
    private int scale = 3;
    private String title = "";
    private boolean diverging;
    private double lo = 0;
    private double hi = 1;
    private final List<double[]> images = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();

    /** A grid of {@code width x height} images (row by row), {@code columns} per row. */
    public ImageGrid(int width, int height, int columns) {
        if (width < 1 || height < 1 || columns < 1) {
            throw new ScratchnetException("an image grid needs positive sizes and columns, got " + width + "x" + height
                    + " and " + columns + " columns");
        }
        this.width = width;
        this.height = height;
        this.columns = columns;
    }

    /** Screen pixels per image pixel (default 3). */
    public ImageGrid scale(int scale) {
        this.scale = Math.max(1, scale);
        return this;
    }

    public ImageGrid title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    /** White at {@code lo}, black at {@code hi}: pixel intensities. */
    public ImageGrid grey(double lo, double hi) {
        this.diverging = false;
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /** Blue for negative, white for zero, red for positive, full colour at {@code ±limit}: weights. */
    public ImageGrid diverging(double limit) {
        this.diverging = true;
        this.lo = -Math.abs(limit);
        this.hi = Math.abs(limit);
        return this;
    }

    /** Adds one image ({@code width * height} values, row by row) with its caption. */
    public ImageGrid add(double[] pixels, String caption) {
        if (pixels.length != width * height) {
            throw new ScratchnetException("an image of this grid has " + width * height + " values, got " + pixels.length);
        }
        images.add(pixels.clone());
        captions.add(caption == null ? "" : caption);
        return this;
    }

    /** The grid as one image. */
    public BufferedImage image() {
        int pad = 6, captionHeight = 16, titleHeight = title.isEmpty() ? 0 : 26;
        int cellW = Math.max(width * scale, 60) + pad, cellH = height * scale + captionHeight + pad;
        int rows = Math.max(1, (images.size() + columns - 1) / columns);
        BufferedImage out = new BufferedImage(columns * cellW + pad, titleHeight + rows * cellH + pad,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.BLACK);
        if (!title.isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, pad, 18);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k < images.size(); k++) {
            int x0 = pad + (k % columns) * cellW + (cellW - pad - width * scale) / 2;
            int y0 = titleHeight + pad + (k / columns) * cellH;
            double[] px = images.get(k);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    g.setColor(colour(px[r * width + c]));
                    g.fillRect(x0 + c * scale, y0 + r * scale, scale, scale);
                }
            }
            String caption = captions.get(k);
            g.setColor(Color.BLACK);
            g.drawString(caption, pad + (k % columns) * cellW + (cellW - pad - fm.stringWidth(caption)) / 2,
                    y0 + height * scale + fm.getAscent() + 1);
        }
        g.dispose();
        return out;
    }

    /** The colour of {@code v} on this grid's scale (clamped at both ends). */
    Color colour(double v) {
        double t = hi == lo ? 0.5 : Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
        if (!diverging) {
            int grey = (int) Math.round(255 * (1 - t));
            return new Color(grey, grey, grey);
        }
        // t = 0.5 is white; towards 0 blue, towards 1 red
        double d = Math.abs(t - 0.5) * 2;
        int fade = (int) Math.round(255 * (1 - d));
        return t < 0.5 ? new Color(fade, fade, 255) : new Color(255, fade, fade);
    }
}
