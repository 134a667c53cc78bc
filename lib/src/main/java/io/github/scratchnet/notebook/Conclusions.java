package io.github.scratchnet.notebook;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.nn.Parameters;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.experiment.ResultsStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.NumberColumn;

/**
 * What notebook 06 computes about L2, rather than typing it: the lambda that validation accuracy
 * picks, the report's cost scale against ours, how L2 changes the weights, and how much the penalty
 * alone shrinks them per epoch. Sentences come as short HTML paragraphs; the comparisons over seeds
 * are in {@link io.github.scratchnet.stats.Verdicts}.
 */
public final class Conclusions {

    private Conclusions() {}

    /** The summaries of some runs, in order. */
    public static List<RunSummary> summaries(Iterable<SweepRun> runs) {
        List<RunSummary> out = new ArrayList<>();
        for (SweepRun r : runs) out.add(r.summary());
        return out;
    }

    // ---- lambda -----------------------------------------------------------------------------

    /** The runs of one lambda, summarised. */
    public record LambdaScore(double lambda, int runs, double meanValidationAccuracy, double meanTestAccuracy) {}

    /** One score per lambda, in order of first appearance. */
    public static List<LambdaScore> lambdaScores(List<RunSummary> runs) {
        Map<Double, List<RunSummary>> groups = new LinkedHashMap<>();
        for (RunSummary r : nonEmpty(runs)) groups.computeIfAbsent(r.lambda(), k -> new ArrayList<>()).add(r);
        List<LambdaScore> out = new ArrayList<>();
        groups.forEach((lambda, g) -> out.add(new LambdaScore(lambda, g.size(),
                mean(g.stream().mapToDouble(RunSummary::validationAccuracy).average()),
                mean(g.stream().mapToDouble(RunSummary::testAccuracy).average()))));
        return out;
    }

    /**
     * The lambda with the highest mean validation accuracy over its runs (the test set plays no
     * part); of equal ones, the smaller lambda.
     */
    public static LambdaScore pickLambda(List<RunSummary> runs) {
        return lambdaScores(runs).stream().max(Comparator.comparingDouble(LambdaScore::meanValidationAccuracy)
                .thenComparing(Comparator.comparingDouble(LambdaScore::lambda).reversed())).orElseThrow();
    }

    /** The lambda picked, its margin over the runner-up, and whether it agrees with {@code reportLambda}. */
    public static String lambdaVerdict(String setting, List<RunSummary> runs, double reportLambda) {
        LambdaScore pick = pickLambda(runs);
        StringBuilder sb = new StringBuilder("<p><b>").append(Html.escape(setting)).append(":</b> validation accuracy picks λ = ")
                .append(Html.plain(pick.lambda())).append(" (mean ").append(Html.acc(pick.meanValidationAccuracy()))
                .append(" over ").append(pick.runs()).append(pick.runs() == 1 ? " run" : " runs");
        lambdaScores(runs).stream().filter(s -> s.lambda() != pick.lambda())
                .max(Comparator.comparingDouble(LambdaScore::meanValidationAccuracy))
                .ifPresent(second -> sb.append("; the runner-up, λ = ").append(Html.plain(second.lambda())).append(", is ")
                        .append(Html.acc(pick.meanValidationAccuracy() - second.meanValidationAccuracy())).append(" behind"));
        sb.append("). ");
        sb.append(pick.lambda() == reportLambda ? "This is the report's choice too."
                : "The report chose λ = " + Html.plain(reportLambda) + ".");
        return sb.append("</p>").toString();
    }

    // ---- against the report ------------------------------------------------------------------

