package io.github.scratchnet.experiment;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.viz.OriginalReport;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The report's 24 runs replayed under {@link Protocol#REPORT}: its four questions (Q4 plain, Q5
 * batchnorm, Q6 with λ = 0.05 without and with batchnorm) at batch sizes 16 to 512, and the table
 * that sets each of our rows beside the report's ({@code results/report-replica.csv}).
 *
 * <p>A row matches when the epoch and the iteration are equal and every accuracy is equal at the
 * digits the report printed (six for training and validation, four for test, which is a count of
 * 10000). Costs are shown beside the report's but not matched: the report's cost of a batch or a
 * set moves in the last digits with the order of a sum, and it printed them rounded.
 */
public final class ReportReplica {
    /** The report's batch sizes. */
    public static final List<Integer> BATCH_SIZES = List.of(16, 32, 64, 128, 256, 512);
    /** The report's questions, in the order of its tables (the keys of {@link OriginalReport}). */
    public static final List<String> QUESTIONS =
            List.of(OriginalReport.Q4, OriginalReport.Q5, OriginalReport.Q6_L2, OriginalReport.Q6_L2_BATCHNORM);
    /** The λ of the report's Question 6 tables. */
    public static final double LAMBDA = 0.05;

    /** Our columns, each followed in the table by {@code Report <column>}. */
    public static final List<String> COLUMNS = List.of("Epoch Number", "Iteration", "Train Cost", "Train Accuracy",
            "Validation Cost", "Validation Accuracy", "Test Accuracy");

    private ReportReplica() {}

    /** The configuration of one of the report's runs under {@link Protocol#REPORT} with {@code seed} (the report's was 42). */
    public static TrainConfig config(String question, int batchSize, long seed) {
        boolean batchNorm = question.equals(OriginalReport.Q5) || question.equals(OriginalReport.Q6_L2_BATCHNORM);
        boolean l2 = question.startsWith(OriginalReport.Q6_L2);
        if (!QUESTIONS.contains(question)) {
            throw new IllegalArgumentException("unknown question '" + question + "'; use one of " + QUESTIONS);
        }
        return TrainConfig.builder().protocol(Protocol.REPORT).batchSize(batchSize)
                .batchNorm(batchNorm ? BatchNormMode.NORMALIZE : BatchNormMode.OFF).l2(l2 ? LAMBDA : 0).seed(seed)
                .build();
    }

    /** The 24 runs of the report's tables with {@code seed}, question by question, batch size by batch size. */
    public static List<TrainConfig> configs(long seed) {
        List<TrainConfig> out = new ArrayList<>();
        for (String q : QUESTIONS) for (int b : BATCH_SIZES) out.add(config(q, b, seed));
        return out;
    }

    /** The question of a configuration of {@link #configs}. */
    public static String question(TrainConfig c) {
        boolean bn = c.batchNorm() != BatchNormMode.OFF;
        if (c.l2() == 0) return bn ? OriginalReport.Q5 : OriginalReport.Q4;
        return bn ? OriginalReport.Q6_L2_BATCHNORM : OriginalReport.Q6_L2;
    }

