package io.github.scratchnet.random;

import io.github.scratchnet.InvalidParameterException;

/**
 * NumPy's legacy {@code numpy.random.RandomState(seed).permutation(n)}, which scikit-learn's {@code
 * train_test_split(..., random_state=seed)} calls: with {@code test_size=0.2} on 60000 samples the
 * first 12000 values are the held-out indices and the next 48000 the training ones.
 */
public final class NumpyRandomState {
    private NumpyRandomState() {}

    /**
     * The permutation of 0 to n - 1 that {@code RandomState(seed).permutation(n)} returns, exactly.
     *
     * @throws InvalidParameterException naming {@code seed} or {@code n} if either is out of range
     */
    public static int[] permutation(long seed, int n) {
        if (n < 0) {
            throw new InvalidParameterException("n", "n must be 0 or more, got " + n + "; pass the number of samples");
        }
        Mt19937 mt = new Mt19937(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        // Fisher-Yates from the back, as NumPy's shuffle of a 1-d array does.
        for (int i = n - 1; i >= 1; i--) {
            int j = interval(mt, i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /**
     * A uniform draw in 0 to max, as NumPy's {@code random_interval}: mask the output to the
     * smallest all-ones word that covers max and draw again while it exceeds max. Unlike a
     * remainder this has no bias, and every rejected draw still consumes an output.
     */
    private static int interval(Mt19937 mt, int max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = mt.nextInt32() & mask;
        } while (value > max);
        return (int) value;
    }
}
