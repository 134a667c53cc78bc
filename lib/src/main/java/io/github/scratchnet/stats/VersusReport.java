package io.github.scratchnet.stats;

import io.github.scratchnet.experiment.ResultsStore;
import io.github.scratchnet.viz.OriginalReport;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where the report's numbers stand among ours: for every row of the report's four tables, the
 * report's test accuracy beside the smallest, mean and largest of our seeds under the one-check
 * rule (patience of one check, nothing restored) for the same question, setting and batch size.
 */
public final class VersusReport {
    public static final String QUESTION = "Question";
    public static final String SETTING = "Setting";
    public static final String REPORT_TEST = "Report Test Accuracy";
    public static final String MIN = "Our Min";
    public static final String MEAN = "Our Mean";
    public static final String MAX = "Our Max";
    public static final String WITHIN = "Within Range";

    /** The report's tables: its key, the notebook question that answers it, the batchnorm mode and the lambda. */
    record Source(String key, String question, String setting, String batchnorm, double lambda) {}

    static final List<Source> SOURCES = List.of(
            new Source(OriginalReport.Q4, "q4", "batchnorm off", "off", 0),
            new Source(OriginalReport.Q5, "q5", "batchnorm (normalize)", "normalize", 0),
            new Source(OriginalReport.Q6_L2, "q6", "L2 λ 0.05", "off", 0.05),
            new Source(OriginalReport.Q6_L2_BATCHNORM, "q6", "L2 λ 0.05 + batchnorm (normalize)", "normalize", 0.05));

    private VersusReport() {}

    /**
     * One row per row of the report's tables whose question is in {@code runs} (the combined
     * {@code results/runs.csv}): Question, Setting, Batch Size, Report Test Accuracy, Our Min,
     * Our Mean, Our Max, Within Range. Report rows without runs of ours are left out.
     */
    public static Table table(Table runs) {
        Table out = Table.create("The report's test accuracies against the range of our seeds").addColumns(
                StringColumn.create(QUESTION), StringColumn.create(SETTING), IntColumn.create(ResultsStore.BATCH_SIZE),
                DoubleColumn.create(REPORT_TEST), DoubleColumn.create(MIN), DoubleColumn.create(MEAN),
                DoubleColumn.create(MAX), BooleanColumn.create(WITHIN));
        Table report = OriginalReport.all();
        for (Source s : SOURCES) {
            Table ours = ourRuns(runs, s.key());
            if (ours.rowCount() == 0) continue;
            for (Row r : report.where(report.stringColumn("Question").isEqualTo(s.key()))) {
                int batch = r.getInt(ResultsStore.BATCH_SIZE);
                NumericColumn<?> acc = ours.where(((NumericColumn<?>) ours.column(ResultsStore.BATCH_SIZE)).isEqualTo(batch))
                        .numberColumn(ResultsStore.TEST_ACCURACY);
                if (acc.isEmpty()) continue;
                double reported = r.getDouble(ResultsStore.TEST_ACCURACY);
                out.stringColumn(QUESTION).append(s.key());
                out.stringColumn(SETTING).append(s.setting());
                out.intColumn(ResultsStore.BATCH_SIZE).append(batch);
                out.doubleColumn(REPORT_TEST).append(reported);
                out.doubleColumn(MIN).append(acc.min());
                out.doubleColumn(MEAN).append(acc.mean());
                out.doubleColumn(MAX).append(acc.max());
                out.booleanColumn(WITHIN).append(reported >= acc.min() && reported <= acc.max());
            }
        }
        return out;
    }

    /** Our runs under the one-check rule for the report's table {@code key} (e.g. {@code q6-l2}). */
    static Table ourRuns(Table runs, String key) {
        Source s = SOURCES.stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the report has no table " + key));
        return runs.where(runs.stringColumn(ResultsStore.QUESTION).isEqualTo(s.question())
                .and(runs.stringColumn(ResultsStore.BATCHNORM).isEqualTo(s.batchnorm()))
                .and(runs.numberColumn(ResultsStore.LAMBDA).isEqualTo(s.lambda()))
                .and(runs.numberColumn(ResultsStore.PATIENCE).isEqualTo(1))
                .and(runs.booleanColumn(ResultsStore.RESTORE_BEST).isFalse()));
    }

    /** A number of the report's table {@code key} at {@code batchSize}, e.g. its epochs. */
    static double reportValue(Table report, String key, int batchSize, String column) {
        Table t = report.where(report.stringColumn("Question").isEqualTo(key)
                .and(report.intColumn(ResultsStore.BATCH_SIZE).isEqualTo(batchSize)));
        return t.numberColumn(column).get(0).doubleValue();
    }
}