    /**
     * Our rows beside the report's: {@code Question, Batch Size}, then each of {@link #COLUMNS}
     * followed by its {@code Report} twin, then {@code Match}. Train and validation costs are the
     * last check's, as in the report's tables. {@code runs} must hold one run of each row.
     */
    public static Table table(Iterable<SweepRun> runs) {
        Table report = OriginalReport.all();
        StringColumn question = StringColumn.create("Question");
        IntColumn batch = IntColumn.create("Batch Size");
        IntColumn epoch = IntColumn.create("Epoch Number");
        LongColumn iteration = LongColumn.create("Iteration");
        DoubleColumn trainCost = DoubleColumn.create("Train Cost");
        DoubleColumn trainAcc = DoubleColumn.create("Train Accuracy");
        DoubleColumn valCost = DoubleColumn.create("Validation Cost");
        DoubleColumn valAcc = DoubleColumn.create("Validation Accuracy");
        DoubleColumn testAcc = DoubleColumn.create("Test Accuracy");
        Table ours = Table.create("Replica", question, batch, epoch, iteration, trainCost, trainAcc, valCost, valAcc, testAcc);
        for (SweepRun run : runs) {
            RunSummary s = run.summary();
            Check last = run.history().isEmpty() ? null : run.history().get(run.history().size() - 1);
            question.append(question(run.config()));
            batch.append(run.config().batchSize());
            epoch.append(s.epochNumber());
            iteration.append(s.iterations());
            trainCost.append(last == null ? Double.NaN : last.trainCost());
            trainAcc.append(s.trainAccuracy());
            valCost.append(last == null ? Double.NaN : last.validationCost());
            valAcc.append(s.validationAccuracy());
            testAcc.append(s.testAccuracy());
        }
        Table out = Table.create("Replica of the report's tables", question.copy(), batch.copy());
        BooleanColumn match = BooleanColumn.create("Match");
        List<Row> reportRows = new ArrayList<>();
        for (int i = 0; i < ours.rowCount(); i++) reportRows.add(reportRow(report, question.get(i), batch.get(i)));
        for (String c : COLUMNS) {
            Column<?> mine = ours.column(c);
            out.addColumns(mine.copy());
            // the report's value in a column of our column's type (its epochs and iterations are whole)
            Column<?> theirs = mine.emptyCopy().setName("Report " + c);
            for (Row r : reportRows) {
                if (theirs instanceof IntColumn i) i.append((int) r.getNumber(c));
                else if (theirs instanceof LongColumn l) l.append((long) r.getNumber(c));
                else ((DoubleColumn) theirs).append(r.getNumber(c));
            }
            out.addColumns(theirs);
        }
        for (int i = 0; i < ours.rowCount(); i++) {
            Row r = reportRows.get(i);
            match.append(epoch.get(i) == r.getNumber("Epoch Number") && iteration.get(i) == r.getNumber("Iteration")
                    && sameAt(trainAcc.get(i), r.getNumber("Train Accuracy"), 6)
                    && sameAt(valAcc.get(i), r.getNumber("Validation Accuracy"), 6)
                    && sameAt(testAcc.get(i), r.getNumber("Test Accuracy"), 4));
        }
        return out.addColumns(match);
    }

