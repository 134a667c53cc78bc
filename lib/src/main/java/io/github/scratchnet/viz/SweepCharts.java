package io.github.scratchnet.viz;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.train.Check;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.NumberColumn;

/**
 * The charts of a sweep, in the theme of {@link Charts}: one train-vs-validation cost chart per
 * run, an overview of the validation cost of all runs, test accuracy by batch size next to the
 * report's, and a grid that puts several charts into one image.
 */
public final class SweepCharts {
    /** A chart and the file name it is saved under. */
    public record Figure(String fileName, Chart<?, ?> chart) {
        /** Saves the chart as {@code dir/fileName}. */
        public Path save(Path dir) {
            return Charts.savePng(chart, dir.resolve(fileName));
        }

        /** The chart as an image, for {@code display(...)}. */
        public BufferedImage image() {
            return Charts.image(chart);
        }
    }

    private SweepCharts() {}

    /**
     * The report's per-run plot for each run: "Batch size 16: train vs validation cost by
     * iteration", with {@code context} (e.g. "Q4, report's rule") appended to the title; files
     * {@code <prefix>-bs16.png}.
     */
    public static List<Figure> costByIteration(List<SweepRun> runs, String context, String prefix) {
        List<Figure> out = new ArrayList<>();
        for (SweepRun r : runs) {
            String title = "Batch size " + r.config().batchSize() + ": train vs validation cost by iteration"
                    + (context == null || context.isBlank() ? "" : " (" + context + ")");
            out.add(new Figure(prefix + "-bs" + r.config().batchSize() + ".png", Charts.costByIteration(title, r.history())));
        }
        return out;
    }

    /** Six colours that stay apart from each other (and from white), one per batch size. */
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75)};

    /**
     * The validation cost of every run on one chart, labelled by {@code label} (e.g. "batch 16").
     * Curves take six distinct colours in turn; from the seventh on, the colours repeat with
     * dashed lines, so two groups of six (e.g. two batchnorm modes) stay readable.
     */
    public static XYChart overview(String title, List<SweepRun> runs, Function<SweepRun, String> label) {
        Map<String, List<Check>> histories = new LinkedHashMap<>();
        for (SweepRun r : runs) histories.put(label.apply(r), r.history());
        XYChart chart = Charts.validationCostOverview(title, histories);
        int i = 0;
        for (org.knowm.xchart.XYSeries series : chart.getSeriesMap().values()) {
            series.setLineColor(PALETTE[i % PALETTE.length]);
            series.setLineStyle(i < PALETTE.length ? new java.awt.BasicStroke(1.8f)
                    : new java.awt.BasicStroke(1.8f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 10f,
                            new float[] {6f, 4f}, 0f));
            i++;
        }
        return chart;
    }

    /** {@link #overview} labelled by batch size. */
    public static XYChart overview(String title, List<SweepRun> runs) {
        return overview(title, runs, r -> "batch " + r.config().batchSize());
    }

    /**
     * Test accuracy by batch size, one bar per table (e.g. ours under two stopping rules and the
     * original report's): each table needs the columns Batch Size and Test Accuracy, as
     * {@link Tables#summary} and {@link OriginalReport#question} have. Categories come from the
     * first table; a batch size missing from another table gets no bar. The accuracy axis starts
     * at 0.5 when every value is above it, so close results stay apart.
     */
    public static CategoryChart testAccuracyByBatchSize(String title, Map<String, Table> tables) {
        if (tables.isEmpty()) throw new ScratchnetException("no tables to chart");
        Table first = tables.values().iterator().next();
        NumberColumn<?, ?> firstBs = (NumberColumn<?, ?>) first.column(Tables.BATCH_SIZE);
        List<String> categories = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < first.rowCount(); i++) {
            int bs = (int) firstBs.getDouble(i);
            sizes.add(bs);
            categories.add(Integer.toString(bs));
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        double min = 1;
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (int bs : sizes) {
                double v = testAccuracy(e.getValue(), bs);
                values.add(Double.isNaN(v) ? null : v);
                if (!Double.isNaN(v)) min = Math.min(min, v);
            }
            series.put(e.getKey(), values);
        }
        CategoryChart chart = Charts.bars(title, "Batch size", "Test accuracy", categories, series);
        chart.getStyler().setYAxisMin(min > 0.5 ? 0.5 : 0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        // Up to four series fit in one row under the chart; more go in a column to its right.
        boolean row = series.size() <= 4;
        chart.getStyler().setLegendPosition(row ? org.knowm.xchart.style.Styler.LegendPosition.OutsideS
                : org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(row ? org.knowm.xchart.style.Styler.LegendLayout.Horizontal
                : org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        return chart;
    }

    private static double testAccuracy(Table t, int batchSize) {
        NumberColumn<?, ?> bs = (NumberColumn<?, ?>) t.column(Tables.BATCH_SIZE);
        NumberColumn<?, ?> acc = (NumberColumn<?, ?>) t.column(Tables.TEST_ACCURACY);
        for (int i = 0; i < t.rowCount(); i++) if (bs.getDouble(i) == batchSize) return acc.getDouble(i);
        return Double.NaN;
    }

    /** Several charts in one image, {@code columns} per row, each at half the default size. */
    public static BufferedImage grid(List<? extends Chart<?, ?>> charts, int columns) {
        if (charts.isEmpty()) throw new ScratchnetException("no charts to put in a grid");
        int w = Charts.WIDTH / 2 + 80, h = Charts.HEIGHT / 2 + 60;
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage out = new BufferedImage(columns * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < charts.size(); i++) {
            Chart<?, ?> c = charts.get(i);
            int oldW = c.getWidth(), oldH = c.getHeight();
            // Paint each chart at the smaller size (fonts stay legible) rather than shrink a bitmap;
            // painting sets the chart's size, so paint once more at the old size to put it back.
            Graphics2D cell = (Graphics2D) g.create((i % columns) * w, (i / columns) * h, w, h);
            try {
                c.paint(cell, w, h);
            } finally {
                cell.dispose();
                Graphics2D s = scratch.createGraphics();
                c.paint(s, oldW, oldH);
                s.dispose();
            }
        }
        g.dispose();
        return out;
    }

    /**
     * The cost-by-iteration chart of each run, small and with a short title ("Batch size 16,
     * patient rule"), in one image with {@code columns} charts per row.
     */
    public static BufferedImage costGrid(List<SweepRun> runs, String context, int columns) {
        List<XYChart> charts = new ArrayList<>();
        for (SweepRun r : runs) {
            XYChart c = Charts.costByIteration("Batch size " + r.config().batchSize()
                    + (context == null || context.isBlank() ? "" : ", " + context), r.history());
            c.getStyler().setXAxisMaxLabelCount(6);
            c.getStyler().setLegendFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
            charts.add(c);
        }
        return grid(charts, columns);
    }
}
