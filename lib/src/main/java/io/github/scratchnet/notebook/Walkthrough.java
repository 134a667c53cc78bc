package io.github.scratchnet.notebook;

import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.GradientCheck;
import io.github.scratchnet.report.ReportNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Small helpers for the walkthrough notebook: seeded toy inputs in the report's layout, shapes,
 * compact matrix printing and the gradient-check table.
 */
public final class Walkthrough {
    /** A gradient whose relative error is below this agrees with finite differences. */
    public static final double AGREES = 1e-6;

    private Walkthrough() {}

    /** A {@code rows x cols} matrix of values uniform in [0, 1), like pixel intensities, from a seed. */
    public static DMatrixRMaj uniform(int rows, int cols, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) m.data[i] = random.nextDouble();
        return m;
    }

    /** A {@code rows x cols} matrix of standard normal values from a seed. */
    public static DMatrixRMaj gaussian(int rows, int cols, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) m.data[i] = random.nextGaussian();
        return m;
    }

    /** One-hot labels, classes x samples, with labels drawn uniformly from a seed. */
    public static DMatrixRMaj randomOneHot(int classes, int samples, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj y = new DMatrixRMaj(classes, samples);
        for (int s = 0; s < samples; s++) y.set(random.nextInt(classes), s, 1.0);
        return y;
    }

    /** A matrix from rows of numbers, e.g. {@code matrix(new double[][] {{1, 2}, {3, 4}})}. */
    public static DMatrixRMaj matrix(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    /** The toy data in the engine's format (for {@link GradientCheck}). */
    public static Dataset dataset(DMatrixRMaj x, DMatrixRMaj y) {
        return Dataset.fromColumns(x, y);
    }

    /** {@code 4 x 5}. */
    public static String shape(DMatrixRMaj m) {
        return m.numRows + " x " + m.numCols;
    }

    /** Each matrix of a map (e.g. parameters or gradients) with its shape: Name, Rows, Columns. */
    public static Table shapes(String name, Map<String, DMatrixRMaj> matrices) {
        return Table.create(name).addColumns(StringColumn.create("Name", matrices.keySet()),
                IntColumn.create("Rows", matrices.values().stream().mapToInt(m -> m.numRows).toArray()),
                IntColumn.create("Columns", matrices.values().stream().mapToInt(m -> m.numCols).toArray()));
    }

    /** The matrix as aligned text with the given decimals, one line per row, preceded by its shape. */
    public static String text(DMatrixRMaj m, int decimals) {
        String[][] cells = new String[m.numRows][m.numCols];
        int width = 0;
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                cells[i][j] = String.format(Locale.ROOT, "%." + decimals + "f", m.get(i, j));
                width = Math.max(width, cells[i][j].length());
            }
        }
        StringBuilder sb = new StringBuilder(shape(m)).append('\n');
        for (String[] row : cells) {
            sb.append("[");
            for (int j = 0; j < row.length; j++) sb.append(j == 0 ? "" : " ").append(" ".repeat(width - row[j].length())).append(row[j]);
            sb.append(" ]\n");
        }
        return sb.toString();
    }

    /**
     * Gradient-check rows of several networks in one table: Setting, Array, Max Abs Diff, Relative
     * Error, Agrees (relative error below {@link #AGREES}).
     */
    public static Table gradientTable(String name, Map<String, List<GradientCheck.Row>> rowsBySetting) {
        StringColumn setting = StringColumn.create("Setting");
        StringColumn array = StringColumn.create("Array");
        DoubleColumn maxAbs = DoubleColumn.create("Max Abs Diff");
        DoubleColumn rel = DoubleColumn.create("Relative Error");
        StringColumn agrees = StringColumn.create("Agrees");
        rowsBySetting.forEach((s, rows) -> {
            for (GradientCheck.Row r : rows) {
                setting.append(s);
                array.append(r.name());
                maxAbs.append(r.maxAbsDiff());
                rel.append(r.relativeError());
                agrees.append(r.relativeError() < AGREES ? "yes" : "NO");
            }
        });
        return Table.create(name).addColumns(setting, array, maxAbs, rel, agrees);
    }

    /**
     * The gradient check of {@link GradientCheck}, but on the report's functions: for every entry
     * of every {@code W<l>} and {@code b<l>}, the central difference of
     * {@code computeCost(lModelForward(X))} against {@code lModelBackward}. The parameters are
     * changed during the check and restored afterwards.
     */
    public static List<GradientCheck.Row> reportGradientCheck(DMatrixRMaj x, DMatrixRMaj y, Map<String, DMatrixRMaj> parameters,
            boolean useBatchnorm, double lambda) {
        var forward = ReportNetwork.lModelForward(x, parameters, useBatchnorm);
        Map<String, DMatrixRMaj> grads = ReportNetwork.lModelBackward(forward.output(), y, forward.cache(), lambda);
        List<GradientCheck.Row> rows = new ArrayList<>();
        for (Map.Entry<String, DMatrixRMaj> e : parameters.entrySet()) {
            rows.add(GradientCheck.compare(e.getKey(), e.getValue(), grads.get("d" + e.getKey()),
                    () -> ReportNetwork.computeCost(ReportNetwork.lModelForward(x, parameters, useBatchnorm).output(), y,
                            parameters, lambda)));
        }
        return rows;
    }

    /** The largest relative error in a set of gradient checks. */
    public static double worst(Map<String, List<GradientCheck.Row>> rowsBySetting) {
        return rowsBySetting.values().stream().flatMap(List::stream).mapToDouble(GradientCheck.Row::relativeError).max()
                .orElse(Double.NaN);
    }
}