    /**
     * Puts {@code rows} (a {@link #table}) into the replica table at {@code csv}: rows of the same
     * questions are replaced, the others kept, in the report's order (question, then batch size).
     */
    public static Table publish(Table rows, Path csv) {
        Table all = rows.copy();
        if (Files.exists(csv)) {
            Table before;
            try {
                before = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile())
                        .columnTypes(rows.types().toArray(ColumnType[]::new)));
            } catch (RuntimeException e) {
                throw new ScratchnetException("cannot read " + csv + " as the replica's table (" + e.getMessage()
                        + "); delete it and run the notebooks again to rebuild it");
            }
            if (!before.columnNames().equals(rows.columnNames())) {
                throw new ScratchnetException(csv + " does not hold the replica's columns; delete it and run the"
                        + " notebooks again to rebuild it");
            }
            List<String> questions = rows.stringColumn("Question").unique().asList();
            all = before.where(before.stringColumn("Question").isNotIn(questions)).append(rows);
        }
        Table sorted = all.sortOn("Question", "Batch Size");
        sorted.setName(rows.name());
        ResultsStore.write(sorted, csv);
        return sorted;
    }

    /** Relative difference of two validation costs above which a check counts as departing from the PyTorch twin's. */
    public static final double DEPARTURE = 1e-6;

    /**
     * Our runs check by check against the PyTorch twin's ({@code bench/report_twin.py --json}, e.g.
     * the committed {@code bench/results/report-twin-seed42.json}): per run, the checks of each, the
     * largest relative difference of the validation costs over the checks both made, and the first
     * step where it exceeds {@link #DEPARTURE} (0 when none does). The twin sums in another order
     * (its BLAS), so costs agree to rounding, not bit for bit; a row that misses the report's shows
     * here where the two runs part.
     */
    public static Table departures(Iterable<SweepRun> runs, Path twinJson) {
        JsonObject twin;
        try (Reader in = Files.newBufferedReader(twinJson)) {
            twin = JsonParser.parseReader(in).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new ScratchnetException("cannot read the PyTorch twin's runs from " + twinJson + " (" + e.getMessage()
                    + "); run bench/report_twin.py --json " + twinJson + " to write them");
        }
        StringColumn question = StringColumn.create("Question");
        IntColumn batch = IntColumn.create("Batch Size");
        IntColumn ours = IntColumn.create("Checks");
        IntColumn theirs = IntColumn.create("Checks (PyTorch)");
        DoubleColumn largest = DoubleColumn.create("Largest Relative Difference");
        LongColumn first = LongColumn.create("First Departing Step");
        for (SweepRun run : runs) {
            String q = question(run.config());
            int b = run.config().batchSize();
            JsonArray checks = twinChecks(twin, q, b, twinJson);
            List<Check> mine = run.history();
            int n = Math.min(mine.size(), checks.size());
            double max = 0;
            long departs = 0;
            for (int i = 0; i < n; i++) {
                double theirCost = validationCost(checks.get(i));
                double rel = Math.abs(mine.get(i).validationCost() - theirCost) / Math.abs(theirCost);
                if (!(rel <= max)) max = rel;    // NaN counts as the largest
                if (departs == 0 && !(rel <= DEPARTURE)) departs = mine.get(i).step();
            }
            if (departs == 0 && mine.size() != checks.size()) departs = mine.get(n == 0 ? 0 : n - 1).step();
            question.append(q);
            batch.append(b);
            ours.append(mine.size());
            theirs.append(checks.size());
            largest.append(max);
            first.append(departs);
        }
        return Table.create("Our checks against the PyTorch twin's", question, batch, ours, theirs, largest, first);
    }

    // A twin check is [step, train cost, validation cost] (the committed file's compact form) or an
    // object with those keys.
    private static double validationCost(JsonElement check) {
        return check.isJsonArray() ? check.getAsJsonArray().get(2).getAsDouble()
                : check.getAsJsonObject().get("validation_cost").getAsDouble();
    }

    // The twin's checks of one question and batch size.
    private static JsonArray twinChecks(JsonObject twin, String question, int batchSize, Path file) {
        for (JsonElement e : twin.getAsJsonArray("runs")) {
            JsonObject r = e.getAsJsonObject();
            if (r.get("question").getAsString().equals(question) && r.get("batch_size").getAsInt() == batchSize) {
                return r.getAsJsonArray("checks");
            }
        }
        throw new ScratchnetException(file + " has no run of " + question + " at batch size " + batchSize
                + "; run bench/report_twin.py with that question and batch size");
    }

    // The report's row of a question and batch size.
    private static Row reportRow(Table report, String question, int batchSize) {
        for (Row r : report) {
            if (r.getString("Question").equals(question) && (int) r.getNumber("Batch Size") == batchSize) return r;
        }
        throw new IllegalArgumentException("the report has no row for " + question + " at batch size " + batchSize);
    }

    // Equal once ours is printed with the report's digits as Python prints a float: the exact binary
    // value rounded (8229/9600 is 0.85718749999… and prints as 0.857187, not 0.857188).
    /** The columns a row must equal, as printed, to match the report's. */
    public static final List<String> MATCHED = List.of("Epoch Number", "Iteration", "Train Accuracy", "Validation Accuracy",
            "Test Accuracy");
    /** The columns shown beside the report's but not matched. */
    public static final List<String> COSTS = List.of("Train Cost", "Validation Cost");

    /**
     * {@code v} as the report printed a value of {@code column}: an accuracy with six decimals (the
     * test accuracy, a count out of 10000, with four), the exact binary value rounded half-even as
     * Python prints a float; anything else (costs) with six significant digits.
     */
    public static String printed(String column, double v) {
        if (!column.endsWith("Accuracy")) return String.format(java.util.Locale.ROOT, "%.6g", v);
        return printed(v, column.endsWith("Test Accuracy") ? 4 : 6).toPlainString();
    }

    /** The {@code columns} of {@code rows} (a {@link #table}), each number {@link #printed} as the report printed it. */
    public static Table asPrinted(Table rows, String name, List<String> columns) {
        Table t = Table.create(name);
        for (String c : columns) {
            if (rows.column(c) instanceof DoubleColumn d) {
                t.addColumns(StringColumn.create(c, d.asList().stream().map(v -> printed(c, v))));
            } else {
                t.addColumns(rows.column(c).copy());
            }
        }
        return t;
    }

    /** The {@code keys}, then each of {@code columns} followed by its {@code Report} twin, then {@code last} (if not null). */
    public static List<String> besideReport(List<String> keys, List<String> columns, String last) {
        List<String> out = new ArrayList<>(keys);
        for (String c : columns) out.addAll(List.of(c, "Report " + c));
        if (last != null) out.add(last);
        return out;
    }

    /**
     * The replay's verdict over {@code rows} (a {@link #table}), in HTML: how many rows match; for
     * each that does not, the {@link #MATCHED} columns whose printed values differ; and the largest
     * relative gap of the costs, which are not matched, to the report's.
     */
    public static String verdict(Table rows) {
        List<String> misses = new ArrayList<>();
        for (Row r : asPrinted(rows, "", rows.columnNames())) {
            if (r.getBoolean("Match")) continue;
            List<String> differ = MATCHED.stream().filter(c -> !r.getObject(c).equals(r.getObject("Report " + c)))
                    .map(c -> c.toLowerCase(java.util.Locale.ROOT) + " " + r.getObject(c) + " against " + r.getObject("Report " + c))
                    .toList();
            misses.add("<li>" + r.getString("Question") + ", batch size " + r.getInt("Batch Size") + ": "
                    + (differ.isEmpty() ? "equal as printed, apart only beyond the printed digits" : String.join("; ", differ))
                    + "</li>");
        }
        double worst = -1;
        String worstAt = "";
        for (Row r : rows) {
            for (String c : COSTS) {
                double gap = Math.abs(r.getDouble(c) / r.getDouble("Report " + c) - 1);
                if (gap > worst) {
                    worst = gap;
                    worstAt = c.toLowerCase(java.util.Locale.ROOT) + ", " + r.getString("Question") + " at batch size "
                            + r.getInt("Batch Size");
                }
            }
        }
        int matches = rows.booleanColumn("Match").countTrue();
        return String.format(java.util.Locale.ROOT, "<p><b>Replayed:</b> %d of %d rows match the report's: the same epoch and"
                + " iteration, and the same three accuracies at every digit it printed.%s</p>", matches, rows.rowCount(),
                misses.isEmpty() ? "" : " The others differ in these columns (ours against the report's):")
                + (misses.isEmpty() ? "" : "<ul>" + String.join("", misses) + "</ul>")
                + String.format(java.util.Locale.ROOT, "<p>The costs, not part of the match, differ from the report's by a"
                + " relative %.1e at most (%s).</p>", worst, worstAt);
    }

    /**
     * For each run, in HTML: the mean train cost of the checks before the first one below
     * {@code below}, and where that first one is (e.g. how long a run sits at the cost of an even
     * guess among the ten digits).
     */
    public static String plateau(List<SweepRun> runs, double below) {
        StringBuilder sb = new StringBuilder("<ul>");
        for (SweepRun run : runs) {
            List<Check> h = run.history();
            int first = 0;
            while (first < h.size() && h.get(first).trainCost() >= below) first++;
            double before = h.subList(0, first).stream().mapToDouble(Check::trainCost).average().orElse(Double.NaN);
            sb.append("<li>batch size ").append(run.config().batchSize()).append(": ");
            if (first == 0) {
                sb.append(String.format(java.util.Locale.ROOT, "below %.1f from the first check on", below));
            } else if (first == h.size()) {
                sb.append(String.format(java.util.Locale.ROOT, "%.2f on average, never below %.1f in its %d checks", before,
                        below, h.size()));
            } else {
                sb.append(String.format(java.util.Locale.ROOT, "%.2f on average over checks 0 to %d (steps %d to %d), first below"
                        + " %.1f at check %d (step %d) of %d", before, first - 1, h.get(0).step(), h.get(first - 1).step(),
                        below, first, h.get(first).step(), h.size()));
            }
            sb.append("</li>");
        }
        return sb.append("</ul>").toString();
    }

    private static boolean sameAt(double ours, double theirs, int digits) {
        return printed(ours, digits).compareTo(printed(theirs, digits)) == 0;
    }

    private static BigDecimal printed(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN);
    }
}
