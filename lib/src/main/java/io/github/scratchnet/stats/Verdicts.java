package io.github.scratchnet.stats;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.ResultsStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The sentences the notebooks conclude with, computed from runs over several seeds: a setting is
 * named better than another only where a paired t-test separates the difference from 0 after
 * {@link Holm}'s correction over the family of tests one question runs, each sentence says how
 * many tests and prints every interval, and "the best batch size" is the set of batch sizes that
 * the data do not separate from the top one.
 * Each method returns one HTML paragraph.
 */
public final class Verdicts {
    private Verdicts() {}

    /**
     * Setting {@code a} against setting {@code b} batch size by batch size, from
     * {@link SeedSummary#paired}'s table, one family of tests (one per batch size) under
     * {@link Holm}'s correction: where the corrected test separates the difference from 0 it names
     * the winner and the gain, elsewhere it says there is no clear difference; every interval is
     * printed. Tables made one family by {@link SeedSummary#oneFamily} say how many tests the family
     * holds.
     */
    public static String paired(String topic, String a, String b, Table paired) {
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        for (Row r : paired) {
            String at = String.valueOf(r.getObject(ResultsStore.BATCH_SIZE));
            double d = r.getDouble("Mean Difference");
            double holmP = r.getDouble(SeedSummary.HOLM_P);
            if (!r.getBoolean("Separated")) {
                unclear.add(at + " (" + escape(a) + " − " + escape(b) + " " + gain(d, r.getDouble("CI Low"), r.getDouble("CI High"), holmP) + ")");
            } else if (d > 0) {
                better.add(at + " (" + gain(d, r.getDouble("CI Low"), r.getDouble("CI High"), holmP) + ")");
            } else {
                // the gain of the winner: b − a where b wins
                worse.add(at + " (" + gain(-d, -r.getDouble("CI High"), -r.getDouble("CI Low"), holmP) + ")");
            }
        }
        StringBuilder sb = new StringBuilder("<p><b>").append(escape(topic)).append(":</b> ")
                .append(family(paired));
        if (better.isEmpty() && worse.isEmpty()) {
            sb.append("No clear difference between ").append(escape(a)).append(" and ").append(escape(b))
                    .append(" at any batch size: ").append(String.join("; ", unclear)).append(".");
        } else {
            if (!better.isEmpty()) {
                sb.append(escape(a)).append(" beats ").append(escape(b)).append(" at batch size ")
                        .append(String.join("; ", better)).append(". ");
            }
            if (!worse.isEmpty()) {
                sb.append(escape(b)).append(" beats ").append(escape(a)).append(" at batch size ")
                        .append(String.join("; ", worse)).append(". ");
            }
            sb.append(unclear.isEmpty() ? "The data separate the two at every batch size."
                    : "No clear difference at batch size " + String.join("; ", unclear) + ".");
        }
        return sb.append("</p>").toString();
    }

    /** {@code 6 paired tests, Holm-corrected at a family-wise 5% (one per batch size).}, or how much of a larger family the table is. */
    private static String family(Table paired) {
        int m = paired.rowCount() == 0 ? 0 : paired.intColumn(SeedSummary.FAMILY).get(0);
        return m == paired.rowCount() ? Holm.describe(m, Holm.ALPHA) + " (one per batch size). "
                : paired.rowCount() + " of a family of " + Holm.describe(m, Holm.ALPHA) + " (one per batch size here). ";
    }

