package io.github.scratchnet.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.data.Npz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.IntFunction;
import org.junit.jupiter.api.function.Executable;

/**
 * The fixtures {@code tools/report_stream_fixtures.py} wrote from NumPy and PyTorch ({@code
 * streams.json}, {@code normals.npz}), and the comparisons the tests make with them.
 */
final class Fixtures {
    /** Seeds whose permutations the fixtures hold. */
    static final long[] SEEDS = {42, 7, Mt19937.MAX_SEED};

    private static JsonObject streams;
    private static Npz normals;

    private Fixtures() {}

    static synchronized JsonObject streams() {
        if (streams == null) {
            try {
                streams = JsonParser.parseString(Files.readString(resource("streams.json"))).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return streams;
    }

    static synchronized Npz normals() {
        if (normals == null) normals = Npz.read(resource("normals.npz"));
        return normals;
    }

    /** A whole 1-d array of normals.npz. */
    static double[] normals(String name) {
        return normals().matrix(name).data;
    }

    private static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static int[] ints(JsonArray a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsInt();
        return v;
    }

    /** Checks a permutation against a fixture's n, SHA-256 of its int32 little-endian bytes, and ends. */
    static void assertMatches(JsonObject expected, int[] perm, String what) {
        assertEquals(expected.get("n").getAsInt(), perm.length, what);
        int[] first = ints(expected.getAsJsonArray("first"));
        int[] last = ints(expected.getAsJsonArray("last"));
        assertEquals(Arrays.toString(first), Arrays.toString(Arrays.copyOf(perm, first.length)), what + ": first values");
        assertEquals(Arrays.toString(last), Arrays.toString(Arrays.copyOfRange(perm, perm.length - last.length,
                perm.length)), what + ": last values");
        assertEquals(expected.get("sha256").getAsString(), sha256(perm), what + ": SHA-256 of the whole permutation");
    }

    /** Checks every whole permutation of fixture {@code key} (sizes to values, seed 42) against {@code perm}. */
    static void assertTiny(String key, IntFunction<int[]> perm) {
        JsonObject tiny = streams().getAsJsonObject(key);
        assertTrue(tiny.size() > 0, key);
        for (String size : tiny.keySet()) {
            int n = Integer.parseInt(size);
            assertArrayEquals(ints(tiny.getAsJsonArray(size)), perm.apply(n), key + ", n = " + n);
        }
    }

    static String sha256(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) b.putInt(v);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How far a normal may be from PyTorch's, in units in the last place of PyTorch's value. Java's
     * {@code Math.log}, {@code sin} and {@code cos} are each within one unit of glibc's, but a
     * one-unit difference in cos &theta; is up to two units of r cos &theta; when the product falls into a
     * lower binade (e.g. the report's W1 of seed 42, value 5874: cos differs by one unit, the normal
     * by two). Checked on 128000 normals: never more than two.
     */
    static final double MAX_ULPS = 2;

    /**
     * Checks that every value is within {@link #MAX_ULPS} of PyTorch's and returns how many are not
     * bit-equal.
     */
    static int assertNearlyEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        int differ = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) == Double.doubleToLongBits(actual[i])) continue;
            differ++;
            double ulps = Math.abs(expected[i] - actual[i]) / Math.ulp(expected[i]);
            if (!(ulps <= MAX_ULPS)) {
                throw new AssertionError(what + "[" + i + "] is " + actual[i] + " but PyTorch gives " + expected[i]
                        + ", " + ulps + " units in the last place apart (at most " + MAX_ULPS + " allowed)");
            }
        }
        return differ;
    }

    /** Checks that the call is refused with a one-line message naming {@code parameter}. */
    static void assertRefused(String parameter, Executable call) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, call);
        assertEquals(parameter, e.parameter());
        String message = e.getMessage();
        assertTrue(message.startsWith(parameter + " ") && !message.contains("\n") && message.contains("; "), message);
    }
}
