package io.github.scratchnet.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void fiveValuesByHand() {
        // 1..5: mean 3, s = sqrt(10 / 4) = 1.58114, t(4, 0.975) = 2.776445 (printed tables: 2.776)
        Interval i = Interval.of(1, 2, 3, 4, 5);
        assertEquals(5, i.n());
        assertEquals(3, i.mean(), 1e-15);
        assertEquals(Math.sqrt(2.5), i.std(), 1e-15);
        double half = 2.7764451051977987 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3 - half, i.low(), 1e-9);
        assertEquals(3 + half, i.high(), 1e-9);
        assertEquals(1.963243, i.halfWidth(), 1e-6);
        assertEquals("3.0000 ± 1.9632 (95% CI 1.0368 to 4.9632, n = 5)", i.toString());
    }

    @Test
    void twoValuesUseTheWideTQuantile() {
        // n = 2: t(1, 0.975) = 12.7062; values 0.90 and 0.92: mean 0.91, s = 0.014142
        Interval i = Interval.of(0.90, 0.92);
        assertEquals(12.706204736174698 * Math.sqrt(0.0002) / Math.sqrt(2), i.halfWidth(), 1e-9);
        assertFalse(Interval.paired(new double[] {0.90, 0.92}, new double[] {0.91, 0.90}).excludesZero());
    }

    @Test
    void pairedDifferencesSeparateOnlyWhenConsistent() {
        Interval up = Interval.paired(new double[] {0.93, 0.94, 0.935}, new double[] {0.92, 0.93, 0.925});
        assertEquals(0.01, up.mean(), 1e-12);
        assertEquals(0, up.std(), 1e-12);
        assertTrue(up.excludesZero(), "the same gain on every seed");
        Interval mixed = Interval.paired(new double[] {0.93, 0.91, 0.92}, new double[] {0.92, 0.92, 0.92});
        assertFalse(mixed.excludesZero(), mixed.toString());
    }

    @Test
    void oneValueHasNoIntervalAndBadInputIsRefused() {
        Interval one = Interval.of(0.5);
        assertTrue(Double.isNaN(one.low()) && Double.isNaN(one.std()));
        assertFalse(one.excludesZero());
        assertEquals("0.5000 (one value, no interval)", one.toString());
        assertThrows(IllegalArgumentException.class, () -> Interval.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Interval.atLevel(1.5, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Interval.paired(new double[] {1}, new double[] {1, 2}));
    }
}
