package io.github.scratchnet.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.github.scratchnet.experiment.ResultsStore;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The summary tables of the original course report, transcribed from its text, so that each
 * notebook can show them beside our results. These numbers are quoted as printed: they come from
 * the report's own runs (38400 training images of the 48000 its split kept), which
 * {@link io.github.scratchnet.experiment.ReportReplica} replays under its protocol.
 */
public final class OriginalReport {
    /** Question keys: {@code q4}, {@code q5}, {@code q6-l2}, {@code q6-l2-batchnorm}. */
    public static final String Q4 = "q4";
    public static final String Q5 = "q5";
    public static final String Q6_L2 = "q6-l2";
    public static final String Q6_L2_BATCHNORM = "q6-l2-batchnorm";

    private OriginalReport() {}

    /** All rows, with a {@code Question} column. */
    public static Table all() {
        try (InputStream in = OriginalReport.class.getResourceAsStream("original-report.csv")) {
            return Table.read().usingOptions(CsvReadOptions.builder(in).tableName("Original report"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's table for one question, with the same columns as {@link ResultsStore#REPORT_COLUMNS_WITH_LAMBDA}. */
    public static Table question(String key, boolean withLambda) {
        Table all = all();
        Table t = all.where(all.stringColumn("Question").isEqualTo(key)).removeColumns("Question");
        if (!withLambda) t.removeColumns(ResultsStore.LAMBDA);
        return t.setName("Original report, " + key);
    }
}
