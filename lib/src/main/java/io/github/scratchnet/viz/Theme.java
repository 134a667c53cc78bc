package io.github.scratchnet.viz;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.IoErrors;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The one look of the notebooks' charts: a cell builds its chart with XChart (create → style →
 * series) and calls {@link #apply} once in the style step. Also saves charts and images as PNG and
 * lays several charts out in one image.
 */
public final class Theme {
    /** Default size, in pixels, of a chart shown in a notebook or saved as PNG. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;
    /** The colour of train (mini-batch) curves. */
    public static final Color TRAIN = new Color(31, 119, 180);
    /** The colour of validation curves. */
    public static final Color VALIDATION = new Color(255, 127, 14);
    /** The colour of the original report's numbers when shown beside ours. */
    public static final Color REPORT = new Color(90, 90, 90);

    private Theme() {}

    /** Styles {@code chart} in the project's theme (white background, light grid, legible fonts) and returns it. */
    public static <C extends Chart<?, ?>> C apply(C chart) {
        Styler s = chart.getStyler();
        if (s instanceof AxesChartStyler axes) {
            axes.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axes.setPlotGridLinesColor(new Color(230, 230, 230));
        }
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        // A heat map keeps its colour legend outside the plot; every other chart's legend sits inside.
        s.setLegendPosition(chart instanceof HeatMapChart ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(new Color(220, 220, 220));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setPlotBorderVisible(false);
        return chart;
    }

    /** Writes {@code chart} as a PNG file (folders created as needed) and returns the chart, so a cell can end with it. */
    public static <C extends Chart<?, ?>> C save(C chart, Path file) {
        save(BitmapEncoder.getBufferedImage(chart), file);
        return chart;
    }

    /** Writes {@code image} as a PNG file (folders created as needed) and returns it. */
    public static BufferedImage save(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer");
            return image;
        } catch (IOException e) {
            throw new ScratchnetException("cannot write " + file + " (" + IoErrors.describe(e)
                    + "); choose a writable folder", e);
        }
    }

    /** The chart as an image, e.g. for {@code updateDisplay} while it changes. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Several charts in one image, {@code columns} per row, each painted at {@code width x height}. */
    public static BufferedImage grid(List<? extends Chart<?, ?>> charts, int columns, int width, int height) {
        if (charts.isEmpty()) throw new ScratchnetException("no charts to put in a grid");
        if (columns < 1) throw new ScratchnetException("a grid needs at least one column, got " + columns);
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage out = new BufferedImage(columns * width, rows * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            // Paint each chart at the cell's size (fonts stay legible) rather than shrink a bitmap.
            Graphics2D cell = (Graphics2D) g.create((i % columns) * width, (i / columns) * height, width, height);
            try {
                charts.get(i).paint(cell, width, height);
            } finally {
                cell.dispose();
            }
        }
        g.dispose();
        return out;
    }
}
