package io.github.scratchnet.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.experiment.ResultsStore;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class VerdictsTest {
    /** Runs of one question: for each batch size, one test accuracy per seed (seeds 1, 2, 3, ...). */
    static Table runs(String question, BatchNormMode bn, double lambda, int patience, int[] batchSizes, double[][] tests) {
        List<SweepRun> r = new ArrayList<>();
        for (int b = 0; b < batchSizes.length; b++) {
            for (int s = 0; s < tests[b].length; s++) {
                TrainConfig c = TrainConfig.report(batchSizes[b], s + 1).toBuilder().splitSeed(1).batchNorm(bn).l2(lambda)
                        .patience(patience).build();
                r.add(SweepRun.of(c, new RunSummary(batchSizes[b], bn.label(), lambda, s + 1, 10 + b, 1000, 10.0 * (b + 1),
                        0.3, 0.9, 0.35, 0.89, tests[b][s], "early_stopping"), List.of()));
            }
        }
        return ResultsStore.runs(question, r);
    }

    @Test
    void pairedNamesAWinnerOnlyWhereTheIntervalExcludesZero() {
        int[] b = {16, 32};
        Table on = runs("q5", BatchNormMode.NORMALIZE, 0, 100, b, new double[][] {{0.93, 0.94, 0.95}, {0.90, 0.92, 0.91}});
        Table off = runs("q4", BatchNormMode.OFF, 0, 100, b, new double[][] {{0.92, 0.93, 0.94}, {0.91, 0.90, 0.92}});
        String v = Verdicts.paired("Batchnorm", "normalize", "off", SeedSummary.paired(on, off, "Test Accuracy", "Batch Size"));
        assertTrue(v.contains("normalize beats off at batch size 16 (+0.0100, 95% CI +0.0100 to +0.0100)"), v);
        assertTrue(v.contains("No clear difference at batch size 32"), v);
        String reversed = Verdicts.paired("Batchnorm", "off", "normalize", SeedSummary.paired(off, on, "Test Accuracy", "Batch Size"));
        assertTrue(reversed.contains("normalize beats off at batch size 16 (+0.0100, 95% CI +0.0100 to +0.0100)"), reversed);
        String none = Verdicts.paired("Batchnorm", "normalize", "off",
                SeedSummary.paired(off, runs("q5", BatchNormMode.NORMALIZE, 0, 100, b,
                        new double[][] {{0.93, 0.92, 0.94}, {0.90, 0.92, 0.91}}), "Test Accuracy", "Batch Size"));
        assertTrue(none.contains("no clear difference between normalize and off at any batch size"), none);
    }

    @Test
    void bestBatchSizesAreThoseTheDataDoNotSeparateFromTheTop() {
        int[] b = {16, 32, 64};
        // 16 is top; 32 is lower on every seed by 0.02 (separated); 64 is lower on average but not consistently
        Table r = runs("q4", BatchNormMode.OFF, 0, 100, b,
                new double[][] {{0.93, 0.94, 0.95}, {0.91, 0.92, 0.93}, {0.95, 0.90, 0.94}});
        String v = Verdicts.bestBatchSizes("Report's rule", r);
        assertTrue(v.contains("the highest mean test accuracy is 0.9400"), v);
        assertTrue(v.contains("at batch size 16"), v);
        assertTrue(v.contains("the best batch sizes are 16, 64; the fastest of them is 16 (10.0 s"), v);
    }

    @Test
    void versusReportCountsTheReportsNumbersInsideOurRange() {
        int[] b = {16, 32, 64, 128, 256, 512};
        double[][] tests = new double[6][];
        // the report's Q4 test accuracies are 0.9212, 0.8796, 0.8638, 0.9063, ... : bracket the first only
        tests[0] = new double[] {0.91, 0.93};
        for (int i = 1; i < 6; i++) tests[i] = new double[] {0.50, 0.51};
        Table ours = runs("q4", BatchNormMode.OFF, 0, 100, b, tests);
        Table versus = VersusReport.table(ours);
        assertEquals(List.of("Question", "Setting", "Batch Size", "Report Test Accuracy", "Our Min", "Our Mean", "Our Max",
                "Within Range"), versus.columnNames());
        assertEquals(6, versus.rowCount(), "only Q4 has runs of ours");
        assertEquals(0.9212, versus.doubleColumn("Report Test Accuracy").get(0), 0);
        assertEquals(0.92, versus.doubleColumn("Our Mean").get(0), 1e-12);
        assertEquals(List.of(true, false, false, false, false, false), versus.booleanColumn("Within Range").asList());
        String v = Verdicts.versusReport(versus, ours);
        assertTrue(v.contains("1 of 6 of the report's test accuracies lie inside the range of our seeds"), v);
        assertTrue(v.contains("batchnorm off, batch size 32: the report's 0.8796 is above our 0.5000 to 0.5100; it trained 11"
                + " epochs, ours 11.0 on average"), v);
        assertEquals(0, VersusReport.table(runs("q4", BatchNormMode.OFF, 0, 1000, b, tests)).rowCount(),
                "patient runs are not the one-check rule");
    }

    @Test
    void thePatienceClosestToTheReportsEpochs() {
        Table rules = Table.create("rules").addColumns(
                tech.tablesaw.api.IntColumn.create("Batch Size", 16, 32, 16, 32),
                tech.tablesaw.api.IntColumn.create("Patience (checks)", 1, 1, 10, 10),
                tech.tablesaw.api.BooleanColumn.create("Restore Best", false, false, false, false),
                tech.tablesaw.api.DoubleColumn.create("Epochs Mean", 2, 3, 10, 12));
        Table report = Table.create("r").addColumns(tech.tablesaw.api.IntColumn.create("Batch Size", 16, 32),
                tech.tablesaw.api.IntColumn.create("Epoch Number", 11, 11));
        String v = Verdicts.patienceForReportEpochs(rules, report);
        assertTrue(v.contains("1 check: 8.5 epochs; 10 checks: 1.0 epochs"), v);
        assertTrue(v.contains("The closest is a patience of 10 checks."), v);
    }
}
