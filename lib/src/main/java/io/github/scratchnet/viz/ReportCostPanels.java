package io.github.scratchnet.viz;

import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.TrainConfig;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The original report's cost figures for our replayed runs: for each run two panels, the train
 * cost at each check on the left and the validation cost on the right, both against the check's
 * index 0, 1, 2, ..., titled as the report titled them. Lay them out with
 * {@code Theme.grid(ReportCostPanels.of(runs), 2, 640, 320)}.
 */
public final class ReportCostPanels {
    /** The size of one panel, in pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 320;

    private ReportCostPanels() {}

    /** Two panels per run, in the order of {@code runs}: train cost, then validation cost. */
    public static List<XYChart> of(List<SweepRun> runs) {
        List<XYChart> panels = new ArrayList<>();
        for (SweepRun run : runs) {
            panels.add(panel(run, true));
            panels.add(panel(run, false));
        }
        return panels;
    }

    /** The train-cost ({@code train}) or validation-cost panel of one run. */
    public static XYChart panel(SweepRun run, boolean train) {
        TrainConfig c = run.config();
        List<Check> h = run.history();
        double[] index = new double[h.size()];
        for (int i = 0; i < index.length; i++) index[i] = i;
        String of = " on batch size of " + c.batchSize() + (c.l2() == 0 ? "" : " and using lambda val of " + c.l2());
        // create
        XYChart panel = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Iteration By " + (train ? "Train" : "Validation") + " Cost" + of)
                .xAxisTitle("Check (one every " + c.evalEvery() + " steps)")
                .yAxisTitle(train ? "Train cost (last batch)" : "Validation cost").build();
        // style
        Theme.apply(panel);
        panel.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        panel.getStyler().setLegendVisible(false);
        panel.getStyler().setXAxisDecimalPattern("0");
        // series
        XYSeries cost = panel.addSeries(train ? "train cost" : "validation cost", index,
                h.stream().mapToDouble(k -> train ? k.trainCost() : k.validationCost()).toArray());
        cost.setLineColor(train ? Theme.TRAIN : Theme.VALIDATION);
        cost.setMarker(SeriesMarkers.NONE);
        return panel;
    }
}
