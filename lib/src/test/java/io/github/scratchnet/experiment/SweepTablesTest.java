package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.train.TrainConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The tables on hand-made runs, where the right numbers are known. */
class SweepTablesTest {
    private static SweepRun run(TrainConfig c, double valAcc, double testAcc, int epochs, String stop) {
        RunSummary s = new RunSummary(c.batchSize(), c.batchNorm().label(), c.l2(), c.seed(), epochs, epochs * 10L,
                1.5 * epochs, 0.3, 0.95, 0.35, valAcc, testAcc, stop);
        return SweepRun.of(c, s, List.of());
    }

    @Test
    void meanAndSampleStandardDeviationPerConfiguration() {
        TrainConfig a = TrainConfig.report(64, 1);
        TrainConfig b = a.toBuilder().learningRate(0.05).build();
        List<SweepRun> runs = List.of(run(a, 0.90, 0.80, 3, "early_stopping"), run(b.toBuilder().seed(1).build(), 0.5, 0.5, 1, "diverged"),
                run(a.toBuilder().seed(2).build(), 0.92, 0.84, 5, "early_stopping"), run(a.toBuilder().seed(3).build(), 0.94, 0.82, 4, "max_epochs"));
        List<ConfigStats> stats = SweepTables.byConfiguration(runs);
        assertEquals(2, stats.size());
        ConfigStats g = stats.get(0);
        assertEquals(RunId.ofConfiguration(a), g.configId());
        assertEquals(List.of(1L, 2L, 3L), g.seeds());
        assertEquals(3, g.runs());
        assertEquals(0.92, g.mean("Validation Accuracy"), 1e-12);
        assertEquals(0.02, g.std("Validation Accuracy"), 1e-12);
        assertEquals(0.82, g.mean("Test Accuracy"), 1e-12);
        assertEquals(0.02, g.std("Test Accuracy"), 1e-12);
        assertEquals(4.0, g.mean("Epoch Number"), 0);
        assertEquals(1.0, g.std("Epoch Number"), 1e-12);
        assertEquals(40.0, g.mean("Iteration"), 0);
        assertEquals(0.0, g.std("Train Cost"), 0);
        assertEquals(java.util.Map.of("early_stopping", 2, "max_epochs", 1), g.stopReasons());
        ConfigStats single = stats.get(1);
        assertEquals(1, single.runs());
        assertEquals(0.5, single.mean("Validation Accuracy"), 0);
        assertTrue(Double.isNaN(single.std("Validation Accuracy")), "one run has no sample deviation");

        Table t = SweepTables.byConfigurationTable(stats);
        assertEquals(2, t.rowCount());
        assertEquals(0.02, t.doubleColumn("Validation Accuracy Std").get(0), 1e-12);
        assertEquals("1 2 3", t.stringColumn("Seeds").get(0));
    }

    @Test
    void summaryHasTheReportsColumnsAndQuotesWhereNeeded(@TempDir Path dir) throws Exception {
        List<SweepRun> runs = List.of(run(TrainConfig.report(16, 1), 0.9, 0.8, 3, "diverged"));
        Table t = SweepTables.summary(runs);
        assertEquals(SweepTables.SUMMARY_COLUMNS, t.columnNames());
        assertEquals(List.of("Batch Size", "Epoch Number", "Iteration", "Train Time in sec", "Lambda", "Train Cost",
                "Train Accuracy", "Validation Cost", "Validation Accuracy", "Test Accuracy", "Batchnorm", "Seed",
                "Stop Reason"), SweepTables.SUMMARY_COLUMNS.subList(0, 13));
        Path csv = dir.resolve("summary.csv");
        SweepTables.writeSummary(runs, csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(String.join(",", SweepTables.SUMMARY_COLUMNS), lines.get(0));
        assertTrue(lines.get(1).startsWith("16,3,30,4.5,0.0,0.3,0.95,0.35,0.9,0.8,off,1,diverged,"), lines.get(1));
        assertEquals("plain", Sheet.field("plain"));
        assertEquals("\"a,b\"", Sheet.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Sheet.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Sheet.field("two\nlines"));
    }
}
