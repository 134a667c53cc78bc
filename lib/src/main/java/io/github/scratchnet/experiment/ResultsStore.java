package io.github.scratchnet.experiment;

import io.github.scratchnet.AtomicFiles;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Setting;
import io.github.scratchnet.train.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The tidy, long-format tables every sweep keeps next to its run files: {@code runs.csv}, one
 * row per run (its settings, then the report's columns and the stop reason), and
 * {@code checks.csv}, one row per validation check. Charts and tables are drawn from these with
 * Tablesaw, so they can be redrawn without training again.
 *
 * <p>Both are plain CSV that {@code Table.read().csv(file)} reads back with the right column
 * types; every CSV the project writes goes through {@link #write}, atomically.
 */
public final class ResultsStore {
    /** The per-run table of a sweep folder. */
    public static final String RUNS_CSV = "runs.csv";
    /** The per-check table of a sweep folder. */
    public static final String CHECKS_CSV = "checks.csv";

    public static final String RUN_ID = "Run Id";
    /** The run id without its seed: the same for every seed of one configuration. */
    public static final String CONFIG_ID = "Config Id";
    public static final String QUESTION = "Question";
    // The settings' columns are declared with the settings (Setting#column); these name a few for readers.
    public static final String BATCH_SIZE = column(Setting.BATCH_SIZE);
    public static final String BATCHNORM = column(Setting.BATCHNORM);
    public static final String LAMBDA = column(Setting.L2);
    public static final String PATIENCE = column(Setting.PATIENCE);
    public static final String RESTORE_BEST = column(Setting.RESTORE_BEST);
    public static final String SEED = column(Setting.SEED);
    public static final String SPLIT_SEED = column(Setting.SPLIT_SEED);
    /** The protocol's text form ({@code sound}, {@code report}, {@code report,init=he}). */
    public static final String PROTOCOL = column(Setting.PROTOCOL);
    public static final String EPOCH = "Epoch Number";
    public static final String ITERATION = "Iteration";
    public static final String TIME = "Train Time in sec";
    public static final String TRAIN_COST = "Train Cost";
    public static final String TRAIN_ACCURACY = "Train Accuracy";
    public static final String VALIDATION_COST = "Validation Cost";
    public static final String VALIDATION_ACCURACY = "Validation Accuracy";
    public static final String TEST_ACCURACY = "Test Accuracy";
    public static final String STOP_REASON = "Stop Reason";

    /** The report's table columns, in its order (Lambda only in its Question 6 tables). */
    public static final List<String> REPORT_COLUMNS = List.of(BATCH_SIZE, EPOCH, ITERATION, TIME, TRAIN_COST,
            TRAIN_ACCURACY, VALIDATION_COST, VALIDATION_ACCURACY, TEST_ACCURACY);
    /** The report's Question 6 columns: Lambda after the time, as it printed them. */
    public static final List<String> REPORT_COLUMNS_WITH_LAMBDA = List.of(BATCH_SIZE, EPOCH, ITERATION, TIME, LAMBDA,
            TRAIN_COST, TRAIN_ACCURACY, VALIDATION_COST, VALIDATION_ACCURACY, TEST_ACCURACY);

    /** The columns of {@code checks.csv}. */
    public static final String EPOCH_OF_CHECK = "Epoch";
    public static final String SECONDS = "Seconds";

    /** The settings that have a column, in declaration order. */
    private static final List<Setting> SETTING_COLUMNS = Arrays.stream(Setting.values()).filter(s -> s.column().isPresent()).toList();
    private static final Map<String, ColumnType> KNOWN_TYPES = knownTypes();

    private ResultsStore() {}

    private static Map<String, ColumnType> knownTypes() {
        Map<String, ColumnType> m = new HashMap<>();
        for (Table t : List.of(runs("", List.of()), checks(List.of()))) {
            for (var c : t.columns()) m.put(c.name(), c.type());
        }
        return Map.copyOf(m);
    }

    /**
     * One row per run, in the order given, labelled with {@code question}: its ids and question, the
     * settings with {@link Setting#leadingColumn leading} columns, the report's figures and the stop
     * reason, then the other settings' columns.
     */
    public static Table runs(String question, List<SweepRun> runs) {
        StringColumn id = StringColumn.create(RUN_ID);
        StringColumn configId = StringColumn.create(CONFIG_ID);
        StringColumn q = StringColumn.create(QUESTION);
        IntColumn epochs = IntColumn.create(EPOCH);
        LongColumn iterations = LongColumn.create(ITERATION);
        DoubleColumn time = DoubleColumn.create(TIME);
        DoubleColumn trainCost = DoubleColumn.create(TRAIN_COST);
        DoubleColumn trainAcc = DoubleColumn.create(TRAIN_ACCURACY);
        DoubleColumn valCost = DoubleColumn.create(VALIDATION_COST);
        DoubleColumn valAcc = DoubleColumn.create(VALIDATION_ACCURACY);
        DoubleColumn testAcc = DoubleColumn.create(TEST_ACCURACY);
        StringColumn stop = StringColumn.create(STOP_REASON);
        Map<Setting, Column<?>> settings = new EnumMap<>(Setting.class);
        for (Setting s : SETTING_COLUMNS) settings.put(s, emptyColumn(s));
        for (SweepRun r : runs) {
            TrainConfig c = r.config();
            RunSummary s = r.summary();
            id.append(r.id());
            configId.append(RunId.ofConfiguration(c));
            q.append(question);
            settings.forEach((setting, column) -> column.appendObj(setting.cell(c)));
            epochs.append(s.epochNumber());
            iterations.append(s.iterations());
            time.append(s.trainTimeSeconds());
            trainCost.append(s.trainCost());
            trainAcc.append(s.trainAccuracy());
            valCost.append(s.validationCost());
            valAcc.append(s.validationAccuracy());
            testAcc.append(s.testAccuracy());
            stop.append(s.stopReason());
        }
        Table t = Table.create("runs").addColumns(id, configId, q);
        for (Setting s : SETTING_COLUMNS) if (s.leadingColumn()) t.addColumns(settings.get(s));
        t.addColumns(epochs, iterations, time, trainCost, trainAcc, valCost, valAcc, testAcc, stop);
        for (Setting s : SETTING_COLUMNS) if (!s.leadingColumn()) t.addColumns(settings.get(s));
        return t;
    }

    private static String column(Setting s) {
        return s.column().orElseThrow();
    }

    private static Column<?> emptyColumn(Setting s) {
        String name = column(s);
        Class<?> type = s.cellClass();
        return type == Integer.class ? IntColumn.create(name) : type == Long.class ? LongColumn.create(name)
                : type == Double.class ? DoubleColumn.create(name) : type == Boolean.class ? BooleanColumn.create(name)
                : StringColumn.create(name);
    }

    /** {@link TrainConfig#patienceInChecks}. */
    public static int patienceInChecks(TrainConfig c) {
        return c.patienceInChecks();
    }

    /** One row per validation check of every run, runs in the order given. */
    public static Table checks(List<SweepRun> runs) {
        StringColumn id = StringColumn.create(RUN_ID);
        LongColumn iteration = LongColumn.create(ITERATION);
        IntColumn epoch = IntColumn.create(EPOCH_OF_CHECK);
        DoubleColumn trainCost = DoubleColumn.create(TRAIN_COST);
        DoubleColumn valCost = DoubleColumn.create(VALIDATION_COST);
        DoubleColumn valAcc = DoubleColumn.create(VALIDATION_ACCURACY);
        DoubleColumn seconds = DoubleColumn.create(SECONDS);
        for (SweepRun r : runs) {
            for (Check c : r.history()) {
                id.append(r.id());
                iteration.append(c.step());
                epoch.append(c.epoch());
                trainCost.append(c.trainCost());
                valCost.append(c.validationCost());
                valAcc.append(c.validationAccuracy());
                seconds.append(c.seconds());
            }
        }
        return Table.create("checks").addColumns(id, iteration, epoch, trainCost, valCost, valAcc, seconds);
    }

    private static final String GZ = ".gz";

    // The gzip header written here carries no time, so the same table gives the same bytes.
    private static byte[] gzip(byte[] bytes, Path file) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new ScratchnetException("cannot compress " + file + " (" + e.getMessage() + ")", e);
        }
        return out.toByteArray();
    }

    /** Writes {@code table} as CSV (gzipped when the name ends in {@code .gz}) to {@code file} atomically (folders created as needed); one-line error on failure. */
    public static Path write(Table table, Path file) {
        StringWriter text = new StringWriter();
        table.write().csv(text);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ScratchnetException("cannot create the folder of " + file + " ("
                    + io.github.scratchnet.IoErrors.describe(e) + "); choose a writable folder", e);
        }
        AtomicFiles.write(file, file.getFileName().toString().endsWith(GZ) ? gzip(bytes, file) : bytes);
        return file;
    }

    /**
     * Reads a CSV written by {@link #write} (gzipped or not), the columns of {@code runs.csv} and {@code checks.csv}
     * with the types they were written with (left to itself, Tablesaw would read a column of
     * {@code 0.0} as integers); one-line error naming the file when it is missing or unreadable.
     */
    public static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ScratchnetException(file + " does not exist; run the sweep or notebook that writes it");
        }
        try (InputStream in = file.getFileName().toString().endsWith(GZ)
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return Table.read().usingOptions(CsvReadOptions.builder(in)
                    .tableName(file.getFileName().toString())
                    .columnTypesPartial(name -> Optional.ofNullable(KNOWN_TYPES.get(name))));
        } catch (IOException | RuntimeException e) {
            throw new ScratchnetException("cannot read " + file + " (" + e.getMessage() + "); delete it and run the"
                    + " sweep again to rebuild it", e);
        }
    }

    /**
     * Puts the rows of {@code runs} into the combined table at {@code combined} (created if
     * absent): rows of the same questions are replaced, rows of other questions kept, and the
     * result sorted by question, then run id. Returns the combined table.
     */
    public static Table publish(Table runs, Path combined) {
        Table all = runs.copy();
        if (Files.exists(combined)) {
            Table before = upgrade(read(combined), runs);
            if (!before.columnNames().equals(runs.columnNames())) {
                throw new ScratchnetException(combined + " does not hold the columns this version writes; delete it"
                        + " and run the notebooks again to rebuild it");
            }
            List<String> questions = runs.stringColumn(QUESTION).unique().asList();
            all = before.where(before.stringColumn(QUESTION).isNotIn(questions)).append(runs);
        }
        Table sorted = all.sortOn(QUESTION, RUN_ID);
        sorted.setName("runs");
        write(sorted, combined);
        return sorted;
    }

    /**
     * A table of runs written by an earlier version, in the columns of {@code current}: columns in
     * today's order, and the column of a setting added since filled with the value every earlier
     * run had ({@link Setting#legacyCell}). A table it cannot bring up to date is returned as it is.
     */
    static Table upgrade(Table before, Table current) {
        if (before.columnNames().equals(current.columnNames()) || !current.columnNames().containsAll(before.columnNames())) {
            return before;
        }
        Table out = Table.create(before.name());
        for (String name : current.columnNames()) {
            if (before.columnNames().contains(name)) {
                out.addColumns(before.column(name).copy());
                continue;
            }
            Setting added = SETTING_COLUMNS.stream().filter(s -> column(s).equals(name)).findFirst().orElse(null);
            if (added == null || added.legacyCell().isEmpty()) return before;
            Column<?> c = emptyColumn(added);
            for (int i = 0; i < before.rowCount(); i++) c.appendObj(added.legacyCell().get());
            out.addColumns(c);
        }
        return out;
    }

    /** The columns that say what was trained: the ids, the question and every setting of a run but its seed. */
    public static final List<String> CONFIGURATION_COLUMNS = Stream.concat(Stream.of(CONFIG_ID, QUESTION),
            SETTING_COLUMNS.stream().filter(s -> s != Setting.SEED).map(ResultsStore::column)).toList();
}
