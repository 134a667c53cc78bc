package io.github.scratchnet.stats;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.ResultsStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.table.TableSlice;
import tech.tablesaw.table.TableSliceGroup;

/**
 * Tables over seeds, from the per-run table of the results store ({@link ResultsStore#runs}): one
 * row per configuration with means and standard deviations, the confidence interval of one
 * column, and paired comparisons of two settings that were trained with the same seeds.
 * Configurations are told apart by {@link ResultsStore#CONFIG_ID}; rows keep the order in which
 * each configuration first appears.
 */
public final class SeedSummary {
    /** The column that counts the seeds of a configuration. */
    public static final String SEEDS = "Seeds";
    /** The suffix of a standard-deviation column: {@code Test Accuracy Std}. */
    public static final String STD = " Std";
    /** The column of a paired t-test's two-sided p-value. */
    public static final String P_VALUE = "P Value";
    /** The column of a p-value after {@link Holm}'s correction over the rows of its table. */
    public static final String HOLM_P = "Holm P";
    /** The column of how many tests the family of a paired table's {@link #HOLM_P} holds. */
    public static final String FAMILY = "Tests in Family";

    private SeedSummary() {}

    /**
     * One row per configuration: {@code columns} in the order given, settings (such as Batch Size
     * and Lambda, the same on every seed) as they are and everything else as the mean over seeds;
     * then {@code <column> Std} (sample standard deviation, NaN for one seed) for each averaged
     * column; then {@link #SEEDS}.
     */
    public static Table of(Table runs, List<String> columns) {
        List<String> averaged = columns.stream().filter(c -> !ResultsStore.CONFIGURATION_COLUMNS.contains(c)).toList();
        Table out = Table.create(runs.name());
        for (String c : columns) {
            out.addColumns(averaged.contains(c) ? DoubleColumn.create(c) : runs.column(c).emptyCopy());
        }
        for (String c : averaged) out.addColumns(DoubleColumn.create(c + STD));
        IntColumn seeds = IntColumn.create(SEEDS);
        out.addColumns(seeds);
        for (Table group : groups(runs)) {
            for (String c : columns) {
                if (averaged.contains(c)) out.doubleColumn(c).append(numbers(group, c).mean());
                else out.column(c).appendObj(group.column(c).get(0));
            }
            for (String c : averaged) {
                out.doubleColumn(c + STD).append(group.rowCount() > 1 ? numbers(group, c).standardDeviation() : Double.NaN);
            }
            seeds.append(group.rowCount());
        }
        return out;
    }

    /**
     * One row per configuration: the {@code settings} columns, then the mean of {@code column}
     * over seeds with its {@link Interval#LEVEL} t interval ({@code Mean}, {@code CI Low},
     * {@code CI High}), the smallest and largest value and {@link #SEEDS}.
     */
    public static Table interval(Table runs, String column, List<String> settings) {
        Table out = Table.create(column + " over seeds");
        for (String s : settings) out.addColumns(runs.column(s).emptyCopy());
        out.addColumns(DoubleColumn.create("Mean"), DoubleColumn.create("CI Low"), DoubleColumn.create("CI High"),
                DoubleColumn.create("Min"), DoubleColumn.create("Max"), IntColumn.create(SEEDS));
        for (Table group : groups(runs)) {
            for (String s : settings) out.column(s).appendObj(group.column(s).get(0));
            double[] v = numbers(group, column).asDoubleArray();
            Interval i = Interval.of(v);
            out.doubleColumn("Mean").append(i.mean());
            out.doubleColumn("CI Low").append(i.low());
            out.doubleColumn("CI High").append(i.high());
            out.doubleColumn("Min").append(numbers(group, column).min());
            out.doubleColumn("Max").append(numbers(group, column).max());
            out.intColumn(SEEDS).append(v.length);
        }
        return out;
    }

    /**
     * The mean difference of {@code column} between two sets of runs of one configuration each,
     * {@code a} minus {@code b}, paired by seed (so each pair shares its initialisation and batch
     * order), with its t interval.
     *
     * @throws ScratchnetException when a seed of one set is missing from the other
     */
    public static Interval difference(Table a, Table b, String column) {
        return differenceOn(a, b, column, List.of(ResultsStore.SEED));
    }

