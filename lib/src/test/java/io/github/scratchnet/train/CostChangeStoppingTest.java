package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CostChangeStoppingTest {
    @Test
    void stopsWhenTwoChecksInARowDifferByLessThanTheThreshold() {
        CostChangeStopping rule = new CostChangeStopping(1e-4);
        rule.improved(100, 2.30);
        assertFalse(rule.shouldStop(100), "the first check has nothing to compare with");
        rule.improved(200, 2.29);
        assertFalse(rule.shouldStop(200));
        rule.improved(300, 2.29005);
        assertTrue(rule.shouldStop(300), "a rise of 5e-5 stops it as well as a fall would");
    }

    @Test
    void neitherImprovementNorNaNStopsIt() {
        CostChangeStopping rule = new CostChangeStopping(1e-4);
        rule.improved(100, 1.0);
        rule.improved(200, 0.5);
        assertFalse(rule.shouldStop(200), "a large improvement is a large change");
        rule.improved(300, Double.NaN);
        assertFalse(rule.shouldStop(300), "|NaN − x| < t is false, as in the report's NumPy test");
        assertEquals(200, rule.bestStep());
    }
}
