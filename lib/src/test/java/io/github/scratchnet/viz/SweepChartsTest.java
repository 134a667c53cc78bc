package io.github.scratchnet.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.train.TrainConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class SweepChartsTest {
    @TempDir Path dir;

    static SweepRun run(int batch, double test) {
        RunSummary s = new RunSummary(batch, "off", 0, 1, 3, 300, 1.5, 0.5, 0.85, 0.6, 0.84, test, "early_stopping");
        return SweepRun.of(TrainConfig.report(batch, 1), s, ChartsAndTablesTest.HISTORY);
    }

    static final List<SweepRun> RUNS = List.of(run(16, 0.9), run(64, 0.8));

    @Test
    void oneCostChartPerRunNamedByBatchSize() throws Exception {
        List<SweepCharts.Figure> figures = SweepCharts.costByIteration(RUNS, "Q4, report's rule", "cost");
        assertEquals(List.of("cost-bs16.png", "cost-bs64.png"), figures.stream().map(SweepCharts.Figure::fileName).toList());
        assertEquals("Batch size 16: train vs validation cost by iteration (Q4, report's rule)", figures.get(0).chart().getTitle());
        Path png = figures.get(1).save(dir);
        assertTrue(Files.size(png) > 0);
        assertEquals(Charts.WIDTH, figures.get(0).image().getWidth());
    }

    @Test
    void overviewHasOneCurvePerRun() {
        XYChart chart = SweepCharts.overview("all", RUNS);
        assertEquals(List.of("batch 16", "batch 64"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(2, SweepCharts.overview("all", RUNS, r -> r.id()).getSeriesMap().size());
    }

    @Test
    void testAccuracyBarsLineUpBatchSizesAcrossTables() {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("ours", Tables.summary("ours", RUNS.stream().map(SweepRun::summary).toList(), false));
        tables.put("report", OriginalReport.question(OriginalReport.Q4, false));
        CategoryChart chart = SweepCharts.testAccuracyByBatchSize("acc", tables);
        assertEquals(2, chart.getSeriesMap().size());
        assertEquals(0.5, chart.getStyler().getYAxisMin());
        Map<String, Table> low = Map.of("ours", Tables.summary("low", List.of(run(16, 0.2).summary()), false));
        assertEquals(0.0, SweepCharts.testAccuracyByBatchSize("acc", low).getStyler().getYAxisMin());
        assertThrows(ScratchnetException.class, () -> SweepCharts.testAccuracyByBatchSize("x", Map.of()));
        assertNull(chart.getSeriesMap().get("missing"));
    }

    @Test
    void gridHoldsEveryChartAndLeavesTheirSizeAlone() {
        List<SweepCharts.Figure> figures = SweepCharts.costByIteration(RUNS, "", "c");
        BufferedImage grid = SweepCharts.grid(figures.stream().map(f -> (org.knowm.xchart.internal.chartpart.Chart<?, ?>) f.chart()).toList(), 2);
        assertEquals(2 * (Charts.WIDTH / 2 + 80), grid.getWidth());
        assertEquals(Charts.HEIGHT / 2 + 60, grid.getHeight());
        assertEquals(Charts.WIDTH, figures.get(0).chart().getWidth());
        assertEquals(Charts.HEIGHT, figures.get(0).chart().getHeight());
        BufferedImage three = SweepCharts.costGrid(List.of(run(16, 0.9), run(32, 0.9), run(64, 0.9)), "patient", 2);
        assertEquals(2 * (Charts.HEIGHT / 2 + 60), three.getHeight());
        assertThrows(ScratchnetException.class, () -> SweepCharts.grid(List.of(), 2));
    }
}
