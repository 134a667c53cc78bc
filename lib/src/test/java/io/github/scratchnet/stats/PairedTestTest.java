package io.github.scratchnet.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class PairedTestTest {
    // With 3 pairs (2 degrees of freedom) the t distribution has a closed form: P(|T| > t) = 1 − t / √(t² + 2).

    @Test
    void pValueOfThreePairsMatchesTheClosedForm() {
        // d = 1, 2, 3: mean 2, s = 1, t = 2 / (1/√3) = 2√3, p = 1 − √(12/14)
        PairedTest t = PairedTest.of("d = 1, 2, 3", new double[] {3, 4, 5}, new double[] {2, 2, 2});
        assertEquals(1 - Math.sqrt(6.0 / 7), t.p(), 1e-12);
        assertEquals(0.0741799, t.p(), 1e-7);
        assertEquals(2, t.difference().mean(), 1e-12);
        // d = 1, 1, 4: mean 2, s = √3, t = 2, p = 1 − 2/√6; the sign of the difference does not change p
        assertEquals(1 - 2 / Math.sqrt(6), PairedTest.of("", new double[] {0, 0, 0}, new double[] {1, 1, 4}).p(), 1e-12);
        assertEquals(0.1835034, PairedTest.of("", new double[] {1, 1, 4}, new double[] {0, 0, 0}).p(), 1e-7);
    }

    @Test
    void fromAnIntervalEqualsCommonsMathsPairedTest() {
        Random random = new Random(7);
        double[] a = new double[5], b = new double[5];
        for (int i = 0; i < 5; i++) {
            a[i] = 0.9 + 0.01 * random.nextGaussian();
            b[i] = a[i] - 0.004 + 0.003 * random.nextGaussian();
        }
        double expected = new TTest().pairedTTest(a, b);
        assertEquals(expected, PairedTest.of("", a, b).p(), 1e-12);
        assertEquals(expected, PairedTest.of("", Interval.paired(b, a)).p(), 1e-12, "b − a: same p");
    }

    @Test
    void noSpreadAndOnePairAreHandled() {
        assertEquals(1, PairedTest.of("equal", new double[] {0.9, 0.8}, new double[] {0.9, 0.8}).p(), 0,
                "identical pairs: no evidence of a difference");
        assertEquals(0, PairedTest.of("constant", new double[] {3, 5}, new double[] {2, 4}).p(), 0,
                "the same non-zero difference on every seed");
        assertTrue(Double.isNaN(PairedTest.of("one", new double[] {1}, new double[] {0}).p()), "one pair: no test");
    }
}
