package io.github.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    // ---------------------------------------------------------------- round trips

    @Test
    void matricesKeepShapeAndValues() {
        Random rnd = new Random(7);
        Map<String, DMatrixRMaj> in = new LinkedHashMap<>();
        in.put("W1", random(rnd, 20, 784));
        in.put("b1", random(rnd, 20, 1));
        in.put("row", random(rnd, 1, 5));
        in.put("one", random(rnd, 1, 1));
        in.put("empty", new DMatrixRMaj(0, 0));
        in.put("noRows", new DMatrixRMaj(0, 3));
        DMatrixRMaj special = new DMatrixRMaj(new double[][] {
            {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
            {-0.0, Double.MIN_VALUE, Double.MAX_VALUE}});
        in.put("special", special);
        Path file = dir.resolve("m.npz");

        NpzWriter w = Npz.writer();
        in.forEach(w::matrix);
        w.write(file);
        Npz npz = Npz.read(file);

        assertEquals(List.copyOf(in.keySet()), List.copyOf(npz.names()));
        for (var e : in.entrySet()) {
            DMatrixRMaj got = npz.matrix(e.getKey());
            assertEquals(e.getValue().numRows, got.numRows, e.getKey());
            assertEquals(e.getValue().numCols, got.numCols, e.getKey());
            for (int i = 0; i < got.getNumElements(); i++) {
                assertEquals(Double.doubleToRawLongBits(e.getValue().data[i]),
                        Double.doubleToRawLongBits(got.data[i]), e.getKey() + "[" + i + "]");
            }
        }
    }

    @Test
    void scalarsAndStringsRoundTrip() {
        Path file = dir.resolve("m.npz");
        Npz.writer()
                .scalar("lr", 0.1)
                .scalar("nan", Double.NaN)
                .string("bn_mode", "batch")
                .string("empty", "")
                .string("unicode", "größe ✓ 🙂")
                .matrix("W", new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}))
                .write(file);

        Npz npz = Npz.read(file);

        assertEquals(0.1, npz.scalar("lr"));
        assertTrue(Double.isNaN(npz.scalar("nan")));
        assertEquals("batch", npz.string("bn_mode"));
        assertEquals("", npz.string("empty"));
        assertEquals("größe ✓ 🙂", npz.string("unicode"));
        assertEquals(1, npz.matrix("lr").getNumElements(), "a 0-d array reads as a 1x1 matrix");
        assertTrue(npz.contains("W"));
        assertFalse(npz.contains("W.npy"));
    }

    @Test
    void writerCopiesMatricesAndIgnoresSpareData() {
        DMatrixRMaj m = new DMatrixRMaj(2, 2);
        m.data = new double[] {1, 2, 3, 4, 99, 99}; // EJML allows spare capacity
        NpzWriter w = Npz.writer().matrix("m", m);
        m.data[0] = -1;
        Path file = dir.resolve("m.npz");
        w.write(file);

        assertArrayEquals(new double[] {1, 2, 3, 4}, Npz.read(file).matrix("m").data);
    }

    @Test
    void overwritesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("m.npz");
        Npz.writer().scalar("x", 1).write(file);
        Npz.writer().scalar("x", 2).write(file);

        assertEquals(2, Npz.read(file).scalar("x"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void sameContentGivesSameBytes() throws IOException {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        Npz.writer().matrix("W", new DMatrixRMaj(new double[][] {{1, 2}})).string("s", "x").write(a);
        Npz.writer().matrix("W", new DMatrixRMaj(new double[][] {{1, 2}})).string("s", "x").write(b);

        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void duplicateOrEmptyNamesAreProgrammingErrors() {
        NpzWriter w = Npz.writer().scalar("x", 1);
        assertThrows(IllegalArgumentException.class, () -> w.string("x", "again"));
        assertThrows(IllegalArgumentException.class, () -> w.scalar("", 1));
    }

    // ---------------------------------------------------------------- exact format

    @Test
    void headerIsNumpyVersion1AlignedTo64() {
        byte[] h = Npy.header("<f8", new long[] {2, 3});

        assertEquals(128, h.length, "NumPy writes a 128-byte header for a (2, 3) float64 array");
        assertEquals(0, h.length % 64);
        byte[] prefix = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (h.length - 10), 0};
        assertArrayEquals(prefix, java.util.Arrays.copyOf(h, 10));
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
        String text = new String(h, 10, h.length - 10, StandardCharsets.ISO_8859_1);
        assertEquals(dict + " ".repeat(h.length - 10 - dict.length() - 1) + "\n", text);

        String scalar = new String(Npy.header("<U5", new long[0]), StandardCharsets.ISO_8859_1);
        assertTrue(scalar.startsWith("\u0093NUMPY\u0001\u0000v\u0000{'descr': '<U5', 'fortran_order': False, 'shape': (), } "));
        assertTrue(Npy.header("<f8", new long[] {7}).length % 64 == 0);
    }

    @Test
    void entriesAreStoredNpyFilesWithLittleEndianData() throws IOException {
        Path file = dir.resolve("m.npz");
        Npz.writer().matrix("b1", new DMatrixRMaj(new double[][] {{1.5}, {-2}})).write(file);

        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry("b1.npy");
            assertEquals(ZipEntry.STORED, e.getMethod());
            byte[] npy = zip.getInputStream(e).readAllBytes();
            assertEquals(128 + 16, npy.length);
            String header = new String(npy, 0, 128, StandardCharsets.ISO_8859_1);
            assertTrue(header.contains("'shape': (2, 1), }"), header);
            ByteBuffer data = ByteBuffer.wrap(npy, 128, 16).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(1.5, data.getDouble());
            assertEquals(-2.0, data.getDouble());
        }
    }

    // ---------------------------------------------------------------- foreign files

    @Test
    void readsOtherNumericTypesOneDimensionalAndFortranOrder() throws IOException {
        Path file = zip(false, Map.of(
                "f4", npy("<f4", "(2,)", false, le(8, b -> b.putFloat(0.5f).putFloat(-3f))),
                "i8", npy("<i8", "(1, 2)", false, le(16, b -> b.putLong(-7).putLong(1L << 40))),
                "i4", npy("<i4", "()", false, le(4, b -> b.putInt(42))),
                "u1", npy("|u1", "(2,)", false, new byte[] {(byte) 255, 1}),
                "b1", npy("|b1", "(2,)", false, new byte[] {0, 1}),
                // Column-major (2, 3): columns (1, 4), (2, 5), (3, 6).
                "F", npy("<f8", "(2, 3)", true, le(48, b -> {
                    for (double v : new double[] {1, 4, 2, 5, 3, 6}) b.putDouble(v);
                })),
                "S", npy("|S5", "()", false, new byte[] {'a', 'b', 0, 0, 0})));

        Npz npz = Npz.read(file);

        DMatrixRMaj f4 = npz.matrix("f4");
        assertEquals(2, f4.numRows);
        assertEquals(1, f4.numCols);
        assertArrayEquals(new double[] {0.5, -3}, f4.data);
        assertArrayEquals(new double[] {-7, 1L << 40}, npz.matrix("i8").data);
        assertEquals(42, npz.scalar("i4"));
        assertArrayEquals(new double[] {255, 1}, npz.matrix("u1").data);
        assertArrayEquals(new double[] {0, 1}, npz.matrix("b1").data);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, npz.matrix("F").data);
        assertEquals("ab", npz.string("S"));
    }

    @Test
    void readsCompressedArchives() throws IOException {
        Path file = zip(true, Map.of("x", npy("<f8", "()", false, le(8, b -> b.putDouble(3.25)))));
        assertEquals(3.25, Npz.read(file).scalar("x"));
    }

    @Test
    void unsupportedTypesFailOnlyWhenAsked() throws IOException {
        Path file = zip(false, Map.of(
                "ok", npy("<f8", "()", false, le(8, b -> b.putDouble(1))),
                "big", npy(">f8", "()", false, new byte[8]),
                "obj", npy("|O", "()", false, new byte[8]),
                "rec", "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (), }",
                "cube", npy("<f8", "(1, 1, 2)", false, new byte[16])));

        Npz npz = Npz.read(file);

        assertEquals(1, npz.scalar("ok"));
        assertOneLine(() -> npz.matrix("big"), "big-endian");
        assertOneLine(() -> npz.matrix("obj"), "'|O'");
        assertOneLine(() -> npz.matrix("rec"), "structured");
        assertOneLine(() -> npz.matrix("cube"), "(1, 1, 2)");
        assertOneLine(() -> npz.string("ok"), "holds numbers");
        assertOneLine(() -> npz.scalar("cube"), "single number");
    }

    // ---------------------------------------------------------------- damaged files

    @Test
    void randomBytesAreCorrupt() throws IOException {
        byte[] junk = new byte[1000];
        new Random(1).nextBytes(junk);
        Path file = Files.write(dir.resolve("junk.npz"), junk);
        assertOneLine(() -> Npz.read(file), "is corrupt", "junk.npz", "train --save");
    }

    @Test
    void emptyFileIsCorrupt() throws IOException {
        Path file = Files.write(dir.resolve("empty.npz"), new byte[0]);
        assertOneLine(() -> Npz.read(file), "is corrupt");
    }

    @Test
    void truncatedFileIsCorrupt() throws IOException {
        Path file = dir.resolve("m.npz");
        Npz.writer().matrix("W1", new DMatrixRMaj(30, 30)).write(file);
        byte[] all = Files.readAllBytes(file);
        for (int keep : new int[] {all.length / 2, all.length - 10, 20}) {
            Files.write(file, java.util.Arrays.copyOf(all, keep));
            assertOneLine(() -> Npz.read(file), "is corrupt");
        }
    }

    @Test
    void badMagicIsCorrupt() throws IOException {
        byte[] npy = npy("<f8", "()", false, new byte[8]);
        npy[1] = 'X';
        Path file = zip(false, Map.of("W1", npy));
        assertOneLine(() -> Npz.read(file), "is corrupt", "W1", "magic");
    }

    @Test
    void shapeThatDoesNotMatchDataIsCorrupt() throws IOException {
        Path shortData = zip(false, Map.of("W1", npy("<f8", "(2, 3)", false, new byte[40])));
        assertOneLine(() -> Npz.read(shortData), "is corrupt", "W1", "(2, 3)");
        Path longData = zip(false, Map.of("W1", npy("<f8", "(1,)", false, new byte[16])));
        assertOneLine(() -> Npz.read(longData), "is corrupt", "W1");
        Path huge = zip(false, Map.of("W1", npy("<f8", "(999999999999, 999999999999)", false, new byte[8])));
        assertOneLine(() -> Npz.read(huge), "is corrupt", "W1");
    }

    @Test
    void garbledHeaderIsCorrupt() throws IOException {
        Path file = zip(false, Map.of("W1", header("{'descr': '<f8', 'shape': (1,), }", new byte[8])));
        assertOneLine(() -> Npz.read(file), "is corrupt", "W1", "fortran_order");
        Path shape = zip(false, Map.of("W1", npy("<f8", "(a, 1)", false, new byte[8])));
        assertOneLine(() -> Npz.read(shape), "is corrupt", "bad shape");
    }

    @Test
    void missingArrayNamesWhatIsThere() {
        Path file = dir.resolve("m.npz");
        Npz.writer().scalar("W1", 1).scalar("b1", 2).write(file);
        Npz npz = Npz.read(file);
        assertOneLine(() -> npz.matrix("W3"), "no array W3", "W1, b1", "train --save");
        assertOneLine(() -> npz.string("W3"), "no array W3");
    }

    @Test
    void missingFileOrFolderSaysSo() {
        assertOneLine(() -> Npz.read(dir.resolve("nope.npz")), "does not exist", "nope.npz");
        assertOneLine(() -> Npz.read(dir), "folder");
    }

    @Test
    void unwritableTargetsSayChooseAWritablePath() throws IOException {
        Path notAFolder = Files.write(dir.resolve("plain"), new byte[] {1});
        DMatrixRMaj m = new DMatrixRMaj(1, 1);
        NpzWriter w = Npz.writer().matrix("W", m);
        assertOneLine(() -> w.write(notAFolder.resolve("m.npz")), "cannot write model file", "choose a writable path");
        assertOneLine(() -> w.write(dir.resolve("missing/m.npz")), "missing does not exist", "choose a writable path");
        assertOneLine(() -> w.write(dir), "folder", "choose a writable path");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(notAFolder), files.toList(), "no temporary files left behind");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void assertOneLine(Executable action, String... parts) {
        ScratchnetException e = assertThrows(ScratchnetException.class, action);
        String msg = e.getMessage();
        assertFalse(msg.contains("\n") || msg.contains("\r"), msg);
        for (String p : parts) {
            assertTrue(msg.contains(p), "'" + p + "' missing from: " + msg);
        }
    }

    private static DMatrixRMaj random(Random rnd, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rnd.nextGaussian();
        return m;
    }

    private static byte[] le(int size, Consumer<ByteBuffer> fill) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(b);
        return b.array();
    }

    /** A .npy file built by hand, independent of the code under test. */
    private static byte[] npy(String descr, String shape, boolean fortran, byte[] data) {
        return header("{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }", data);
    }

    private static byte[] header(String dict, byte[] data) {
        StringBuilder h = new StringBuilder(dict);
        while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length(), (byte) (h.length() >> 8)});
        out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    private Path zip(boolean deflate, Map<String, ?> entries) throws IOException {
        Path file = Files.createTempFile(dir, "hand", ".npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setMethod(deflate ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
            for (var e : entries.entrySet()) {
                byte[] bytes = e.getValue() instanceof String dict ? header(dict, new byte[8]) : (byte[]) e.getValue();
                ZipEntry z = new ZipEntry(e.getKey() + ".npy");
                if (!deflate) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(bytes);
                    z.setSize(bytes.length);
                    z.setCompressedSize(bytes.length);
                    z.setCrc(crc.getValue());
                }
                zip.putNextEntry(z);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return file;
    }
}
