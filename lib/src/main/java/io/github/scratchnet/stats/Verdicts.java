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
 * named better than another only where the paired 95% interval of the difference excludes 0, and
 * "the best batch size" is the set of batch sizes that the data do not separate from the top one.
 * Each method returns one HTML paragraph.
 */
public final class Verdicts {
    private Verdicts() {}

    /**
     * Setting {@code a} against setting {@code b} batch size by batch size, from
     * {@link SeedSummary#paired}'s table: where the interval excludes 0 it names the winner and the
     * gain, elsewhere it says there is no clear difference.
     */
    public static String paired(String topic, String a, String b, Table paired) {
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        for (Row r : paired) {
            String at = String.valueOf(r.getObject(ResultsStore.BATCH_SIZE));
            double d = r.getDouble("Mean Difference");
            // the gain of the winner: a − b where a wins, b − a where b does
            String diff = d > 0
                    ? String.format(Locale.ROOT, "%s (%+.4f, 95%% CI %+.4f to %+.4f)", at, d, r.getDouble("CI Low"), r.getDouble("CI High"))
                    : String.format(Locale.ROOT, "%s (%+.4f, 95%% CI %+.4f to %+.4f)", at, -d, -r.getDouble("CI High"), -r.getDouble("CI Low"));
            if (!r.getBoolean("Separated")) unclear.add(at);
            else if (d > 0) better.add(diff);
            else worse.add(diff);
        }
        StringBuilder sb = new StringBuilder("<p><b>").append(escape(topic)).append(":</b> ");
        if (better.isEmpty() && worse.isEmpty()) {
            sb.append("no clear difference between ").append(escape(a)).append(" and ").append(escape(b))
                    .append(" at any batch size; every paired 95% interval includes 0.");
        } else {
            if (!better.isEmpty()) {
                sb.append(escape(a)).append(" beats ").append(escape(b)).append(" at batch size ")
                        .append(String.join(", ", better)).append(". ");
            }
            if (!worse.isEmpty()) {
                sb.append(escape(b)).append(" beats ").append(escape(a)).append(" at batch size ")
                        .append(String.join(", ", worse)).append(". ");
            }
            sb.append(unclear.isEmpty() ? "The data separate the two at every batch size."
                    : "No clear difference at batch size " + String.join(", ", unclear) + " (the interval includes 0).");
        }
        return sb.append("</p>").toString();
    }

    /**
     * The best batch sizes of one setting: the batch size with the highest mean test accuracy,
     * every batch size whose paired difference to it (same seeds) does not exclude 0, and the
     * fastest of those by mean training time.
     */
    public static String bestBatchSizes(String setting, Table runs) {
        Table means = SeedSummary.of(runs, List.of(ResultsStore.BATCH_SIZE, ResultsStore.TEST_ACCURACY, ResultsStore.TIME));
        if (means.rowCount() == 0) throw new ScratchnetException("no runs to conclude from for " + setting);
        int top = 0;
        for (int i = 1; i < means.rowCount(); i++) {
            if (means.doubleColumn(ResultsStore.TEST_ACCURACY).get(i) > means.doubleColumn(ResultsStore.TEST_ACCURACY).get(top)) top = i;
        }
        int topBatch = ((Number) means.column(ResultsStore.BATCH_SIZE).get(top)).intValue();
        Table topRuns = runs.where(((NumericColumn<?>) runs.column(ResultsStore.BATCH_SIZE)).isEqualTo(topBatch));
        List<Integer> tied = new ArrayList<>();
        int fastest = top;
        for (int i = 0; i < means.rowCount(); i++) {
            int batch = ((Number) means.column(ResultsStore.BATCH_SIZE).get(i)).intValue();
            boolean same = i == top;
            if (!same) {
                Table other = runs.where(((NumericColumn<?>) runs.column(ResultsStore.BATCH_SIZE)).isEqualTo(batch));
                same = !SeedSummary.difference(topRuns, other, ResultsStore.TEST_ACCURACY).excludesZero();
            }
            if (!same) continue;
            tied.add(batch);
            if (means.doubleColumn(ResultsStore.TIME).get(i) < means.doubleColumn(ResultsStore.TIME).get(fastest)) fastest = i;
        }
        Interval topInterval = Interval.of(topRuns.numberColumn(ResultsStore.TEST_ACCURACY).asDoubleArray());
        StringBuilder sb = new StringBuilder("<p><b>").append(escape(setting)).append(":</b> the highest mean test accuracy is ")
                .append(String.format(Locale.ROOT, "%.4f (95%% CI %.4f to %.4f, %d seeds) at batch size %d. ",
                        topInterval.mean(), topInterval.low(), topInterval.high(), topInterval.n(), topBatch));
        if (tied.size() == 1) {
            sb.append("Every other batch size is worse with the same seeds (paired 95% intervals exclude 0).");
        } else {
            sb.append("The data do not separate it from batch size ")
                    .append(String.join(", ", tied.stream().filter(b -> b != topBatch).map(String::valueOf).toList()))
                    .append(" (paired 95% intervals include 0), so the best batch sizes are ")
                    .append(String.join(", ", tied.stream().map(String::valueOf).toList())).append("; the fastest of them is ")
                    .append(((Number) means.column(ResultsStore.BATCH_SIZE).get(fastest)).intValue())
                    .append(String.format(Locale.ROOT, " (%.1f s of training on average).",
                            means.doubleColumn(ResultsStore.TIME).get(fastest)));
        }
        return sb.append("</p>").toString();
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
