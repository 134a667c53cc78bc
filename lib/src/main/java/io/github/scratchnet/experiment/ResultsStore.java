package io.github.scratchnet.experiment;

import io.github.scratchnet.AtomicFiles;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.TrainConfig;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
    public static final String BATCH_SIZE = "Batch Size";
    public static final String BATCHNORM = "Batchnorm";
    public static final String LAMBDA = "Lambda";
    public static final String PATIENCE = "Patience (checks)";
    public static final String RESTORE_BEST = "Restore Best";
    public static final String SEED = "Seed";
    public static final String SPLIT_SEED = "Split Seed";
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

    private static final Map<String, ColumnType> KNOWN_TYPES = knownTypes();

    private ResultsStore() {}

    private static Map<String, ColumnType> knownTypes() {
        Map<String, ColumnType> m = new HashMap<>();
        for (Table t : List.of(runs("", List.of()), checks(List.of()))) {
            for (var c : t.columns()) m.put(c.name(), c.type());
        }
        return Map.copyOf(m);
    }

    /** One row per run, in the order given, labelled with {@code question}. */
    public static Table runs(String question, List<SweepRun> runs) {
        Table t = Table.create("runs");
        StringColumn id = StringColumn.create(RUN_ID);
        StringColumn configId = StringColumn.create(CONFIG_ID);
        StringColumn q = StringColumn.create(QUESTION);
        IntColumn batch = IntColumn.create(BATCH_SIZE);
        StringColumn bn = StringColumn.create(BATCHNORM);
        DoubleColumn lambda = DoubleColumn.create(LAMBDA);
        IntColumn patience = IntColumn.create(PATIENCE);
        BooleanColumn restore = BooleanColumn.create(RESTORE_BEST);
        LongColumn seed = LongColumn.create(SEED);
        LongColumn splitSeed = LongColumn.create(SPLIT_SEED);
        IntColumn epochs = IntColumn.create(EPOCH);
        LongColumn iterations = LongColumn.create(ITERATION);
        DoubleColumn time = DoubleColumn.create(TIME);
        DoubleColumn trainCost = DoubleColumn.create(TRAIN_COST);
        DoubleColumn trainAcc = DoubleColumn.create(TRAIN_ACCURACY);
        DoubleColumn valCost = DoubleColumn.create(VALIDATION_COST);
        DoubleColumn valAcc = DoubleColumn.create(VALIDATION_ACCURACY);
        DoubleColumn testAcc = DoubleColumn.create(TEST_ACCURACY);
        StringColumn stop = StringColumn.create(STOP_REASON);
        DoubleColumn lr = DoubleColumn.create("Learning Rate");
        StringColumn layers = StringColumn.create("Layers");
        IntColumn maxEpochs = IntColumn.create("Max Epochs");
        IntColumn evalEvery = IntColumn.create("Eval Every");
        for (SweepRun r : runs) {
            TrainConfig c = r.config();
            RunSummary s = r.summary();
            id.append(r.id());
            configId.append(RunId.ofConfiguration(c));
            q.append(question);
            batch.append(c.batchSize());
            bn.append(c.batchNorm().label());
            lambda.append(c.l2());
            patience.append(patienceInChecks(c));
            restore.append(c.restoreBest());
            seed.append(c.seed());
            splitSeed.append(c.splitSeed());
            epochs.append(s.epochs());
            iterations.append(s.iterations());
            time.append(s.trainTimeSeconds());
            trainCost.append(s.trainCost());
            trainAcc.append(s.trainAccuracy());
            valCost.append(s.validationCost());
            valAcc.append(s.validationAccuracy());
            testAcc.append(s.testAccuracy());
            stop.append(s.stopReason());
            lr.append(c.learningRate());
            layers.append(Arrays.stream(c.layers()).mapToObj(Integer::toString).collect(Collectors.joining("-")));
            maxEpochs.append(c.maxEpochs());
            evalEvery.append(c.evalEvery());
        }
        return t.addColumns(id, configId, q, batch, bn, lambda, patience, restore, seed, splitSeed, epochs, iterations, time, trainCost,
                trainAcc, valCost, valAcc, testAcc, stop, lr, layers, maxEpochs, evalEvery);
    }

    /**
     * The stopping rule's patience counted in validation checks (rounded up: a rule that waits
     * 150 steps with checks every 100 stops at the second check without improvement); 0 never stops.
     */
    public static int patienceInChecks(TrainConfig c) {
        return (c.patience() + c.evalEvery() - 1) / c.evalEvery();
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

    /** Writes {@code table} as CSV to {@code file} atomically (folders created as needed); one-line error on failure. */
    public static Path write(Table table, Path file) {
        StringWriter text = new StringWriter();
        table.write().csv(text);
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new ScratchnetException("cannot create the folder of " + file + " ("
                    + io.github.scratchnet.IoErrors.describe(e) + "); choose a writable folder", e);
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * Reads a CSV written by {@link #write}, the columns of {@code runs.csv} and {@code checks.csv}
     * with the types they were written with (left to itself, Tablesaw would read a column of
     * {@code 0.0} as integers); one-line error naming the file when it is missing or unreadable.
     */
    public static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ScratchnetException(file + " does not exist; run the sweep or notebook that writes it");
        }
        try {
            return Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
                    .tableName(file.getFileName().toString())
                    .columnTypesPartial(name -> Optional.ofNullable(KNOWN_TYPES.get(name))));
        } catch (RuntimeException e) {
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
            Table before = read(combined);
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

    /** The columns that say what was trained: every setting of a run but its seed. */
    public static final List<String> CONFIGURATION_COLUMNS = List.of(CONFIG_ID, QUESTION, BATCH_SIZE, BATCHNORM,
            LAMBDA, PATIENCE, RESTORE_BEST, SPLIT_SEED, "Learning Rate", "Layers", "Max Epochs", "Eval Every");
}