    /** The largest validation cost of our runs against the largest in the report's table. */
    public static String largestCostVerdict(String setting, List<RunSummary> ours, Table report) {
        double mine = nonEmpty(ours).stream().mapToDouble(RunSummary::validationCost).max().orElseThrow();
        NumberColumn<?, ?> costs = (NumberColumn<?, ?>) report.column(ResultsStore.VALIDATION_COST);
        double theirs = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < report.rowCount(); i++) theirs = Math.max(theirs, costs.getDouble(i));
        return "<p><b>" + Html.escape(setting) + ":</b> the largest validation cost in our table is "
                + String.format(java.util.Locale.ROOT, "%.4g", mine) + "; in the report's it is "
                + String.format(java.util.Locale.ROOT, "%.4g", theirs) + ".</p>";
    }

    // ---- weights with and without L2 ----------------------------------------------------------

    /**
     * One array (the report's {@code W<l>} or {@code b<l>}) of two networks of the same shape:
     * Frobenius norm and mean absolute value of each, and the report's figure, the sum of all
     * entries of {@code with − without}.
     */
    public record WeightStats(String name, int rows, int cols, double frobeniusWithout, double frobeniusWith,
            double meanAbsWithout, double meanAbsWith, double sumOfDifferences) {}

    /** {@link WeightStats} for W1, b1, W2, b2, ... of two networks with the same layer sizes. */
    public static List<WeightStats> compareWeights(Parameters without, Parameters with) {
        if (!java.util.Arrays.equals(without.sizes(), with.sizes())) {
            throw new ScratchnetException("cannot compare networks of layer sizes " + java.util.Arrays.toString(without.sizes())
                    + " and " + java.util.Arrays.toString(with.sizes()));
        }
        List<WeightStats> out = new ArrayList<>();
        for (int l = 1; l <= without.layers(); l++) {
            out.add(stats("W" + l, without.weight(l), with.weight(l)));
            out.add(stats("b" + l, without.bias(l), with.bias(l)));
        }
        return out;
    }

    private static WeightStats stats(String name, DMatrixRMaj a, DMatrixRMaj b) {
        double fa = 0, fb = 0, ma = 0, mb = 0, diff = 0;
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            fa += a.data[i] * a.data[i];
            fb += b.data[i] * b.data[i];
            ma += Math.abs(a.data[i]);
            mb += Math.abs(b.data[i]);
            diff += b.data[i] - a.data[i];
        }
        return new WeightStats(name, a.numRows, a.numCols, Math.sqrt(fa), Math.sqrt(fb), ma / n, mb / n, diff);
    }

    /** Which weight matrices L2 made smaller, and by how much the total norm changed. */
    public static String weightVerdict(List<WeightStats> stats) {
        List<WeightStats> weights = stats.stream().filter(s -> s.name().startsWith("W")).toList();
        long smaller = weights.stream().filter(s -> s.frobeniusWith() < s.frobeniusWithout()).count();
        double before = Math.sqrt(weights.stream().mapToDouble(s -> s.frobeniusWithout() * s.frobeniusWithout()).sum());
        double after = Math.sqrt(weights.stream().mapToDouble(s -> s.frobeniusWith() * s.frobeniusWith()).sum());
        return "<p><b>Weights:</b> with L2, " + smaller + " of " + weights.size()
                + " weight matrices have a smaller Frobenius norm; the norm of all weights together goes from "
                + String.format(java.util.Locale.ROOT, "%.3f to %.3f (%+.1f%%)", before, after, 100 * (after - before) / before)
                + ".</p>";
    }

    /** The weights (not biases) of layers {@code from} to {@code to}, inclusive, counted from 1. */
    public static double[] weights(Parameters p, int from, int to) {
        if (from < 1 || to > p.layers() || from > to) {
            throw new ScratchnetException("layers " + from + " to " + to + " do not exist; the network has layers 1 to " + p.layers());
        }
        int n = 0;
        for (int l = from; l <= to; l++) n += p.wt(l).getNumElements();
        double[] out = new double[n];
        int k = 0;
        for (int l = from; l <= to; l++) {
            System.arraycopy(p.wt(l).data, 0, out, k, p.wt(l).getNumElements());
            k += p.wt(l).getNumElements();
        }
        return out;
    }

    /**
     * How much the L2 term alone shrinks the weights in one epoch: each step multiplies them by
     * {@code 1 − lr·λ/m}, and an epoch has {@code ceil(N/m)} steps, so the fraction lost is
     * {@code 1 − (1 − lr·λ/m)^ceil(N/m)}. With the penalty scaled by {@code 1/m} this falls
     * roughly with the square of the batch size.
     */
    public static double decayPerEpoch(TrainConfig c, int trainImages) {
        int steps = (trainImages + c.batchSize() - 1) / c.batchSize();
        return 1 - Math.pow(1 - c.learningRate() * c.l2() / c.batchSize(), steps);
    }

    private static <T> List<T> nonEmpty(List<T> list) {
        if (list.isEmpty()) throw new ScratchnetException("no runs to conclude from");
        return list;
    }

    private static double mean(OptionalDouble d) {
        return d.orElse(Double.NaN);
    }
}
