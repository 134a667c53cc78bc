package io.github.scratchnet.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class VerdictsTest {
    /** Runs of one question: for each batch size, one test accuracy per seed (seeds 1, 2, 3, ...). */
    static Table runs(String question, BatchNormMode bn, double lambda, int patience, int[] batchSizes, double[][] tests) {
        return runs(question, bn, lambda, patience, batchSizes, tests, null, null);
    }

    /**
     * The same with per-seed training times (null: 10 s times the batch size's position, on every
     * seed) and validation accuracies (null: 0.89).
     */
    static Table runs(String question, BatchNormMode bn, double lambda, int patience, int[] batchSizes, double[][] tests,
            double[][] times, double[][] validations) {
        List<SweepRun> r = new ArrayList<>();
        for (int b = 0; b < batchSizes.length; b++) {
            for (int s = 0; s < tests[b].length; s++) {
                TrainConfig c = TrainConfig.report(batchSizes[b], s + 1).toBuilder().splitSeed(1).batchNorm(bn).l2(lambda)
                        .patience(patience).build();
                r.add(SweepRun.of(c, new RunSummary(batchSizes[b], bn.label(), lambda, s + 1, 10 + b, 1000,
                        times == null ? 10.0 * (b + 1) : times[b][s], 0.3, 0.9, 0.35,
                        validations == null ? 0.89 : validations[b][s], tests[b][s], "early_stopping"), List.of()));
            }
        }
        return ResultsStore.runs(question, r);
    }

    @Test
    void pairedNamesAWinnerOnlyWhereTheCorrectedTestSeparates() {
        int[] b = {16, 32};
        Table on = runs("q5", BatchNormMode.NORMALIZE, 0, 100, b, new double[][] {{0.93, 0.94, 0.95}, {0.90, 0.92, 0.91}});
        Table off = runs("q4", BatchNormMode.OFF, 0, 100, b, new double[][] {{0.92, 0.93, 0.94}, {0.91, 0.90, 0.92}});
        String v = Verdicts.paired("Batchnorm", "normalize", "off", SeedSummary.paired(on, off, "Test Accuracy", "Batch Size"));
        assertTrue(v.contains("<b>Batchnorm:</b> 2 paired tests, Holm-corrected at a family-wise 5% (one per batch size)."), v);
        assertTrue(v.contains("normalize beats off at batch size 16 (+0.0100, 95% CI +0.0100 to +0.0100, Holm p < 0.001)"), v);
        // 32: d = −0.01, +0.02, −0.01: mean 0, p = 1
        assertTrue(v.contains("No clear difference at batch size 32 (normalize − off +0.0000, 95% CI -0.0430 to +0.0430,"
                + " Holm p = 1.000)"), v);
        String reversed = Verdicts.paired("Batchnorm", "off", "normalize", SeedSummary.paired(off, on, "Test Accuracy", "Batch Size"));
        assertTrue(reversed.contains("normalize beats off at batch size 16 (+0.0100, 95% CI +0.0100 to +0.0100, Holm p < 0.001)"),
                reversed);
        String none = Verdicts.paired("Batchnorm", "normalize", "off",
                SeedSummary.paired(off, runs("q5", BatchNormMode.NORMALIZE, 0, 100, b,
                        new double[][] {{0.93, 0.92, 0.94}, {0.90, 0.92, 0.91}}), "Test Accuracy", "Batch Size"));
        assertTrue(none.contains("No clear difference between normalize and off at any batch size: 16"), none);
    }

    @Test
    void anUncorrectedIntervalThatExcludesZeroIsNotAWinnerAfterHolm() {
        int[] b = {16, 32};
        // 16: d = 0.010, 0.015, 0.020: mean 0.015, s = 0.005, t = 3√3, p = 1 − √(27/29) = 0.0351 (2 degrees of freedom),
        // interval 0.015 ± 4.302653·0.005/√3 = 0.0026 to 0.0274, which excludes 0; Holm over 2 tests: 2p = 0.0702
        Table on = runs("q5", BatchNormMode.NORMALIZE, 0, 100, b, new double[][] {{0.93, 0.945, 0.96}, {0.90, 0.92, 0.91}});
        Table off = runs("q4", BatchNormMode.OFF, 0, 100, b, new double[][] {{0.92, 0.93, 0.94}, {0.91, 0.90, 0.92}});
        Table paired = SeedSummary.paired(on, off, "Test Accuracy", "Batch Size");
        assertEquals(1 - Math.sqrt(27.0 / 29), paired.doubleColumn("P Value").get(0), 1e-9);
        assertEquals(2 * (1 - Math.sqrt(27.0 / 29)), paired.doubleColumn("Holm P").get(0), 1e-9);
        String v = Verdicts.paired("Batchnorm", "normalize", "off", paired);
        assertTrue(v.contains("No clear difference between normalize and off at any batch size: 16 (normalize − off +0.0150,"
                + " 95% CI +0.0026 to +0.0274, Holm p = 0.070); 32 ("), v);
    }

    @Test
    void bestBatchSizesAreThoseTheCorrectedTestsDoNotSeparateFromTheTop() {
        int[] b = {16, 32, 64};
        // 16 is top; 32 is lower on every seed by 0.02 (separated); 64 is lower on average but not consistently:
        // 64 − 16 = +0.02, −0.04, −0.01: mean −0.01, s = √0.0009·… the interval includes 0
        double[][] tests = {{0.93, 0.94, 0.95}, {0.91, 0.92, 0.93}, {0.95, 0.90, 0.94}};
        String v = Verdicts.bestBatchSizes("Report's rule", runs("q4", BatchNormMode.OFF, 0, 100, b, tests));
        assertTrue(v.contains("the highest mean test accuracy is 0.9400 (95% CI 0.9152 to 0.9648, 3 seeds) at batch size 16."), v);
        assertTrue(v.contains("Against it, 2 paired tests, Holm-corrected at a family-wise 5% (test accuracy, other − top):"
                + " batch size 32 is lower (-0.0200, 95% CI -0.0200 to -0.0200, Holm p < 0.001); batch size 64 is not separated"
                + " (-0.0100, 95% CI"), v);
        assertTrue(v.contains("The top and the batch sizes not separated from it: 16, 64."), v);
        // times 10 s (16) and 30 s (64) on every seed: the difference is −20 s with no spread
        assertTrue(v.contains("In time, batch size 16 is the fastest of them: batch size 16 trains for 10.0 s on average, paired by"
                + " seed -20.0 s against 64 (95% CI -20.0 to -20.0)."), v);
        // times that overlap: 16 − 64 = −10, +10, −1 s, the interval includes 0
        double[][] times = {{10, 30, 20}, {5, 5, 5}, {20, 20, 21}};
        String similar = Verdicts.bestBatchSizes("Report's rule", runs("q4", BatchNormMode.OFF, 0, 100, b, tests, times, null));
        assertTrue(similar.contains("They are similar in time (not every paired interval excludes 0): batch size 16 trains for"
                + " 20.0 s on average, paired by seed -0.3 s against 64 (95% CI"), similar);
        assertFalse(similar.contains("fastest"), similar);
        // every other batch size separated below the top
        String alone = Verdicts.bestBatchSizes("Rule", runs("q4", BatchNormMode.OFF, 0, 100, new int[] {16, 32},
                new double[][] {{0.93, 0.94, 0.95}, {0.91, 0.92, 0.93}}));
        assertTrue(alone.contains("1 paired test, Holm-corrected"), alone);
        assertTrue(alone.contains("Every other batch size is separated below it: the best batch size is 16."), alone);
    }

    @Test
    void lambdaSearchNamesAWinnerOnlyWhereSeparatedFromEveryOtherLambda() {
        int[] b = {16, 32};
        double[][] tests = {{0.9, 0.9}, {0.9, 0.9}};
        Table top = runs("q6", BatchNormMode.OFF, 0.1, 100, b, tests, null, new double[][] {{0.95, 0.96}, {0.94, 0.95}});
        Table lower = runs("q6", BatchNormMode.OFF, 0.05, 100, b, tests, null, new double[][] {{0.94, 0.95}, {0.93, 0.94}});
        // other − top: +0.01, −0.03, 0, 0: mean −0.005, s = √0.0003, half width 3.182446·0.0086603 = 0.02756
        Table close = runs("q6", BatchNormMode.OFF, 0.2, 100, b, tests, null, new double[][] {{0.96, 0.93}, {0.94, 0.95}});
        String v = Verdicts.lambdaSearch("λ search", close.copy().append(top).append(lower));
        assertTrue(v.contains("<b>λ search:</b> the highest mean validation accuracy is 0.9500, at λ = 0.1 (4 runs). Against it,"
                + " 2 paired tests, Holm-corrected at a family-wise 5% (validation accuracy, other − top, 4 (batch size, seed) pairs"
                + " each): λ = 0.2 is not separated (-0.0050, 95% CI -0.0326 to +0.0226, Holm p = "), v);
        assertTrue(v.contains("λ = 0.05 is lower (-0.0100, 95% CI -0.0100 to -0.0100, Holm p < 0.001)."), v);
        assertTrue(v.contains("No λ is named the best: the data do not separate λ = 0.1 from λ = 0.2."), v);
        String won = Verdicts.lambdaSearch("λ search", top.copy().append(lower));
        assertTrue(won.contains("The data name λ = 0.1 the best of the search."), won);
        assertThrows(ScratchnetException.class, () -> Verdicts.lambdaSearch("λ search", top));
        assertThrows(ScratchnetException.class, () -> Verdicts.lambdaSearch("λ search", top.copy().append(lower.dropRows(0))),
                "a (batch size, seed) pair missing from one λ");
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
