package io.github.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;

/**
 * Whatever happens to a model file on disk (cut short, bytes flipped, an array whose header
 * promises another shape or type than its data holds), reading it and asking for every array gives
 * the values or a one-line {@link ScratchnetException} naming the file, never another exception.
 */
class NpzCorruptionPropertiesTest {
    /** A valid model-like file: 1..3 matrices of 0..4 x 1..4, a scalar and a string. */
    record Model(byte[] bytes, List<DMatrixRMaj> matrices, double scalar, String text) {}

    @Provide
    Arbitrary<Model> models() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.longs(),
                        // NumPy strips trailing NULs from strings, so a string ending in one cannot round-trip.
                        Arbitraries.strings().excludeChars('\u0000').ofMinLength(0).ofMaxLength(6))
                .as((count, seed, text) -> {
                    Random r = new Random(seed);
                    var w = Npz.writer();
                    List<DMatrixRMaj> matrices = new java.util.ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        DMatrixRMaj m = new DMatrixRMaj(r.nextInt(5), 1 + r.nextInt(4));
                        for (int k = 0; k < m.data.length; k++) m.data[k] = r.nextGaussian();
                        matrices.add(m);
                        w.matrix("W" + i, m);
                    }
                    double scalar = r.nextDouble();
                    w.scalar("eps", scalar).string("mode", text);
                    try {
                        Path tmp = Corruption.scratchDir().resolve("model-" + Long.toHexString(seed) + ".npz");
                        w.write(tmp);
                        byte[] bytes = Files.readAllBytes(tmp);
                        Files.delete(tmp);
                        return new Model(bytes, matrices, scalar, text);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @Provide
    Arbitrary<List<Tuple2<Double, Integer>>> flips() {
        return Corruption.flips();
    }

    @Property(tries = 300)
    void truncatedFilesReadOrFailCleanly(@ForAll("models") Model model, @ForAll @IntRange(min = 0, max = 2000) int cut)
            throws IOException {
        byte[] bytes = Arrays.copyOf(model.bytes(), Math.min(model.bytes().length, cut));
        boolean intact = bytes.length == model.bytes().length;
        Npz npz = readOrFailCleanly(bytes, intact);
        if (npz != null && intact) {
            for (int i = 0; i < model.matrices().size(); i++) {
                DMatrixRMaj expected = model.matrices().get(i);
                DMatrixRMaj got = npz.matrix("W" + i);
                assertEquals(expected.numRows, got.numRows);
                assertArrayEquals(expected.data, Arrays.copyOf(got.data, expected.data.length));
            }
            assertEquals(model.scalar(), npz.scalar("eps"));
            assertEquals(model.text(), npz.string("mode"));
        }
    }

    @Property(tries = 500)
    void flippedBytesReadOrFailCleanly(@ForAll("models") Model model, @ForAll("flips") List<Tuple2<Double, Integer>> flips)
            throws IOException {
        readOrFailCleanly(Corruption.flip(model.bytes().clone(), flips), false);
    }

    /** An array whose header states a shape and type, followed by some number of data bytes. */
    @Property(tries = 400)
    void headersThatDisagreeWithTheirDataFailCleanly(
            @ForAll("shapes") long[] shape, @ForAll("descrs") String descr, @ForAll boolean fortran,
            @ForAll @IntRange(min = 0, max = 200) int dataBytes) throws IOException {
        byte[] npz = zip("a", npy(descr, fortran, shape, new byte[dataBytes]));
        Npz read = readOrFailCleanly(npz, false);
        long elements = LongStream.of(shape).reduce(1, (x, y) -> x * y);
        if (read != null && descr.equals("<f8")) {
            // Read whole: the header's promise matched the data exactly.
            assertEquals(elements * 8, dataBytes);
            if (shape.length <= 2) assertEquals(elements, read.matrix("a").getNumElements());
        }
    }

    @Provide
    Arbitrary<long[]> shapes() {
        return Arbitraries.longs().between(0, 6).list().ofMaxSize(3)
                .map(l -> l.stream().mapToLong(Long::longValue).toArray());
    }

    @Provide
    Arbitrary<String> descrs() {
        return Arbitraries.of("<f8", "<f4", "<i4", "|u1", "|b1", "<U3", "|S2", ">f8", "<c16", "|O", "<f8", "<f8");
    }

    /** Writes {@code bytes} as a file, reads it and asks for every array it names; null if reading failed. */
    private static Npz readOrFailCleanly(byte[] bytes, boolean intact) throws IOException {
        Path file = Files.write(Corruption.scratchDir().resolve("m.npz"), bytes);
        Npz npz;
        try {
            npz = Npz.read(file);
        } catch (ScratchnetException e) {
            assertFalse(intact, "an intact file must read: " + e.getMessage());
            assertOneLineNaming(e, file);
            return null;
        }
        for (String name : npz.names()) {
            for (int kind = 0; kind < 3; kind++) {
                try {
                    switch (kind) {
                        case 0 -> npz.matrix(name);
                        case 1 -> npz.scalar(name);
                        default -> npz.string(name);
                    }
                } catch (ScratchnetException e) {
                    assertOneLineNaming(e, file);
                }
            }
        }
        return npz;
    }

    private static void assertOneLineNaming(ScratchnetException e, Path file) {
        String m = e.getMessage();
        assertFalse(m == null || m.isBlank() || m.contains("\n") || m.contains("\r"), m);
        assertTrue(m.contains(file.toString()), m);
    }

    private static byte[] npy(String descr, boolean fortran, long[] shape, byte[] data) {
        String dims = shape.length == 1 ? shape[0] + ","
                : LongStream.of(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': (" + dims + "), }\n";
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(10 + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length)
                .put(text).put(data).array();
    }

    private static byte[] zip(String name, byte[] npy) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(name + ".npy"));
            z.write(npy);
            z.closeEntry();
        }
        return bytes.toByteArray();
    }
}
