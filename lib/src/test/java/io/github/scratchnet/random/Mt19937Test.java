package io.github.scratchnet.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

class Mt19937Test {
    @Test
    void referenceSeedGivesThePublishedFirstOutputs() {
        // mt19937ar.c's default seed 5489 (std::mt19937's too): 3499211612, 581869302, 3890346734
        Mt19937 mt = new Mt19937(5489);
        assertEquals(3499211612L, mt.nextInt32());
        assertEquals(581869302L, mt.nextInt32());
        assertEquals(3890346734L, mt.nextInt32());
    }

    @Test
    void rawOutputsEqualNumpys() {
        // NumPy's RandomState(seed)._bit_generator.random_raw(20): genrand_int32 after init_genrand
        for (long seed : Fixtures.SEEDS) {
            JsonArray expected = Fixtures.streams().getAsJsonObject("mt19937_raw").getAsJsonArray(Long.toString(seed));
            Mt19937 mt = new Mt19937(seed);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).getAsLong(), mt.nextInt32(), "seed " + seed + ", output " + i);
            }
        }
    }

    @Test
    void outputsStayInTheUnsigned32BitRangeAcrossTwists() {
        Mt19937 mt = new Mt19937(Mt19937.MAX_SEED);
        for (int i = 0; i < 3 * 624; i++) {
            long v = mt.nextInt32();
            assertEquals(v & Mt19937.MAX_SEED, v, "output " + i);
        }
    }

    @Test
    void seedsOutside32BitsAreRefusedWithOneLine() {
        Fixtures.assertRefused("seed", () -> new Mt19937(-1));
        Fixtures.assertRefused("seed", () -> new Mt19937(Mt19937.MAX_SEED + 1));
        Fixtures.assertRefused("seed", () -> new Mt19937(Long.MIN_VALUE));
    }
}
