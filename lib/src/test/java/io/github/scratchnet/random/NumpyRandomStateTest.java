package io.github.scratchnet.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class NumpyRandomStateTest {
    @Test
    void permutationsOf60000EqualNumpysExactly() {
        JsonObject expected = Fixtures.streams().getAsJsonObject("numpy_permutation");
        for (long seed : Fixtures.SEEDS) {
            Fixtures.assertMatches(expected.getAsJsonObject(Long.toString(seed)),
                    NumpyRandomState.permutation(seed, 60000), "RandomState(" + seed + ").permutation(60000)");
        }
    }

    @Test
    void tinyPermutationsEqualNumpys() {
        Fixtures.assertTiny("numpy_permutation_tiny", n -> NumpyRandomState.permutation(42, n));
    }

    @Test
    void tinyCasesByHand() {
        assertArrayEquals(new int[0], NumpyRandomState.permutation(42, 0));
        assertArrayEquals(new int[] {0}, NumpyRandomState.permutation(42, 1), "nothing to draw");
        // i = 1, mask 1: seed 42's first output 1608637542 is even, so j = 0 and the two swap
        assertArrayEquals(new int[] {1, 0}, NumpyRandomState.permutation(42, 2));
        // seed 7's first output 327741615 is odd: j = 1, no swap
        assertArrayEquals(new int[] {0, 1}, NumpyRandomState.permutation(7, 2));
    }

    @Test
    void badSeedOrSizeIsRefusedWithOneLine() {
        Fixtures.assertRefused("seed", () -> NumpyRandomState.permutation(-42, 10));
        Fixtures.assertRefused("seed", () -> NumpyRandomState.permutation(1L << 32, 10));
        Fixtures.assertRefused("n", () -> NumpyRandomState.permutation(42, -1));
    }
}
