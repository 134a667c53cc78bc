package io.github.scratchnet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** What the corruption properties of the IDX and NPZ readers do to a file's bytes. */
final class Corruption {
    private Corruption() {}

    /** 1 to 4 flips: (position as a fraction of the file length, xor mask 1..255). */
    static Arbitrary<List<Tuple2<Double, Integer>>> flips() {
        Arbitrary<Tuple2<Double, Integer>> flip = Combinators.combine(
                        Arbitraries.doubles().between(0, 1).ofScale(6), Arbitraries.integers().between(1, 255))
                .as(Tuple::of);
        return flip.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Applies {@code flips} to {@code bytes} in place and returns them. */
    static byte[] flip(byte[] bytes, List<Tuple2<Double, Integer>> flips) {
        for (Tuple2<Double, Integer> f : flips) {
            int at = (int) Math.min(bytes.length - 1, Math.floor(f.get1() * bytes.length));
            bytes[at] ^= f.get2().byteValue();
        }
        return bytes;
    }

    private static Path scratch;

    /**
     * One folder for the files the properties write (each try overwrites the last), created once
     * per JVM and deleted when it ends.
     */
    static synchronized Path scratchDir() throws IOException {
        if (scratch == null) {
            Path dir = Files.createTempDirectory("corruption-properties-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // A temporary folder left behind is no test failure.
                }
            }));
            scratch = dir;
        }
        return scratch;
    }
}
