package io.github.scratchnet.experiment;

import io.github.scratchnet.train.TrainConfig;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/** What {@link Sweep#run} returns: one {@link SweepRun} per requested configuration, in request order. */
public final class SweepResult implements Iterable<SweepRun> {
    private final List<SweepRun> runs;
    private final Path dir;
    private final String label;

    SweepResult(List<SweepRun> runs, Path dir, String label) {
        this.runs = List.copyOf(runs);
        this.dir = dir;
        this.label = label;
    }

    /** The runs, in the order of the configurations given to {@link Sweep#run}. */
    public List<SweepRun> runs() {
        return runs;
    }

    public SweepRun get(int index) {
        return runs.get(index);
    }

    /** The run of {@code config}. */
    public SweepRun get(TrainConfig config) {
        for (SweepRun r : runs) if (r.config().equals(config)) return r;
        throw new IllegalArgumentException("the sweep has no run " + RunId.of(config));
    }

    /** The run whose {@link RunId} is {@code id} (e.g. from the Run Id column of {@code runs.csv}). */
    public SweepRun get(String id) {
        for (SweepRun r : runs) if (r.id().equals(id)) return r;
        throw new IllegalArgumentException("the sweep has no run " + id);
    }

    public int size() {
        return runs.size();
    }

    @Override
    public Iterator<SweepRun> iterator() {
        return runs.iterator();
    }

    /** How many runs were found finished on disk. */
    public int reusedCount() {
        return (int) runs.stream().filter(SweepRun::reused).count();
    }

    /** How many runs this sweep trained. */
    public int computedCount() {
        return runs.size() - reusedCount();
    }

    /** The output folder, or empty for a sweep kept in memory. */
    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** The label of the sweep's rows (the Question column of {@code runs.csv}). */
    public String label() {
        return label;
    }

    /** {@code DIR/runs.csv}, or empty for a sweep kept in memory. */
    public Optional<Path> runsCsv() {
        return dir().map(d -> d.resolve(ResultsStore.RUNS_CSV));
    }

    /** {@code DIR/checks.csv}, or empty for a sweep kept in memory. */
    public Optional<Path> checksCsv() {
        return dir().map(d -> d.resolve(ResultsStore.CHECKS_CSV));
    }

    /** One row per run ({@link ResultsStore#runs}), in request order. */
    public Table runsTable() {
        return ResultsStore.runs(label, runs);
    }

    /** One row per validation check of every run ({@link ResultsStore#checks}). */
    public Table checksTable() {
        return ResultsStore.checks(runs);
    }
}
