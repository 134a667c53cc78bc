package io.github.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever happens to a file on disk (cut short, bytes flipped, plain or gzip-compressed), reading
 * it gives valid data or a one-line {@link ScratchnetException}, never another exception.
 */
class IdxCorruptionPropertiesTest {
    /** A valid pair: images of 1..4 x 1..4 pixels with random values, labels 0..9, 0..5 samples. */
    record Pair(byte[] images, byte[] labels) {}

    @Provide
    Arbitrary<Pair> pairs() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 4), Arbitraries.longs())
                .as((count, rows, cols, seed) -> {
                    java.util.Random r = new java.util.Random(seed);
                    byte[] pixels = new byte[count * rows * cols];
                    r.nextBytes(pixels);
                    byte[] labels = new byte[count];
                    for (int i = 0; i < count; i++) labels[i] = (byte) r.nextInt(10);
                    return new Pair(IdxBytes.images(count, rows, cols, pixels), IdxBytes.labels(labels));
                });
    }

    @Provide
    Arbitrary<List<Tuple2<Double, Integer>>> flips() {
        return Corruption.flips();
    }

    @Property(tries = 300)
    void truncatedFilesReadOrFailCleanly(@ForAll("pairs") Pair pair, @ForAll boolean gzip,
            @ForAll @IntRange(min = 0, max = 200) int cutImages, @ForAll @IntRange(min = 0, max = 30) int cutLabels)
            throws IOException {
        byte[] images = gzip ? IdxBytes.gzip(pair.images()) : pair.images();
        byte[] labels = gzip ? IdxBytes.gzip(pair.labels()) : pair.labels();
        byte[] cutI = Arrays.copyOf(images, Math.min(images.length, cutImages));
        byte[] cutL = Arrays.copyOf(labels, Math.min(labels.length, cutLabels));
        boolean intact = cutI.length == images.length && cutL.length == labels.length;
        readOrFailCleanly(pair, cutI, cutL, intact);
    }

    @Property(tries = 500)
    void flippedBytesReadOrFailCleanly(@ForAll("pairs") Pair pair, @ForAll boolean gzip,
            @ForAll boolean inImages, @ForAll("flips") List<Tuple2<Double, Integer>> flips) throws IOException {
        byte[] images = gzip ? IdxBytes.gzip(pair.images()) : pair.images().clone();
        byte[] labels = gzip ? IdxBytes.gzip(pair.labels()) : pair.labels().clone();
        Corruption.flip(inImages ? images : labels, flips);
        readOrFailCleanly(pair, images, labels, false);
    }

    private static void readOrFailCleanly(Pair pair, byte[] images, byte[] labels, boolean intact)
            throws IOException {
        Path img = Files.write(Corruption.scratchDir().resolve("images"), images);
        Path lab = Files.write(Corruption.scratchDir().resolve("labels"), labels);
        try {
            IdxImages i = Idx.readImages(img);
            IdxLabels l = Idx.readLabels(lab);
            Dataset d = Idx.readDataset(img, lab, 10);
            assertTrue(d.size() == i.count() && d.size() == l.count());
            if (intact) {
                assertArrayEquals(Arrays.copyOfRange(pair.images(), 16, pair.images().length), i.pixels());
                assertArrayEquals(Arrays.copyOfRange(pair.labels(), 8, pair.labels().length), l.labels());
            }
        } catch (ScratchnetException e) {
            assertFalse(intact, "intact files must read: " + e.getMessage());
            String m = e.getMessage();
            assertFalse(m.isBlank() || m.contains("\n") || m.contains("\r"), m);
            assertTrue(m.contains("images") || m.contains("labels"), m);
        }
    }
}
