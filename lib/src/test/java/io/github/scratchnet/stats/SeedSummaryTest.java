package io.github.scratchnet.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.ResultsStore;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SeedSummaryTest {
    static SweepRun run(int batchSize, BatchNormMode bn, long seed, int epochs, double test) {
        TrainConfig c = TrainConfig.report(batchSize, seed).toBuilder().splitSeed(1).batchNorm(bn).build();
        return SweepRun.of(c, new RunSummary(batchSize, bn.label(), 0, seed, epochs, 100L * epochs, 1.0, 0.3, 0.9, 0.35,
                0.89, test, "early_stopping"), List.of());
    }

    static Table runs(BatchNormMode bn, double... tests) {
        List<SweepRun> r = new ArrayList<>();
        for (int i = 0; i < tests.length; i++) r.add(run(i < 3 ? 16 : 32, bn, i % 3 + 1, i + 1, tests[i]));
        return ResultsStore.runs("q", r);
    }

    @Test
    void meansStdsAndSeedsPerConfiguration() {
        Table t = SeedSummary.of(runs(BatchNormMode.OFF, 0.90, 0.92, 0.97, 0.5, 0.6, 0.7), ResultsStore.REPORT_COLUMNS);
        List<String> names = new ArrayList<>(ResultsStore.REPORT_COLUMNS);
        for (String c : ResultsStore.REPORT_COLUMNS) if (!c.equals("Batch Size")) names.add(c + " Std");
        names.add("Seeds");
        assertEquals(names, t.columnNames());
        assertEquals(List.of(16, 32), t.intColumn("Batch Size").asList());
        assertEquals(0.93, t.doubleColumn("Test Accuracy").get(0), 1e-12);
        assertEquals(Math.sqrt(0.0013), t.doubleColumn("Test Accuracy Std").get(0), 1e-12, "0.0026 / 2 under the root");
        assertEquals(5, t.doubleColumn("Epoch Number").get(1), 1e-12, "epochs 4, 5, 6");
        assertEquals(1, t.doubleColumn("Epoch Number Std").get(1), 1e-12);
        assertEquals(List.of(3, 3), t.intColumn("Seeds").asList());
    }

    @Test
    void intervalOfOneColumn() {
        Table t = SeedSummary.interval(runs(BatchNormMode.OFF, 1, 2, 3, 4, 4, 4), "Test Accuracy", List.of("Batch Size"));
        assertEquals(List.of("Batch Size", "Mean", "CI Low", "CI High", "Min", "Max", "Seeds"), t.columnNames());
        // 1, 2, 3: mean 2, s = 1, t(2, 0.975) = 4.302653
        assertEquals(2 - 4.302652729749464 / Math.sqrt(3), t.doubleColumn("CI Low").get(0), 1e-9);
        assertEquals(1, t.doubleColumn("Min").get(0), 0);
        assertEquals(3, t.doubleColumn("Max").get(0), 0);
        assertEquals(4, t.doubleColumn("CI Low").get(1), 0, "no spread, no width");
    }

    @Test
    void pairedDifferencesMatchSeeds() {
        Table off = runs(BatchNormMode.OFF, 0.90, 0.91, 0.92, 0.80, 0.85, 0.90);
        Table bn = runs(BatchNormMode.FULL, 0.92, 0.93, 0.94, 0.90, 0.80, 0.85);
        Table p = SeedSummary.paired(bn, off, "Test Accuracy", "Batch Size");
        assertEquals(List.of("Batch Size", "Seeds", "Mean Difference", "CI Low", "CI High", "P Value", "Holm P", "Separated",
                "Tests in Family"),
                p.columnNames());
        assertEquals(0.02, p.doubleColumn("Mean Difference").get(0), 1e-12);
        assertTrue(p.booleanColumn("Separated").get(0), "+0.02 on every seed");
        assertEquals(0.0, p.doubleColumn("Mean Difference").get(1), 1e-12);
        assertEquals(false, p.booleanColumn("Separated").get(1), "+0.10, -0.05, -0.05");
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> SeedSummary.paired(bn, off.dropRows(0), "Test Accuracy", "Batch Size"));
        assertTrue(e.getMessage().contains("Batch Size 16: seed 1 of the first set of runs is missing from the second"), e.getMessage());
        ScratchnetException twice = assertThrows(ScratchnetException.class,
                () -> SeedSummary.paired(bn, off.copy().append(off), "Test Accuracy", "Batch Size"));
        assertTrue(twice.getMessage().contains("seed 1 appears twice in the second set of runs"), twice.getMessage());
    }

    @Test
    void meanSdCellsShapedLikeTheReportsTable() {
        Table t = SeedSummary.meanSd(runs(BatchNormMode.OFF, 0.90, 0.92, 0.97, 0.5, 0.6, 0.7), ResultsStore.REPORT_COLUMNS);
        List<String> names = new ArrayList<>(ResultsStore.REPORT_COLUMNS);
        names.add("Seeds");
        assertEquals(names, t.columnNames());
        assertEquals(List.of(16, 32), t.intColumn("Batch Size").asList());
        // 0.90, 0.92, 0.97: mean 0.93, s = √0.0013 = 0.03606
        assertEquals("0.9300 ± 0.0361", t.stringColumn("Test Accuracy").get(0));
        assertEquals("0.6000 ± 0.1000", t.stringColumn("Test Accuracy").get(1));
        assertEquals("5.0 ± 1.0", t.stringColumn("Epoch Number").get(1), "epochs 4, 5, 6");
        assertEquals("500 ± 100", t.stringColumn("Iteration").get(1), "iterations 400, 500, 600");
        assertEquals("0.3000 ± 0.0000", t.stringColumn("Train Cost").get(0));
        assertEquals(List.of(3, 3), t.intColumn("Seeds").asList());
        Table one = SeedSummary.meanSd(runs(BatchNormMode.OFF, 0.9).where(
                runs(BatchNormMode.OFF, 0.9).intColumn("Batch Size").isEqualTo(16)), List.of("Batch Size", "Test Accuracy"));
        assertEquals("0.9000", one.stringColumn("Test Accuracy").get(0), "one seed: the mean alone");
    }

    @Test
    void meanSdByChosenColumnsFoldsEverythingElse() {
        // the decay table: one row per (batch size, λ) whatever else differs (seeds here)
        Table decay = Table.create("decay").addColumns(
                tech.tablesaw.api.IntColumn.create("Batch Size", 16, 32, 16, 32),
                tech.tablesaw.api.DoubleColumn.create("Lambda", 0.05, 0.05, 0.05, 0.05),
                tech.tablesaw.api.IntColumn.create("Steps per Epoch", 3000, 1500, 3000, 1500),
                tech.tablesaw.api.DoubleColumn.create("Weight Shrink per Epoch", 0.0809145, 2.0873e-5, 0.0809145, 2.0873e-5));
        Table t = SeedSummary.meanSd(decay, List.of("Steps per Epoch", "Weight Shrink per Epoch"), List.of("Batch Size", "Lambda"));
        assertEquals(List.of("Batch Size", "Lambda", "Steps per Epoch", "Weight Shrink per Epoch", "Seeds"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(List.of(16, 32), t.intColumn("Batch Size").asList());
        assertEquals("3000 ± 0", t.stringColumn("Steps per Epoch").get(0));
        assertEquals("0.08091 ± 0.000", t.stringColumn("Weight Shrink per Epoch").get(0), "four significant digits");
        assertEquals("2.087e-05 ± 0.000", t.stringColumn("Weight Shrink per Epoch").get(1));
        assertEquals(List.of(2, 2), t.intColumn("Seeds").asList());
    }

    @Test
    void halfWidthsOfAnIntervalTable() {
        Table t = SeedSummary.interval(runs(BatchNormMode.OFF, 1, 2, 3, 4, 4, 4), "Test Accuracy", List.of("Batch Size"));
        double[] h = SeedSummary.halfWidths(t);
        assertEquals(4.302652729749464 / Math.sqrt(3), h[0], 1e-9, "1, 2, 3: t(2, 0.975)·1/√3");
        assertEquals(0, h[1], 0);
    }

    @Test
    void differenceOnSeveralKeys() {
        Table a = runs(BatchNormMode.OFF, 0.90, 0.91, 0.92, 0.80, 0.85, 0.90);
        Table b = runs(BatchNormMode.FULL, 0.88, 0.90, 0.90, 0.80, 0.84, 0.88);
        // per (batch size, seed): 0.02, 0.01, 0.02, 0, 0.01, 0.02
        Interval d = SeedSummary.differenceOn(a, b, "Test Accuracy", List.of("Batch Size", "Seed"));
        assertEquals(6, d.n());
        assertEquals(0.08 / 6, d.mean(), 1e-12);
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> SeedSummary.differenceOn(a, b.dropRows(4), "Test Accuracy", List.of("Batch Size", "Seed")));
        assertTrue(e.getMessage().contains("batch size 32, seed 2 of the first set of runs is missing from the second; train both"
                + " settings with the same batch size and seed values"), e.getMessage());
    }

    @Test
    void oneFamilyRecomputesHolmOverSeveralTables() {
        Table off = runs(BatchNormMode.OFF, 0.90, 0.91, 0.92, 0.80, 0.85, 0.90);
        // 16: +0.010, +0.015, +0.020 (p = 1 − √(27/29) = 0.0351, 2 degrees of freedom); 32: +0.02 on every seed (p = 0)
        Table a = SeedSummary.paired(runs(BatchNormMode.FULL, 0.91, 0.925, 0.94, 0.82, 0.87, 0.92), off, "Test Accuracy", "Batch Size");
        // 16 and 32: differences 0.1, −0.05, −0.05 (mean 0, p = 1)
        Table b = SeedSummary.paired(runs(BatchNormMode.NORMALIZE, 1.0, 0.86, 0.87, 0.90, 0.80, 0.85), off, "Test Accuracy", "Batch Size");
        double p = 1 - Math.sqrt(27.0 / 29);
        assertEquals(p, a.doubleColumn("P Value").get(0), 1e-9);
        assertEquals(p, a.doubleColumn("Holm P").get(0), 1e-9, "alone: the larger of two p-values is multiplied by 1");
        assertTrue(a.booleanColumn("Separated").get(1));
        List<Table> family = SeedSummary.oneFamily(List.of(a, b));
        // together, sorted: 0 (·4), 0.0351·3 = 0.105, 1, 1
        assertEquals(3 * p, family.get(0).doubleColumn("Holm P").get(0), 1e-9);
        assertEquals(0, family.get(0).doubleColumn("Holm P").get(1), 1e-12);
        assertEquals(List.of(false, true), family.get(0).booleanColumn("Separated").asList());
        assertEquals(List.of(4, 4), family.get(1).intColumn("Tests in Family").asList());
        assertEquals(1, family.get(1).doubleColumn("Holm P").get(0), 1e-12);
        assertEquals(List.of(2, 2), a.intColumn("Tests in Family").asList(), "the tables given stay as they were");
        String v = Verdicts.paired("Full against off", "full", "off", family.get(0));
        assertTrue(v.contains("<b>Full against off:</b> 2 of a family of 4 paired tests, Holm-corrected at a family-wise 5% (one"
                + " per batch size here)."), v);
        assertTrue(v.contains("full beats off at batch size 32 (+0.0200"), v);
    }
}
