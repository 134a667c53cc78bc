package io.github.scratchnet.experiment;

import io.github.scratchnet.train.TrainConfig;
import java.util.List;
import java.util.Map;

/**
 * The runs of one configuration over several seeds, summarised: mean and sample standard
 * deviation (n - 1 in the denominator, as pandas' {@code std()}; NaN for a single run) of each
 * column in {@link SweepTables#STATISTIC_COLUMNS}.
 *
 * @param configId {@link RunId#ofConfiguration} of the configuration
 * @param config the configuration of the group's first run (its seed is that run's)
 * @param seeds the seeds of the runs, in sweep order
 * @param stats per column name ({@code "Validation Accuracy"}, ...), its mean and deviation
 * @param stopReasons how many runs stopped for each reason ({@code early_stopping}, ...)
 */
public record ConfigStats(String configId, TrainConfig config, List<Long> seeds, Map<String, Stat> stats,
        Map<String, Integer> stopReasons) {

    /** Mean and sample standard deviation of one column. */
    public record Stat(double mean, double std) {}

    public ConfigStats {
        seeds = List.copyOf(seeds);
        stats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stats));
        stopReasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stopReasons));
    }

    /** The number of runs (seeds) in the group. */
    public int runs() {
        return seeds.size();
    }

    public double mean(String column) {
        return stat(column).mean();
    }

    public double std(String column) {
        return stat(column).std();
    }

    public Stat stat(String column) {
        Stat s = stats.get(column);
        if (s == null) throw new IllegalArgumentException("no statistics for '" + column + "'; columns: " + stats.keySet());
        return s;
    }
}
