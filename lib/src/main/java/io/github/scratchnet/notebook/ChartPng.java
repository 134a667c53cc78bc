package io.github.scratchnet.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * An XChart chart as the notebook shows it: PNG bytes (base64 for the kernel, which sends images
 * as base64 text) and a one-line text stand-in for front ends that cannot show images.
 */
public final class ChartPng {
    private ChartPng() {}

    /** The chart drawn at its own size (one pixel per chart unit), as PNG bytes. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart as PNG: " + e.getMessage(), e);
        }
    }

    /** {@link #png} in base64, what a Jupyter {@code image/png} output holds. */
    public static String base64(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(png(chart));
    }

    /** For {@code text/plain}: e.g. {@code XYChart "Cost" (600x400)}. */
    public static String text(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return chart.getClass().getSimpleName()
                + (title == null || title.isBlank() ? "" : " \"" + title + "\"")
                + " (" + chart.getWidth() + "x" + chart.getHeight() + ")";
    }
}
