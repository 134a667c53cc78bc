package io.github.scratchnet.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a few values (one per seed) with its two-sided Student-t confidence interval:
 * {@code mean ± t(n−1, (1+level)/2) · s / √n}, where {@code s} is the sample standard deviation.
 * With one value the interval is unknown (NaN bounds). For a paired comparison the values are the
 * per-seed differences between two settings ({@link #paired}).
 *
 * @param n how many values
 * @param mean their mean
 * @param std their sample standard deviation (n − 1 in the denominator; NaN for one value)
 * @param low the lower bound of the interval
 * @param high the upper bound
 * @param level the confidence level, e.g. 0.95
 */
public record Interval(int n, double mean, double std, double low, double high, double level) {
    /** The level every table and verdict of the project uses. */
    public static final double LEVEL = 0.95;

    /** The {@link #LEVEL} interval of the mean of {@code values}. */
    public static Interval of(double... values) {
        return atLevel(LEVEL, values);
    }

    /** The {@code level} interval of the mean of {@code values}. */
    public static Interval atLevel(double level, double... values) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("a confidence level lies between 0 and 1, got " + level);
        int n = values.length;
        if (n == 0) throw new IllegalArgumentException("an interval needs at least one value");
        double mean = Arrays.stream(values).sum() / n;
        if (n == 1) return new Interval(1, mean, Double.NaN, Double.NaN, Double.NaN, level);
        // two passes: the one-pass formula loses digits when the spread is small next to the mean
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        double std = Math.sqrt(ss / (n - 1));
        double half = new TDistribution(n - 1).inverseCumulativeProbability((1 + level) / 2) * std / Math.sqrt(n);
        return new Interval(n, mean, std, mean - half, mean + half, level);
    }

    /** The interval of the mean paired difference {@code a[i] − b[i]} (same seed, two settings). */
    public static Interval paired(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a paired comparison needs one value of each setting per seed, got "
                    + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
        return atLevel(LEVEL, d);
    }

    /** Half the width of the interval. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** True when the whole interval lies above 0 or below 0: the data separate the mean from 0. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }

    /** {@code 0.9312 ± 0.0041 (95% CI 0.9271 to 0.9353, n = 5)}, four decimals. */
    @Override
    public String toString() {
        if (n == 1) return String.format(Locale.ROOT, "%.4f (one value, no interval)", mean);
        return String.format(Locale.ROOT, "%.4f ± %.4f (%.0f%% CI %.4f to %.4f, n = %d)", mean, halfWidth(), level * 100,
                low, high, n);
    }
}
