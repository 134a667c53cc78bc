package io.github.scratchnet.stats;

import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * One paired comparison of two settings trained with the same seeds: the {@link Interval} of the
 * mean per-seed difference and the two-sided p-value of the paired t-test of "the mean difference
 * is 0" ({@code t = mean / (s/√n)} with n − 1 degrees of freedom, as
 * {@link TTest#pairedTTest(double[], double[])} computes it). A family of such comparisons is
 * corrected with {@link Holm}.
 *
 * @param label what is compared, e.g. {@code batch size 32} (used in sentences)
 * @param difference the interval of the mean difference, first setting minus second
 * @param p the two-sided p-value; NaN with fewer than two pairs (no test is possible)
 */
public record PairedTest(String label, Interval difference, double p) {
    /** The paired test of {@code a[i] − b[i]}. */
    public static PairedTest of(String label, double[] a, double[] b) {
        return of(label, Interval.paired(a, b));
    }

    /** The paired test whose per-seed differences have the mean, spread and count of {@code difference}. */
    public static PairedTest of(String label, Interval difference) {
        return new PairedTest(label, difference, pValue(difference));
    }

    /** The two-sided p-value of a one-sample t-test of mean 0 over the differences summarised by {@code d}. */
    static double pValue(Interval d) {
        if (d.n() < 2) return Double.NaN;
        if (d.std() == 0) {
            // t is 0/0 or ±∞ here: equal pairs carry no evidence of a difference (p = 1); a difference that is
            // the same non-zero number on every seed is as far from 0 as data can be (p = 0), which the
            // interval (one point, not 0) already says
            return d.mean() == 0 ? 1 : 0;
        }
        double variance = d.std() * d.std();
        return new TTest().tTest(0, new StatisticalSummaryValues(d.mean(), variance, d.n(), Double.NaN, Double.NaN,
                d.mean() * d.n()));
    }
}
