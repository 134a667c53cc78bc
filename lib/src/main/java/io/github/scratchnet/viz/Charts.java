package io.github.scratchnet.viz;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.train.Check;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The notebooks' charts, one theme for all: each is built as create → style → series. Every chart
 * has axis titles; iterations are optimisation steps.
 */
public final class Charts {
    /** Default size, in pixels, of a chart shown in a notebook or saved as PNG. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;
    private static final Color TRAIN = new Color(31, 119, 180);
    private static final Color VALIDATION = new Color(255, 127, 14);

    private Charts() {}

    /** Train (mini-batch) cost and validation cost against the iteration: the report's per-run plot. */
    public static XYChart costByIteration(String title, List<Check> history) {
        // create
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("Iteration").yAxisTitle("Cost").build();
        // style
        style(chart);
        // series
        if (history.isEmpty()) return chart;
        double[] step = history.stream().mapToDouble(Check::step).toArray();
        XYSeries train = chart.addSeries("Train cost (batch)", step, history.stream().mapToDouble(Check::trainCost).toArray());
        train.setLineColor(TRAIN);
        train.setMarker(SeriesMarkers.NONE);
        XYSeries val = chart.addSeries("Validation cost", step, history.stream().mapToDouble(Check::validationCost).toArray());
        val.setLineColor(VALIDATION);
        val.setLineStyle(new BasicStroke(2.5f));
        val.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /** One validation-cost curve per run (e.g. per batch size), for an overview of a sweep. */
    public static XYChart validationCostOverview(String title, Map<String, List<Check>> histories) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("Iteration").yAxisTitle("Validation cost").build();
        style(chart);
        chart.getStyler().setXAxisLogarithmic(true);
        for (Map.Entry<String, List<Check>> e : histories.entrySet()) {
            List<Check> h = e.getValue();
            if (h.isEmpty()) continue;
            XYSeries s = chart.addSeries(e.getKey(), h.stream().mapToDouble(Check::step).toArray(),
                    h.stream().mapToDouble(Check::validationCost).toArray());
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Grouped bars: one group per category (e.g. batch size, shown as a category so 16..512 are
     * evenly spaced), one bar per series (e.g. "ours" and "original report").
     */
    public static CategoryChart bars(String title, String xTitle, String yTitle, List<String> categories,
            Map<String, List<Double>> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setOverlapped(false);
        for (Map.Entry<String, List<Double>> e : series.entrySet()) chart.addSeries(e.getKey(), categories, e.getValue());
        return chart;
    }

    /** Histograms of several value sets on shared bins (e.g. weights with and without L2). */
    public static CategoryChart histogram(String title, String xTitle, Map<String, double[]> values, int bins) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] v : values.values()) {
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle("Count").build();
        style(chart);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisMaxLabelCount(8);
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            List<Double> data = java.util.Arrays.stream(e.getValue()).boxed().toList();
            Histogram h = new Histogram(data, bins, min, max);
            chart.addSeries(e.getKey(), h.getxAxisData(), h.getyAxisData());
        }
        return chart;
    }

    private static void style(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        if (s instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            axes.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axes.setPlotGridLinesColor(new Color(230, 230, 230));
        }
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(new Color(220, 220, 220));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setPlotBorderVisible(false);
    }

    /** The chart as an image, for {@code display(...)} in a notebook. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Writes the chart as a PNG file (folders created as needed). */
    public static Path savePng(Chart<?, ?> chart, Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            return file;
        } catch (IOException e) {
            throw new ScratchnetException("cannot write chart " + file + ": " + e.getMessage() + "; choose a writable folder");
        }
    }
}
