package io.github.scratchnet.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Holm's step-down correction over a family of {@link PairedTest}s: with the p-values sorted,
 * {@code p(1) ≤ … ≤ p(m)}, the i-th is separated when {@code p(j) ≤ α / (m − j + 1)} for every
 * {@code j ≤ i}. The chance that any comparison of the family is called separated when none
 * differs is then at most α, whatever the tests' dependence. The adjusted p-value,
 * {@code max over j ≤ i of min(1, (m − j + 1) · p(j))}, is separated exactly when it is ≤ α.
 * A test without a p-value (fewer than two pairs) is never separated and counts in m.
 */
public final class Holm {
    /** The family-wise level the notebooks use. */
    public static final double ALPHA = 0.05;

    private final List<PairedTest> tests;
    private final double alpha;
    private final double[] adjusted;

    private Holm(List<PairedTest> tests, double alpha) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("a family-wise level lies between 0 and 1, got " + alpha);
        this.tests = List.copyOf(tests);
        this.alpha = alpha;
        this.adjusted = adjust(tests.stream().mapToDouble(PairedTest::p).toArray());
    }

    /** The Holm-adjusted p-values of {@code p}, in the same order (NaN stays NaN, sorts last and counts in m). */
    public static double[] adjust(double[] p) {
        int m = p.length;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < m; i++) order.add(i);
        order.sort(Comparator.comparingDouble(i -> Double.isNaN(p[i]) ? Double.POSITIVE_INFINITY : p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            double q = p[order.get(rank)];
            // adjusted p(i) = max over j ≤ i of min(1, (m − j + 1)·p(j)); ranks count from 0 here
            running = Double.isNaN(q) ? Double.NaN : Math.max(running, Math.min(1, (m - rank) * q));
            adjusted[order.get(rank)] = running;
        }
        return adjusted;
    }

    /** Holm at the family-wise {@link #ALPHA} over {@code tests}, in the order given. */
    public static Holm of(List<PairedTest> tests) {
        return atLevel(ALPHA, tests);
    }

    /** Holm at the family-wise {@code alpha} over {@code tests}. */
    public static Holm atLevel(double alpha, List<PairedTest> tests) {
        return new Holm(tests, alpha);
    }

    /** How many tests the family has (m). */
    public int size() {
        return tests.size();
    }

    /** The i-th test, in the order given. */
    public PairedTest test(int i) {
        return tests.get(i);
    }

    /** The Holm-adjusted p-value of the i-th test (NaN where the test has none). */
    public double adjustedP(int i) {
        return adjusted[i];
    }

    /** Whether the family-wise correction still separates the i-th difference from 0. */
    public boolean separated(int i) {
        return adjusted[i] <= alpha;
    }

    /** {@code 5 paired tests, Holm-corrected at a family-wise 5%}. */
    public String describe() {
        return describe(size(), alpha);
    }

    /** {@code 5 paired tests, Holm-corrected at a family-wise 5%} for a family of {@code m} tests at {@code alpha}. */
    public static String describe(int m, double alpha) {
        return String.format(Locale.ROOT, "%d paired test%s, Holm-corrected at a family-wise %s%%", m, m == 1 ? "" : "s",
                java.math.BigDecimal.valueOf(alpha).movePointRight(2).stripTrailingZeros().toPlainString());
    }
}
