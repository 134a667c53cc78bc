package io.github.scratchnet.viz;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.InvalidParameterException;
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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The one look of the notebooks' charts: a cell builds its chart with XChart (create → style →
 * series) and calls {@link #apply} once in the style step. Also saves charts and images as PNG and
 * lays several charts out in one image.
 */
public final class Theme {
    /** Default size, in pixels, of a chart shown in a notebook or saved as PNG. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;
    /**
     * The Okabe–Ito palette, which readers with any common colour-vision deficiency can tell apart,
     * in the order series take it: its six colours that read well on white first (so the six
     * batch sizes 16 … 512 get distinct ones), then black and yellow.
     */
    public static final List<Color> PALETTE = List.of(new Color(230, 159, 0), new Color(86, 180, 233),
            new Color(0, 158, 115), new Color(0, 114, 178), new Color(213, 94, 0), new Color(204, 121, 167),
            new Color(0, 0, 0), new Color(240, 228, 66));
    /** The batch sizes that {@link #batchSizeColor} and {@link #batchSizeAxis} are made for. */
    public static final List<Integer> BATCH_SIZES = List.of(16, 32, 64, 128, 256, 512);
    /** The colour of train (mini-batch) curves: Okabe–Ito blue. */
    public static final Color TRAIN = PALETTE.get(3);
    /** The colour of validation curves: Okabe–Ito vermillion. */
    public static final Color VALIDATION = PALETTE.get(4);
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
        // an error bar takes its series' colour, so the intervals of several series can be told apart
        if (s instanceof XYStyler xy) xy.setErrorBarsColorSeriesColor(true);
        s.setSeriesColors(PALETTE.toArray(new Color[0]));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        // A heat map keeps its colour legend outside the plot; every other chart's legend sits inside.
        s.setLegendPosition(chart instanceof HeatMapChart ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(new Color(220, 220, 220));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setPlotBorderVisible(false);
        return chart;
    }

    /**
     * The colour of batch size {@code b} (16 … 512, each its own {@link #PALETTE} colour, the same
     * in every chart), e.g. {@code series.setLineColor(Theme.batchSizeColor(64))}.
     */
    public static Color batchSizeColor(int b) {
        int i = BATCH_SIZES.indexOf(b);
        if (i < 0) {
            throw new InvalidParameterException("batchSize", "batch size " + b + " has no colour of its own (only "
                    + BATCH_SIZES + " do); leave the series colour to the palette");
        }
        return PALETTE.get(i);
    }

    /** Where each batch size sits on a {@link #batchSizeAxis}: log2(b). */
    public static double[] batchSizeX(double[] batchSizes) {
        double[] x = new double[batchSizes.length];
        for (int i = 0; i < x.length; i++) {
            if (!BATCH_SIZES.contains((int) batchSizes[i]) || batchSizes[i] != (int) batchSizes[i]) {
                throw new InvalidParameterException("batchSizes", "a batch-size axis places " + BATCH_SIZES + ", got "
                        + batchSizes[i] + "; plot other batch sizes on a logarithmic axis");
            }
            x[i] = Math.log(batchSizes[i]) / Math.log(2);
        }
        return x;
    }

    /**
     * Labels a batch-size x axis at exactly 16, 32, 64, 128, 256, 512, for series whose x values
     * are {@link #batchSizeX} (log2 of the batch size). XChart's logarithmic axis labels only
     * powers of ten; with a tick-label function it puts ticks at the series' x values when those
     * and the axis ends are equally spaced, so the axis runs from 3 to 10 (one step beyond 16 and
     * 512) and each tick k is labelled 2^k, the two ends blank. Series set side by side with small
     * x offsets would break the equal spacing (XChart then labels only the ends): tell series apart
     * by marker and colour instead. Returns the chart.
     */
    public static XYChart batchSizeAxis(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(false);
        s.setXAxisMin(3.0);
        s.setXAxisMax(10.0);
        s.setxAxisTickLabelsFormattingFunction(Theme::batchSizeLabel);
        return chart;
    }

    /**
     * The tick labels of {@link #batchSizeAxis}: {@code 2^x} at x = 4 … 9; the axis ends blank,
     * as two different runs of spaces because XChart drops a labelling whose labels repeat (and
     * cannot draw an empty one).
     */
    public static String batchSizeLabel(Double x) {
        if (x < 3.5) return " ";
        if (x > 9.5) return "  ";
        return String.valueOf(Math.round(Math.pow(2, x)));
    }

    /**
     * Puts the legend outside the plot, right of it ({@link Styler.LegendPosition#OutsideE}, one
     * series a line, 10-point font), where series with long names are not cut off: XChart narrows
     * the plot to make room. Returns the chart.
     */
    public static <C extends Chart<?, ?>> C legendOutside(C chart) {
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
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