    /**
     * The best batch sizes of one setting. The family: the paired test (same seeds) of the batch
     * size with the highest mean test accuracy against each other batch size, under
     * {@link Holm}'s correction; the sentence lists the top one and those it does not separate from. One
     * of them is named the fastest only where its paired difference in training time to every
     * other is separated from 0 (each interval excludes 0: all must hold, so no correction is
     * needed); otherwise they are "similar in time". Every interval is printed.
     */
    public static String bestBatchSizes(String setting, Table runs) {
        Table means = SeedSummary.of(runs, List.of(ResultsStore.BATCH_SIZE, ResultsStore.TEST_ACCURACY, ResultsStore.TIME));
        if (means.rowCount() == 0) throw new ScratchnetException("no runs to conclude from for " + setting);
        int top = 0;
        for (int i = 1; i < means.rowCount(); i++) {
            if (means.doubleColumn(ResultsStore.TEST_ACCURACY).get(i) > means.doubleColumn(ResultsStore.TEST_ACCURACY).get(top)) top = i;
        }
        int topBatch = batch(means, top);
        Table topRuns = at(runs, topBatch);
        List<Integer> others = new ArrayList<>();
        List<PairedTest> tests = new ArrayList<>();
        for (int i = 0; i < means.rowCount(); i++) {
            if (i == top) continue;
            others.add(batch(means, i));
            // other − top: negative where the top batch size is better
            tests.add(PairedTest.of("batch size " + batch(means, i),
                    SeedSummary.difference(at(runs, batch(means, i)), topRuns, ResultsStore.TEST_ACCURACY)));
        }
        Holm holm = Holm.of(tests);
        Interval topInterval = Interval.of(topRuns.numberColumn(ResultsStore.TEST_ACCURACY).asDoubleArray());
        StringBuilder sb = new StringBuilder("<p><b>").append(escape(setting)).append(":</b> the highest mean test accuracy is ")
                .append(String.format(Locale.ROOT, "%.4f (95%% CI %.4f to %.4f, %d seeds) at batch size %d. ",
                        topInterval.mean(), topInterval.low(), topInterval.high(), topInterval.n(), topBatch));
        if (holm.size() == 0) return sb.append("It is the only batch size.</p>").toString();
        List<Integer> best = new ArrayList<>(List.of(topBatch));
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < holm.size(); k++) {
            Interval d = holm.test(k).difference();
            lines.add("batch size " + others.get(k) + (holm.separated(k) ? " is lower" : " is not separated") + " ("
                    + gain(d.mean(), d.low(), d.high(), holm.adjustedP(k)) + ")");
            if (!holm.separated(k)) best.add(others.get(k));
        }
        sb.append("Against it, ").append(holm.describe()).append(" (test accuracy, other − top): ")
                .append(String.join("; ", lines)).append(". ");
        if (best.size() == 1) {
            return sb.append("Every other batch size is separated below it: the best batch size is ").append(topBatch)
                    .append(".</p>").toString();
        }
        // "best" would claim more than the test can: a batch size not separated may still be worse
        sb.append("The top and the batch sizes not separated from it: ")
                .append(String.join(", ", best.stream().sorted().map(String::valueOf).toList())).append(". ");
        return sb.append(fastest(runs, means, best)).append("</p>").toString();
    }

    /** The time sentence over {@code best}: the one with the lowest mean time against each other one, paired by seed. */
    private static String fastest(Table runs, Table means, List<Integer> best) {
        int quickest = best.get(0);
        for (int b : best) if (meanTime(means, b) < meanTime(means, quickest)) quickest = b;
        boolean separated = true;
        List<String> lines = new ArrayList<>();
        for (int b : best) {
            if (b == quickest) continue;
            // quickest − b: negative where it is faster
            Interval d = SeedSummary.difference(at(runs, quickest), at(runs, b), ResultsStore.TIME);
            separated &= d.high() < 0;
            lines.add(String.format(Locale.ROOT, "%+.1f s against %d (95%% CI %+.1f to %+.1f)", d.mean(), b, d.low(), d.high()));
        }
        String times = String.format(Locale.ROOT, "batch size %d trains for %.1f s on average, paired by seed ", quickest,
                meanTime(means, quickest)) + String.join("; ", lines);
        return separated ? "In time, batch size " + quickest + " is the fastest of them: " + times + "."
                : "They are similar in time (not every paired interval excludes 0): " + times + ".";
    }

    /**
     * The λ search: the λ (column Lambda) with the highest mean validation accuracy over all its
     * runs, against each other λ, paired over matched (batch size, seed) runs, one family under
     * {@link Holm}'s correction. It names that λ the best only where it is separated from every
     * other; every interval is printed. Validation, not test, accuracy chooses λ, so that the test
     * set stays out of the choice.
     */
    public static String lambdaSearch(String topic, Table runs) {
        String column = ResultsStore.VALIDATION_ACCURACY;
        List<Double> lambdas = new ArrayList<>();
        for (Row r : runs) if (!lambdas.contains(r.getDouble(ResultsStore.LAMBDA))) lambdas.add(r.getDouble(ResultsStore.LAMBDA));
        if (lambdas.size() < 2) throw new ScratchnetException("a λ search needs runs of at least two λ values, got " + lambdas);
        double top = lambdas.get(0);
        for (double l : lambdas) if (withLambda(runs, l).numberColumn(column).mean() > withLambda(runs, top).numberColumn(column).mean()) top = l;
        Table topRuns = withLambda(runs, top);
        List<PairedTest> tests = new ArrayList<>();
        for (double l : lambdas) {
            if (l == top) continue;
            // other − top, over the same (batch size, seed) pairs
            tests.add(PairedTest.of("λ = " + lambda(l), SeedSummary.differenceOn(withLambda(runs, l), topRuns, column,
                    List.of(ResultsStore.BATCH_SIZE, ResultsStore.SEED))));
        }
        Holm holm = Holm.of(tests);
        List<String> lines = new ArrayList<>();
        List<String> tied = new ArrayList<>();
        for (int k = 0; k < holm.size(); k++) {
            Interval d = holm.test(k).difference();
            lines.add(holm.test(k).label() + (holm.separated(k) ? " is lower" : " is not separated") + " ("
                    + gain(d.mean(), d.low(), d.high(), holm.adjustedP(k)) + ")");
            if (!holm.separated(k)) tied.add(lambda(holm.test(k).label()));
        }
        StringBuilder sb = new StringBuilder("<p><b>").append(escape(topic)).append(":</b> ")
                .append(String.format(Locale.ROOT, "the highest mean validation accuracy is %.4f, at λ = %s (%d runs). Against it, ",
                        topRuns.numberColumn(column).mean(), lambda(top), topRuns.rowCount()))
                .append(holm.describe()).append(String.format(Locale.ROOT, " (validation accuracy, other − top, %d (batch size,"
                        + " seed) pairs each): ", tests.get(0).difference().n()))
                .append(String.join("; ", lines)).append(". ");
        if (tied.isEmpty()) sb.append("The data name λ = ").append(lambda(top)).append(" the best of the search.");
        else sb.append("No λ is named the best: the data do not separate λ = ").append(lambda(top)).append(" from ")
                .append(String.join(", ", tied.stream().map(t -> "λ = " + t).toList())).append(".");
        return sb.append("</p>").toString();
    }

    private static String lambda(String label) {
        return label.substring("λ = ".length());
    }

    private static String lambda(double l) {
        return java.math.BigDecimal.valueOf(l).stripTrailingZeros().toPlainString();
    }

    private static Table withLambda(Table runs, double l) {
        return runs.where(((NumericColumn<?>) runs.column(ResultsStore.LAMBDA)).isEqualTo(l));
    }

    /** {@code +0.0100, 95% CI +0.0100 to +0.0100, Holm p = 0.012}: a difference, its interval and its corrected p-value. */
    static String gain(double mean, double low, double high, double holmP) {
        String p = Double.isNaN(holmP) ? "no test with one seed" : holmP < 0.001 ? "Holm p < 0.001"
                : String.format(Locale.ROOT, "Holm p = %.3f", holmP);
        return String.format(Locale.ROOT, "%+.4f, 95%% CI %+.4f to %+.4f, %s", mean, low, high, p);
    }

    private static int batch(Table means, int row) {
        return ((Number) means.column(ResultsStore.BATCH_SIZE).get(row)).intValue();
    }

    private static double meanTime(Table means, int batch) {
        for (int i = 0; i < means.rowCount(); i++) if (batch(means, i) == batch) return means.doubleColumn(ResultsStore.TIME).get(i);
        throw new IllegalStateException("batch size " + batch + " has no row");
    }

    private static Table at(Table runs, int batch) {
        return runs.where(((NumericColumn<?>) runs.column(ResultsStore.BATCH_SIZE)).isEqualTo(batch));
    }

    /**
     * How many of the report's numbers lie inside our range over seeds, from
     * {@link VersusReport#table}, and for each miss the report's epochs against our mean.
     */
    public static String versusReport(Table versus, Table ourRuns) {
        Table report = io.github.scratchnet.viz.OriginalReport.all();
        int inside = 0;
        List<String> misses = new ArrayList<>();
        for (Row r : versus) {
            if (r.getBoolean(VersusReport.WITHIN)) {
                inside++;
                continue;
            }
            int batch = r.getInt(ResultsStore.BATCH_SIZE);
            String question = r.getString(VersusReport.QUESTION);
            double reportEpochs = VersusReport.reportValue(report, question, batch, ResultsStore.EPOCH);
            double ourEpochs = VersusReport.ourRuns(ourRuns, question).where(((NumericColumn<?>) VersusReport.ourRuns(ourRuns,
                    question).column(ResultsStore.BATCH_SIZE)).isEqualTo(batch)).numberColumn(ResultsStore.EPOCH).mean();
            misses.add(String.format(Locale.ROOT, "%s, batch size %d: the report's %.4f is %s our %.4f to %.4f; it trained %.0f"
                    + " epochs, ours %.1f on average", r.getString(VersusReport.SETTING), batch,
                    r.getDouble(VersusReport.REPORT_TEST), r.getDouble(VersusReport.REPORT_TEST) > r.getDouble(VersusReport.MAX)
                            ? "above" : "below", r.getDouble(VersusReport.MIN), r.getDouble(VersusReport.MAX),
                    reportEpochs, ourEpochs));
        }
        StringBuilder sb = new StringBuilder("<p><b>Against the report:</b> ").append(inside).append(" of ")
                .append(versus.rowCount()).append(" of the report's test accuracies lie inside the range of our seeds.");
        if (!misses.isEmpty()) {
            sb.append("</p><ul>");
            for (String m : misses) sb.append("<li>").append(escape(m)).append(".</li>");
            sb.append("</ul>");
            return sb.toString();
        }
        return sb.append("</p>").toString();
    }

    /**
     * Which patience best reproduces the report's epoch counts: for each patience (in checks) of
     * {@code rules} (columns Batch Size, Patience (checks), Epochs Mean; restoring or not does not
     * change when a rule stops), the mean absolute gap between our mean epochs and the report's,
     * over batch sizes; the smallest gap wins.
     */
    public static String patienceForReportEpochs(Table rules, Table reportTable) {
        StringBuilder gaps = new StringBuilder();
        int bestPatience = -1;
        double bestGap = Double.POSITIVE_INFINITY;
        for (Integer patience : rules.intColumn(ResultsStore.PATIENCE).unique().asList().stream().sorted().toList()) {
            Table t = rules.where(rules.intColumn(ResultsStore.PATIENCE).isEqualTo(patience));
            double sum = 0;
            int n = 0;
            for (Row r : t) {
                if (r.getBoolean(ResultsStore.RESTORE_BEST)) continue;
                int batch = r.getInt(ResultsStore.BATCH_SIZE);
                double reportEpochs = reportTable.where(reportTable.intColumn(ResultsStore.BATCH_SIZE).isEqualTo(batch))
                        .numberColumn(ResultsStore.EPOCH).get(0).doubleValue();
                sum += Math.abs(r.getDouble("Epochs Mean") - reportEpochs);
                n++;
            }
            double gap = sum / n;
            gaps.append(String.format(Locale.ROOT, "%s%d check%s: %.1f epochs", gaps.length() == 0 ? "" : "; ", patience,
                    patience == 1 ? "" : "s", gap));
            if (gap < bestGap) {
                bestGap = gap;
                bestPatience = patience;
            }
        }
        return "<p><b>Which patience reproduces the report's epoch counts?</b> Mean gap between our mean epochs and the"
                + " report's, over batch sizes: " + gaps + ". The closest is a patience of " + bestPatience + " check"
                + (bestPatience == 1 ? " (the one-check rule)." : "s.") + "</p>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