    /**
     * The mean difference of {@code column}, {@code a} minus {@code b}, over the runs paired by the
     * values of the {@code keys} columns (e.g. Batch Size and Seed: one pair per batch size and
     * seed), with its t interval.
     *
     * @throws ScratchnetException when a key of one set is missing from the other or appears twice
     */
    public static Interval differenceOn(Table a, Table b, String column, List<String> keys) {
        Map<List<Object>, Double> partners = new LinkedHashMap<>();
        for (Row r : b) {
            if (partners.put(key(r, keys), number(r, column)) != null) throw twice(r, keys, "second");
        }
        List<double[]> pairs = new ArrayList<>();
        java.util.Set<List<Object>> seen = new java.util.HashSet<>();
        for (Row r : a) {
            List<Object> k = key(r, keys);
            if (!seen.add(k)) throw twice(r, keys, "first");
            Double other = partners.remove(k);
            if (other == null) {
                throw new ScratchnetException(describe(keys, k) + " of the first set of runs is missing"
                        + " from the second; train both settings with the same " + plural(keys));
            }
            pairs.add(new double[] {number(r, column), other});
        }
        if (!partners.isEmpty()) {
            throw new ScratchnetException(describe(keys, partners.keySet().iterator().next()) + " of the second set of runs is"
                    + " missing from the first; train both settings with the same " + plural(keys));
        }
        return Interval.paired(pairs.stream().mapToDouble(x -> x[0]).toArray(), pairs.stream().mapToDouble(x -> x[1]).toArray());
    }

    private static List<Object> key(Row r, List<String> keys) {
        List<Object> k = new ArrayList<>();
        for (String c : keys) k.add(r.getObject(c));
        return k;
    }

