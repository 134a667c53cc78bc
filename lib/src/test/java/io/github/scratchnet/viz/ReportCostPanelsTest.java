package io.github.scratchnet.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.nn.BatchNormMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ReportCostPanelsTest {
    @Test
    void twoPanelsPerRunAgainstTheChecksIndex() {
        SweepRun run = CostCurvesTest.run(16, BatchNormMode.OFF, 1, new double[] {2.0, 1.0, 0.5}, new double[] {2.2, 1.2, 0.7});
        List<XYChart> panels = ReportCostPanels.of(List.of(run, run));
        assertEquals(4, panels.size());
        XYChart train = panels.get(0), validation = panels.get(1);
        assertEquals("Iteration By Train Cost on batch size of 16", train.getTitle());
        assertEquals("Iteration By Validation Cost on batch size of 16", validation.getTitle());
        assertEquals("Validation cost", validation.getYAxisTitle());
        assertEquals("Check (one every " + run.config().evalEvery() + " steps)", train.getXAxisTitle());
        assertArrayEquals(new double[] {0, 1, 2}, train.getSeriesMap().get("train cost").getXData());
        assertArrayEquals(new double[] {2.0, 1.0, 0.5}, train.getSeriesMap().get("train cost").getYData());
        assertArrayEquals(new double[] {2.2, 1.2, 0.7}, validation.getSeriesMap().get("validation cost").getYData());
        assertEquals(Theme.VALIDATION, validation.getSeriesMap().get("validation cost").getLineColor());
    }
}
