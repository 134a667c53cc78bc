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

    SweepResult(List<SweepRun> runs, Path dir) {
        this.runs = List.copyOf(runs);
        this.dir = dir;
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

    /** {@code DIR/summary.csv}, or empty for a sweep kept in memory. */
    public Optional<Path> summaryCsv() {
        return dir().map(d -> d.resolve(Sweep.SUMMARY_CSV));
    }

    /** {@code DIR/summary-by-config.csv}, written when the sweep has several seeds; else empty. */
    public Optional<Path> byConfigurationCsv() {
        return dir().filter(d -> Sweep.severalSeeds(runs.stream().map(SweepRun::config).toList()))
                .map(d -> d.resolve(Sweep.BY_CONFIG_CSV));
    }

    /** The summary table: one row per run ({@link SweepTables#SUMMARY_COLUMNS}). */
    public Table table() {
        return SweepTables.summary(runs);
    }

    /** Per configuration, the mean and standard deviation over its seeds. */
    public List<ConfigStats> byConfiguration() {
        return SweepTables.byConfiguration(runs);
    }

    /** {@link #byConfiguration} as a table. */
    public Table byConfigurationTable() {
        return SweepTables.byConfigurationTable(byConfiguration());
    }
}
