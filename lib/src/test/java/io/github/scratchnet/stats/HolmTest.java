package io.github.scratchnet.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolmTest {
    static List<PairedTest> withP(double... p) {
        List<PairedTest> out = new ArrayList<>();
        for (double x : p) out.add(new PairedTest("p " + x, Interval.of(0, 1), x));
        return out;
    }

    @Test
    void stepDownOverFourTests() {
        // sorted: 0.005·4 = 0.02; 0.01·3 = 0.03; 0.03·2 = 0.06; 0.04·1 = 0.04, raised to 0.06 (adjusted p never falls)
        Holm h = Holm.of(withP(0.01, 0.04, 0.03, 0.005));
        assertEquals(0.03, h.adjustedP(0), 1e-15);
        assertEquals(0.06, h.adjustedP(1), 1e-15);
        assertEquals(0.06, h.adjustedP(2), 1e-15);
        assertEquals(0.02, h.adjustedP(3), 1e-15);
        assertTrue(h.separated(0));
        assertFalse(h.separated(1), "0.04 < 0.05 alone, but Holm stops at 0.03 > 0.05/2");
        assertFalse(h.separated(2));
        assertTrue(h.separated(3));
        assertEquals("4 paired tests, Holm-corrected at a family-wise 5%", h.describe());
    }

    @Test
    void adjustedPCapsAtOneAndOneTestIsUncorrected() {
        Holm h = Holm.of(withP(0.6, 0.4));
        assertEquals(0.8, h.adjustedP(1), 1e-15);
        assertEquals(0.8, h.adjustedP(0), 1e-15, "0.6·1 raised to the 0.8 before it");
        assertEquals(1, Holm.of(withP(0.6, 0.7, 0.9)).adjustedP(0), 0, "0.6·3 capped at 1");
        Holm one = Holm.of(withP(0.049));
        assertEquals(0.049, one.adjustedP(0), 0);
        assertTrue(one.separated(0));
        assertEquals("1 paired test, Holm-corrected at a family-wise 5%", one.describe());
        assertEquals("3 paired tests, Holm-corrected at a family-wise 1%", Holm.atLevel(0.01, withP(0.1, 0.1, 0.1)).describe());
    }

    @Test
    void aTestWithoutPValueCountsButIsNeverSeparated() {
        Holm h = Holm.of(withP(Double.NaN, 0.001));
        assertTrue(Double.isNaN(h.adjustedP(0)));
        assertFalse(h.separated(0));
        assertEquals(0.002, h.adjustedP(1), 1e-15, "m = 2 counts the test without a p-value");
        assertTrue(h.separated(1));
        assertThrows(IllegalArgumentException.class, () -> Holm.atLevel(1.5, withP(0.1)));
    }
}
