package io.github.scratchnet.viz;

import io.github.scratchnet.train.Check;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The validation-cost curves of a chart redrawn while a sweep runs: the sink of
 * {@code LiveProgress.withCurves} hands over each run's checks so far, and {@link #update} adds a
 * series for a run it has not seen and replaces the points of one it has. The cell keeps the
 * chart's creation and style in view.
 */
public final class LiveCurves {
    private LiveCurves() {}

    /** Sets one series per run of {@code curves} (label → checks) to validation cost against step; returns the chart. */
    public static XYChart update(XYChart chart, Map<String, List<Check>> curves) {
        curves.forEach((label, h) -> {
            if (h.isEmpty()) return;
            double[] x = h.stream().mapToDouble(Check::step).toArray();
            double[] y = h.stream().mapToDouble(Check::validationCost).toArray();
            if (chart.getSeriesMap().containsKey(label)) chart.updateXYSeries(label, x, y, null);
            else chart.addSeries(label, x, y).setMarker(SeriesMarkers.NONE);
        });
        return chart;
    }
}