    /** {@code seed 3} or {@code batch size 16, seed 3}. */
    private static String describe(List<String> keys, List<Object> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) parts.add(keys.get(i).toLowerCase(java.util.Locale.ROOT) + " " + values.get(i));
        return String.join(", ", parts);
    }

    private static String plural(List<String> keys) {
        return keys.equals(List.of(ResultsStore.SEED)) ? "seeds" : String.join(" and ", keys).toLowerCase(java.util.Locale.ROOT) + " values";
    }

    /**
     * The table to read beside {@link #of}'s numbers (which stay for the CSV): one row per
     * configuration, the configuration columns of {@code columns} (Batch Size, Lambda, ...) as they
     * are and every other column as a string {@code mean ± sd} over seeds written by {@link #format}
     * (just the mean for one seed), then {@link #SEEDS}.
     */
    public static Table meanSd(Table runs, List<String> columns) {
        return meanSd(runs, columns, groups(runs), columns.stream().filter(ResultsStore.CONFIGURATION_COLUMNS::contains).toList());
    }

    /**
     * {@link #meanSd(Table, List)} with one row per distinct combination of the {@code groupBy}
     * columns' values (in order of first appearance) instead of per configuration: e.g. Batch Size
     * and Lambda for a table that folds seeds and stopping rules of one (batch size, λ) together.
     * The {@code groupBy} columns come first, as they are; {@code columns} must not repeat them.
     */
    public static Table meanSd(Table runs, List<String> columns, List<String> groupBy) {
        Map<List<Object>, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < runs.rowCount(); i++) rows.computeIfAbsent(key(runs.row(i), groupBy), k -> new ArrayList<>()).add(i);
        List<Table> groups = rows.values().stream().map(r -> runs.rows(r.stream().mapToInt(Integer::intValue).toArray())).toList();
        List<String> all = new ArrayList<>(groupBy);
        all.addAll(columns);
        return meanSd(runs, all, groups, groupBy);
    }

    private static Table meanSd(Table runs, List<String> columns, List<Table> groups, List<String> asTheyAre) {
        Table out = Table.create(runs.name());
        for (String c : columns) out.addColumns(asTheyAre.contains(c) ? runs.column(c).emptyCopy() : StringColumn.create(c));
        IntColumn seeds = IntColumn.create(SEEDS);
        out.addColumns(seeds);
        for (Table group : groups) {
            for (String c : columns) {
                if (asTheyAre.contains(c)) {
                    out.column(c).appendObj(group.column(c).get(0));
                    continue;
                }
                NumericColumn<?> v = numbers(group, c);
                out.stringColumn(c).append(group.rowCount() == 1 ? format(c, v.mean())
                        : format(c, v.mean()) + " ± " + format(c, v.standardDeviation()));
            }
            seeds.append(group.rowCount());
        }
        return out;
    }

    /**
     * How {@link #meanSd} writes a number of {@code column}: four decimals for accuracies and
     * costs, one for epochs and seconds (a mean of whole epochs over seeds needs one), none for
     * iterations and steps (thousands), and four significant digits for any other column (such as
     * a weight shrink of 0.00002).
     */
    public static String format(String column, double value) {
        String c = column.toLowerCase(java.util.Locale.ROOT);
        String f = c.contains("accuracy") || c.contains("cost") ? "%.4f"
                : c.contains("iteration") || c.contains("step") ? "%.0f"
                : c.startsWith("epoch") || c.contains("sec") || c.contains("time") ? "%.1f" : "%.4g";
        return String.format(java.util.Locale.ROOT, f, value);
    }

    /** Half the width of each row's interval of an {@link #interval} table, e.g. the error bars of a chart. */
    public static double[] halfWidths(Table interval) {
        return interval.doubleColumn("CI High").subtract(interval.doubleColumn("CI Low")).multiply(0.5).asDoubleArray();
    }

    /**
     * {@link #difference} for each value of {@code matchOn} (e.g. the batch size) in {@code a}: the
     * mean difference with its t interval, the paired t-test's p-value ({@code P Value}), its
     * {@link Holm} adjustment over the rows of the table, one family ({@code Holm P}), and whether
     * the difference is separated from 0 after that correction ({@code Separated}).
     */
    public static Table paired(Table a, Table b, String column, String matchOn) {
        Table out = Table.create(column + ": paired differences");
        out.addColumns(a.column(matchOn).emptyCopy(), IntColumn.create(SEEDS), DoubleColumn.create("Mean Difference"),
                DoubleColumn.create("CI Low"), DoubleColumn.create("CI High"), DoubleColumn.create(P_VALUE),
                DoubleColumn.create(HOLM_P), BooleanColumn.create("Separated"), IntColumn.create(FAMILY));
        List<PairedTest> tests = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (Row r : a) if (!keys.contains(r.getObject(matchOn))) keys.add(r.getObject(matchOn));
        for (Object key : keys) {
            Interval i;
            try {
                i = difference(only(a, matchOn, key), only(b, matchOn, key), column);
            } catch (ScratchnetException e) {
                throw new ScratchnetException(matchOn + " " + key + ": " + e.getMessage(), e);
            }
            out.column(matchOn).appendObj(key);
            out.intColumn(SEEDS).append(i.n());
            out.doubleColumn("Mean Difference").append(i.mean());
            out.doubleColumn("CI Low").append(i.low());
            out.doubleColumn("CI High").append(i.high());
            tests.add(PairedTest.of(matchOn + " " + key, i));
        }
        Holm holm = Holm.of(tests);
        for (int k = 0; k < holm.size(); k++) {
            out.doubleColumn(P_VALUE).append(holm.test(k).p());
            out.doubleColumn(HOLM_P).append(holm.adjustedP(k));
            out.booleanColumn("Separated").append(holm.separated(k));
            out.intColumn(FAMILY).append(holm.size());
        }
        return out;
    }

    /**
     * Several {@link #paired} tables that answer one question (e.g. normalize − off and full − off,
     * each at every batch size) as one family of tests: copies, in the order given, whose
     * {@link #HOLM_P}, {@code Separated} and {@link #FAMILY} are recomputed over all their rows
     * together.
     */
    public static List<Table> oneFamily(List<Table> paired) {
        int m = paired.stream().mapToInt(Table::rowCount).sum();
        double[] p = paired.stream().flatMapToDouble(t -> t.doubleColumn(P_VALUE).asList().stream().mapToDouble(Double::doubleValue))
                .toArray();
        double[] adjusted = Holm.adjust(p);
        List<Table> out = new ArrayList<>();
        int k = 0;
        for (Table t : paired) {
            Table copy = t.copy();
            for (int i = 0; i < copy.rowCount(); i++, k++) {
                copy.doubleColumn(HOLM_P).set(i, adjusted[k]);
                copy.booleanColumn("Separated").set(i, adjusted[k] <= Holm.ALPHA);
                copy.intColumn(FAMILY).set(i, m);
            }
            out.add(copy);
        }
        return out;
    }

    private static ScratchnetException twice(Row r, List<String> keys, String which) {
        return new ScratchnetException(describe(keys, key(r, keys)) + " appears twice in the " + which
                + " set of runs; pass the runs of one configuration (e.g. one stopping rule) per set");
    }

    private static Table only(Table t, String column, Object value) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) if (value.equals(t.column(column).get(i))) rows.add(i);
        return t.rows(rows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The runs of each configuration, in order of first appearance. */
    static List<Table> groups(Table runs) {
        if (!runs.columnNames().contains(ResultsStore.CONFIG_ID)) {
            throw new ScratchnetException("the table has no " + ResultsStore.CONFIG_ID + " column; pass a table of runs"
                    + " from runs.csv");
        }
        TableSliceGroup split = runs.splitOn(ResultsStore.CONFIG_ID);
        Map<String, Table> byId = new LinkedHashMap<>();
        for (TableSlice s : split) byId.put(s.asTable().stringColumn(ResultsStore.CONFIG_ID).get(0), s.asTable());
        List<Table> out = new ArrayList<>();
        for (String id : runs.stringColumn(ResultsStore.CONFIG_ID)) {
            Table t = byId.remove(id);
            if (t != null) out.add(t);
        }
        return out;
    }

    private static NumericColumn<?> numbers(Table t, String column) {
        if (!(t.column(column) instanceof NumericColumn<?> n)) {
            throw new ScratchnetException("column " + column + " is not numeric; averages are taken of numbers only");
        }
        return n;
    }

    private static double number(Row r, String column) {
        Object v = r.getObject(column);
        if (!(v instanceof Number n)) throw new ScratchnetException("column " + column + " is not numeric");
        return n.doubleValue();
    }
}
