package io.github.scratchnet.experiment;

import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The tidy tables of every sweep as committed with the project, {@code STORE/<label>/runs.csv.gz}
 * and {@code checks.csv.gz}, with the model files of the few runs whose networks the notebooks
 * draw in {@code STORE/<label>/models/<id>.npz}: what lets a reader run every cell of a notebook
 * on a fresh clone without training. A {@link Sweep} built with a store reuses a run found there
 * when its own folder does not hold it; the tables hold every number a run file does (written
 * with {@link Double#toString}, so read back bit for bit), apart from the per-check model.
 *
 * <p>{@link StoreComparison} checks a freshly trained sweep against these tables, and
 * {@link #publish} replaces them with a sweep's.
 */
public final class CommittedStore {
    /** The file names inside a label's folder. */
    public static final String RUNS = ResultsStore.RUNS_CSV + ".gz";
    public static final String CHECKS = ResultsStore.CHECKS_CSV + ".gz";
    public static final String MODELS = "models";
    /**
     * In a sweep's own folder: the ids of the runs whose networks a notebook drew, one per line,
     * written by the notebook as it loads them; {@link #publish} copies their model files.
     */
    public static final String DRAWN = "drawn-models.txt";

    private final Path root;
    private final Map<String, Label> labels = new HashMap<>();

    /** The runs of one label, indexed by run id; read on first use. */
    private record Label(Table runs, Map<String, Integer> rowOf, Map<String, List<Check>> checks, Path models) {}

    public CommittedStore(Path root) {
        this.root = root;
    }

    /** The store's folder. */
    public Path root() {
        return root;
    }

    /** True when the store holds tables for {@code label}. */
    public boolean has(String label) {
        return Files.isRegularFile(root.resolve(label).resolve(RUNS));
    }

    /**
     * The finished run of {@code config} as the store holds it under {@code label}, or empty when
     * it holds none (or holds the id for another configuration, which a changed id scheme could
     * cause: that run is trained instead).
     */
    public synchronized Optional<SweepRun> find(String label, TrainConfig config) {
        if (!has(label)) return Optional.empty();
        Label l = labels.computeIfAbsent(label, this::read);
        String id = RunId.of(config);
        Integer i = l.rowOf().get(id);
        if (i == null) return Optional.empty();
        Row row = l.runs().row(i);
        if (!row.getString(ResultsStore.CONFIG_ID).equals(RunId.ofConfiguration(config))) return Optional.empty();
        Path model = l.models().resolve(id + ".npz");
        return Optional.of(new SweepRun(config, summary(config, row), l.checks().getOrDefault(id, List.of()), true,
                null, Files.isRegularFile(model) ? model : null, null));
    }

    private Label read(String label) {
        Path dir = root.resolve(label);
        Table runs = ResultsStore.read(dir.resolve(RUNS));
        // (a Tablesaw Row is a cursor that moves on, so rows are kept by index)
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < runs.rowCount(); i++) rowOf.put(runs.stringColumn(ResultsStore.RUN_ID).get(i), i);
        Map<String, List<Check>> checks = new HashMap<>();
        for (Row r : ResultsStore.read(dir.resolve(CHECKS))) {
            checks.computeIfAbsent(r.getString(ResultsStore.RUN_ID), k -> new ArrayList<>())
                    .add(new Check(r.getLong(ResultsStore.ITERATION), r.getInt(ResultsStore.EPOCH_OF_CHECK),
                            r.getDouble(ResultsStore.TRAIN_COST), r.getDouble(ResultsStore.VALIDATION_COST),
                            r.getDouble(ResultsStore.VALIDATION_ACCURACY), r.getDouble(ResultsStore.SECONDS)));
        }
        return new Label(runs, rowOf, checks, dir.resolve(MODELS));
    }

    /** The summary a run file would hold, from its row: the table keeps the epoch as the protocol counts it. */
    private static RunSummary summary(TrainConfig c, Row r) {
        int epochNumber = r.getInt(ResultsStore.EPOCH);
        int epochs = c.protocol().counting() == Protocol.Counting.REPORT ? epochNumber + 1 : epochNumber;
        return new RunSummary(c.batchSize(), c.batchNorm().label(), c.l2(), c.seed(), epochs, epochNumber,
                r.getLong(ResultsStore.ITERATION), r.getDouble(ResultsStore.TIME), r.getDouble(ResultsStore.TRAIN_COST),
                r.getDouble(ResultsStore.TRAIN_ACCURACY), r.getDouble(ResultsStore.VALIDATION_COST),
                r.getDouble(ResultsStore.VALIDATION_ACCURACY), r.getDouble(ResultsStore.TEST_ACCURACY),
                r.getString(ResultsStore.STOP_REASON));
    }

    /**
     * Replaces the store's tables of {@code label} with those of the sweep folder {@code sweepDir}
     * (gzipped), and its model files with those of the runs listed in the sweep's {@link #DRAWN}.
     * Returns the number of model files kept.
     */
    public int publish(String label, Path sweepDir) {
        Path dir = root.resolve(label);
        Path models = dir.resolve(MODELS);
        try {
            Files.createDirectories(models);
            ResultsStore.write(ResultsStore.read(sweepDir.resolve(ResultsStore.RUNS_CSV)), dir.resolve(RUNS));
            ResultsStore.write(ResultsStore.read(sweepDir.resolve(ResultsStore.CHECKS_CSV)), dir.resolve(CHECKS));
            List<String> drawn = Files.isRegularFile(sweepDir.resolve(DRAWN))
                    ? Files.readAllLines(sweepDir.resolve(DRAWN)).stream().map(String::strip).filter(s -> !s.isEmpty())
                            .distinct().toList()
                    : List.of();
            try (var old = Files.list(models)) {
                for (Path p : old.toList()) Files.delete(p);
            }
            for (String id : drawn) {
                Path npz = sweepDir.resolve(Sweep.RUNS).resolve(id + ".npz");
                if (!Files.isRegularFile(npz)) {
                    throw new ScratchnetException(sweepDir.resolve(DRAWN) + " lists run " + id + ", whose model file "
                            + npz + " is missing; run the notebook again");
                }
                Files.copy(npz, models.resolve(id + ".npz"));
            }
            labels.remove(label);
            return drawn.size();
        } catch (IOException e) {
            throw new ScratchnetException("cannot write the committed store " + dir + " (" + IoErrors.describe(e) + ")", e);
        }
    }
}
