package io.github.scratchnet.viz;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Result tables with the report's column names, built with Tablesaw, rendered as HTML for the
 * notebooks and saved as CSV so charts and tables can be redrawn without retraining.
 */
public final class Tables {
    public static final String BATCH_SIZE = "Batch Size";
    public static final String EPOCH = "Epoch Number";
    public static final String ITERATION = "Iteration";
    public static final String TIME = "Train Time in sec";
    public static final String LAMBDA = "Lambda";
    public static final String TRAIN_COST = "Train Cost";
    public static final String TRAIN_ACCURACY = "Train Accuracy";
    public static final String VALIDATION_COST = "Validation Cost";
    public static final String VALIDATION_ACCURACY = "Validation Accuracy";
    public static final String TEST_ACCURACY = "Test Accuracy";

    private Tables() {}

    /**
     * The report's summary table, one row per run, in the given order; {@code withLambda} adds the
     * Lambda column as in the report's Q6 tables.
     */
    public static Table summary(String name, List<RunSummary> runs, boolean withLambda) {
        Table t = Table.create(name);
        t.addColumns(IntColumn.create(BATCH_SIZE, runs.stream().mapToInt(RunSummary::batchSize).toArray()),
                IntColumn.create(EPOCH, runs.stream().mapToInt(RunSummary::epochs).toArray()),
                IntColumn.create(ITERATION, runs.stream().mapToInt(r -> (int) r.iterations()).toArray()),
                DoubleColumn.create(TIME, runs.stream().mapToDouble(RunSummary::trainTimeSeconds).toArray()));
        if (withLambda) t.addColumns(DoubleColumn.create(LAMBDA, runs.stream().mapToDouble(RunSummary::lambda).toArray()));
        t.addColumns(DoubleColumn.create(TRAIN_COST, runs.stream().mapToDouble(RunSummary::trainCost).toArray()),
                DoubleColumn.create(TRAIN_ACCURACY, runs.stream().mapToDouble(RunSummary::trainAccuracy).toArray()),
                DoubleColumn.create(VALIDATION_COST, runs.stream().mapToDouble(RunSummary::validationCost).toArray()),
                DoubleColumn.create(VALIDATION_ACCURACY, runs.stream().mapToDouble(RunSummary::validationAccuracy).toArray()),
                DoubleColumn.create(TEST_ACCURACY, runs.stream().mapToDouble(RunSummary::testAccuracy).toArray()));
        return t;
    }

    /** The summary plus the columns a reader needs to judge a run: batchnorm mode and stop reason. */
    public static Table summaryWithStops(String name, List<RunSummary> runs, boolean withLambda) {
        Table t = summary(name, runs, withLambda);
        t.addColumns(StringColumn.create("Stop Reason", runs.stream().map(RunSummary::stopReason).toList()));
        return t;
    }

    /** Writes {@code table} as CSV (folders created as needed). */
    public static Path saveCsv(Table table, Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            table.write().csv(file.toFile());
            return file;
        } catch (IOException | RuntimeException e) {
            throw new ScratchnetException("cannot write table " + file + ": " + e.getMessage() + "; choose a writable folder");
        }
    }

    /** Reads a CSV written by {@link #saveCsv}. */
    public static Table readCsv(Path file) {
        try {
            return Table.read().csv(file.toFile());
        } catch (RuntimeException e) {
            throw new ScratchnetException("cannot read table " + file + ": " + e.getMessage() + "; run the notebook that writes it");
        }
    }

    /** An HTML rendering: doubles with 4 significant decimals (scientific when huge), integers as is. */
    public static String html(Table table) {
        StringBuilder sb = new StringBuilder("<table style=\"border-collapse:collapse;font-size:90%\">");
        if (table.name() != null && !table.name().isBlank()) {
            sb.append("<caption style=\"caption-side:top;font-weight:bold;text-align:left\">").append(escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (String c : table.columnNames()) sb.append("<th style=\"padding:2px 8px;text-align:right\">").append(escape(c)).append("</th>");
        sb.append("</tr></thead><tbody>");
        for (Row row : table) {
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                sb.append("<td style=\"padding:2px 8px;text-align:right\">").append(escape(format(row.getObject(c.name())))).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN()) return "";
            double a = Math.abs(d);
            if (a != 0 && (a >= 1e5 || a < 1e-3)) return String.format(Locale.ROOT, "%.3e", d);
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return value == null ? "" : value.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
