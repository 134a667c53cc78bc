package io.github.scratchnet.random;

import io.github.scratchnet.InvalidParameterException;

/**
 * The 32-bit Mersenne Twister of Matsumoto and Nishimura, seeded with the reference {@code
 * init_genrand(seed)} as both {@code numpy.random.RandomState(seed)} and {@code
 * torch.manual_seed(seed)} seed it. {@link #nextInt32()} is the reference {@code genrand_int32}.
 *
 * <p>Not thread-safe: one instance is one stream.
 */
public final class Mt19937 {
    /** The largest seed: NumPy's RandomState refuses larger ones and PyTorch keeps only the low 32 bits. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908_B0DF;
    private static final int UPPER_MASK = 0x8000_0000;
    private static final int LOWER_MASK = 0x7FFF_FFFF;

    // Words are Java ints holding the unsigned 32-bit words bit for bit; int arithmetic wraps
    // modulo 2^32 exactly as the reference's unsigned long arithmetic masked to 32 bits does.
    private final int[] mt = new int[N];
    private int next = N;

    /**
     * A generator after {@code init_genrand(seed)}.
     *
     * @param seed 0 to {@link #MAX_SEED}; a {@code long} so that every 32-bit seed fits unsigned
     * @throws InvalidParameterException naming {@code seed} if it is outside that range, rather than
     *     silently keeping the low 32 bits as PyTorch does (NumPy would refuse it)
     */
    public Mt19937(long seed) {
        requireSeed(seed);
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
    }

    /** Refuses a seed that neither library would take as the same 32-bit seed. */
    static void requireSeed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new InvalidParameterException("seed", "seed must be between 0 and " + MAX_SEED
                    + " (2^32 - 1), the seeds NumPy's RandomState and torch.manual_seed agree on, got " + seed
                    + "; choose one in that range, e.g. 42");
        }
    }

    /**
     * The next output of {@code genrand_int32}: an unsigned 32-bit value, returned as a {@code long}
     * in 0 to 2^32 - 1 so that callers can take remainders and compare it without sign mistakes.
     */
    public long nextInt32() {
        if (next == N) twist();
        int y = mt[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C_5680;
        y ^= (y << 15) & 0xEFC6_0000;
        y ^= y >>> 18;
        return Integer.toUnsignedLong(y);
    }

    /** The next 64-bit draw as PyTorch's {@code random64()} makes it: first output high, second low. */
    long nextInt64() {
        long high = nextInt32();
        return (high << 32) | nextInt32();
    }

    /** Regenerates all 624 words at once, as the reference does every 624 outputs. */
    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & UPPER_MASK) | (mt[(i + 1) % N] & LOWER_MASK);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        next = 0;
    }
}
