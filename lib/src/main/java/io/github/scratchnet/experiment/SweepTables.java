package io.github.scratchnet.experiment;

import io.github.scratchnet.AtomicFiles;
import io.github.scratchnet.experiment.Sheet.Col;
import io.github.scratchnet.experiment.Sheet.Type;
import io.github.scratchnet.train.TrainConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The two tables of a sweep: one row per run ({@code summary.csv}, the report's columns first)
 * and one row per configuration over its seeds ({@code summary-by-config.csv}, mean and standard
 * deviation). Both are available as Tablesaw tables and written as CSV.
 */
public final class SweepTables {
    /** The columns of {@code summary.csv}, in order; the first ten are the report's table. */
    public static final List<String> SUMMARY_COLUMNS = List.of("Batch Size", "Epoch Number", "Iteration",
            "Train Time in sec", "Lambda", "Train Cost", "Train Accuracy", "Validation Cost", "Validation Accuracy",
            "Test Accuracy", "Batchnorm", "Seed", "Stop Reason", "Patience", "Restore Best", "Learning Rate",
            "Layers", "Max Epochs", "Run Id");

    /** The numeric columns averaged over seeds in {@code summary-by-config.csv}. */
    public static final List<String> STATISTIC_COLUMNS = List.of("Epoch Number", "Iteration", "Train Time in sec",
            "Train Cost", "Train Accuracy", "Validation Cost", "Validation Accuracy", "Test Accuracy");

    private static final Map<String, ToDoubleFunction<RunSummary>> STATISTICS = statistics();

    private SweepTables() {}

    /** One row per run, in the order given. */
    public static Table summary(List<SweepRun> runs) {
        return summarySheet(runs).table("summary");
    }

    /** Writes {@link #summary} as CSV, atomically. */
    public static void writeSummary(List<SweepRun> runs, Path csv) {
        AtomicFiles.write(csv, summarySheet(runs).csv());
    }

    /**
     * Groups the runs by configuration (every field but the seed), in order of first appearance,
     * with the mean and standard deviation of each {@link #STATISTIC_COLUMNS} column.
     */
    public static List<ConfigStats> byConfiguration(List<SweepRun> runs) {
        Map<String, List<SweepRun>> groups = new LinkedHashMap<>();
        for (SweepRun r : runs) groups.computeIfAbsent(RunId.ofConfiguration(r.config()), k -> new ArrayList<>()).add(r);
        List<ConfigStats> out = new ArrayList<>();
        groups.forEach((id, group) -> {
            Map<String, ConfigStats.Stat> stats = new LinkedHashMap<>();
            STATISTICS.forEach((column, f) -> {
                double[] x = group.stream().mapToDouble(r -> f.applyAsDouble(r.summary())).toArray();
                stats.put(column, meanAndStd(x));
            });
            Map<String, Integer> reasons = new LinkedHashMap<>();
            for (SweepRun r : group) reasons.merge(r.summary().stopReason(), 1, Integer::sum);
            out.add(new ConfigStats(id, group.get(0).config(), group.stream().map(r -> r.config().seed()).toList(),
                    stats, reasons));
        });
        return out;
    }

    /** {@link #byConfiguration} as a table: the configuration, then a Mean and a Std column per statistic. */
    public static Table byConfigurationTable(List<ConfigStats> stats) {
        return byConfigurationSheet(stats).table("summary-by-config");
    }

    /** Writes {@link #byConfigurationTable} as CSV, atomically. */
    public static void writeByConfiguration(List<ConfigStats> stats, Path csv) {
        AtomicFiles.write(csv, byConfigurationSheet(stats).csv());
    }

    /** Mean and sample standard deviation; the deviation of one value is NaN, as in pandas. */
    static ConfigStats.Stat meanAndStd(double[] x) {
        if (x.length == 0) return new ConfigStats.Stat(Double.NaN, Double.NaN);
        double sum = 0;
        for (double v : x) sum += v;
        double mean = sum / x.length;
        if (x.length == 1) return new ConfigStats.Stat(mean, Double.NaN);
        // Two passes: the one-pass formula loses digits when the deviation is small next to the mean.
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        return new ConfigStats.Stat(mean, Math.sqrt(ss / (x.length - 1)));
    }

    static Sheet summarySheet(List<SweepRun> runs) {
        List<Type> types = List.of(Type.INT, Type.INT, Type.LONG, Type.DOUBLE, Type.DOUBLE, Type.DOUBLE, Type.DOUBLE,
                Type.DOUBLE, Type.DOUBLE, Type.DOUBLE, Type.STRING, Type.LONG, Type.STRING, Type.INT, Type.BOOLEAN,
                Type.DOUBLE, Type.STRING, Type.INT, Type.STRING);
        List<Col> cols = new ArrayList<>();
        for (int i = 0; i < SUMMARY_COLUMNS.size(); i++) cols.add(new Col(SUMMARY_COLUMNS.get(i), types.get(i)));
        Sheet sheet = new Sheet(cols);
        for (SweepRun r : runs) {
            RunSummary s = r.summary();
            TrainConfig c = r.config();
            sheet.add(Arrays.asList(s.batchSize(), s.epochs(), s.iterations(), s.trainTimeSeconds(), s.lambda(),
                    s.trainCost(), s.trainAccuracy(), s.validationCost(), s.validationAccuracy(), s.testAccuracy(),
                    s.batchNorm(), s.seed(), s.stopReason(), c.patience(), c.restoreBest(), c.learningRate(),
                    layers(c), c.maxEpochs(), r.id()));
        }
        return sheet;
    }

    static Sheet byConfigurationSheet(List<ConfigStats> stats) {
        List<Col> cols = new ArrayList<>(List.of(new Col("Config", Type.STRING), new Col("Batch Size", Type.INT),
                new Col("Lambda", Type.DOUBLE), new Col("Batchnorm", Type.STRING), new Col("Patience", Type.INT),
                new Col("Restore Best", Type.BOOLEAN), new Col("Learning Rate", Type.DOUBLE),
                new Col("Layers", Type.STRING), new Col("Max Epochs", Type.INT), new Col("Runs", Type.INT),
                new Col("Seeds", Type.STRING), new Col("Stop Reasons", Type.STRING)));
        for (String s : STATISTIC_COLUMNS) {
            cols.add(new Col(s + " Mean", Type.DOUBLE));
            cols.add(new Col(s + " Std", Type.DOUBLE));
        }
        Sheet sheet = new Sheet(cols);
        for (ConfigStats g : stats) {
            TrainConfig c = g.config();
            List<Object> row = new ArrayList<>(List.of(g.configId(), c.batchSize(), c.l2(), c.batchNorm().label(),
                    c.patience(), c.restoreBest(), c.learningRate(), layers(c), c.maxEpochs(), g.runs(),
                    g.seeds().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    g.stopReasons().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                            .collect(Collectors.joining(" "))));
            for (String s : STATISTIC_COLUMNS) {
                row.add(g.mean(s));
                row.add(g.std(s));
            }
            sheet.add(row);
        }
        return sheet;
    }

    private static String layers(TrainConfig c) {
        return Arrays.stream(c.layers()).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    private static Map<String, ToDoubleFunction<RunSummary>> statistics() {
        Map<String, ToDoubleFunction<RunSummary>> m = new LinkedHashMap<>();
        m.put("Epoch Number", RunSummary::epochs);
        m.put("Iteration", RunSummary::iterations);
        m.put("Train Time in sec", RunSummary::trainTimeSeconds);
        m.put("Train Cost", RunSummary::trainCost);
        m.put("Train Accuracy", RunSummary::trainAccuracy);
        m.put("Validation Cost", RunSummary::validationCost);
        m.put("Validation Accuracy", RunSummary::validationAccuracy);
        m.put("Test Accuracy", RunSummary::testAccuracy);
        if (!List.copyOf(m.keySet()).equals(STATISTIC_COLUMNS)) throw new AssertionError("statistic columns out of step");
        return java.util.Collections.unmodifiableMap(m);
    }
}
