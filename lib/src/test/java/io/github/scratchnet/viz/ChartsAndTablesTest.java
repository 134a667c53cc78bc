package io.github.scratchnet.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.train.Check;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class ChartsAndTablesTest {
    @TempDir
    Path dir;

    static final List<Check> HISTORY = List.of(new Check(100, 1, 2.2, 2.1, 0.3, 0.1),
            new Check(200, 1, 1.2, 1.0, 0.6, 0.2), new Check(300, 2, 0.6, 0.7, 0.8, 0.3));

    static RunSummary run(int batch, double lambda, double test) {
        return new RunSummary(batch, "off", lambda, 1, 3, 300, 1.5, 0.5, 0.85, 0.6, 0.84, test, "early_stopping");
    }

    @Test
    void costChartHasBothSeriesAndSavesAsPng() throws Exception {
        XYChart chart = Charts.costByIteration("batch 16", HISTORY);
        assertEquals(2, chart.getSeriesMap().size());
        assertEquals("Iteration", chart.getXAxisTitle());
        Path png = Charts.savePng(chart, dir.resolve("sub/chart.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
    }

    @Test
    void overviewAndHistogramBuild() {
        assertEquals(2, Charts.validationCostOverview("all", Map.of("16", HISTORY, "32", HISTORY)).getSeriesMap().size());
        assertEquals(1, Charts.histogram("w", "weight", Map.of("a", new double[] {0, 1, 2, 2}), 4).getSeriesMap().size());
    }

    @Test
    void summaryHasTheReportsColumnsAndSurvivesCsv() {
        Table t = Tables.summary("Q6", List.of(run(16, 0.05, 0.9), run(32, 0.05, 0.8)), true);
        assertEquals(List.of("Batch Size", "Epoch Number", "Iteration", "Train Time in sec", "Lambda", "Train Cost",
                "Train Accuracy", "Validation Cost", "Validation Accuracy", "Test Accuracy"), t.columnNames());
        Table back = Tables.readCsv(Tables.saveCsv(t, dir.resolve("q6.csv")));
        assertEquals(t.columnNames(), back.columnNames());
        assertEquals(0.8, back.doubleColumn("Test Accuracy").get(1), 1e-12);
        assertEquals(9, Tables.summary("Q4", List.of(run(16, 0, 0.9)), false).columnCount());
    }

    @Test
    void htmlEscapesAndFormats() {
        String html = Tables.html(Tables.summary("<Q4>", List.of(run(16, 0, 0.91234567)), false));
        assertTrue(html.contains("&lt;Q4&gt;"), html);
        assertTrue(html.contains("<td style=\"padding:2px 8px;text-align:right\">0.9123</td>"), html);
        assertEquals("7.641e+07", Tables.format(7.640679e7));
    }
}
