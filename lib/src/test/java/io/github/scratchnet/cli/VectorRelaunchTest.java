package io.github.scratchnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scratchnet.nn.Kernels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's command lines carry no JVM options: a plain {@code java -jar} must still get the vector
 * kernels, by {@link Main} starting itself again with the module. The jar here is a thin one whose
 * manifest names this build's classes, started exactly like {@code java -jar lib/target/scratchnet.jar}.
 */
class VectorRelaunchTest {
    @TempDir static Path tmp;
    static Path jar;

    @BeforeAll
    static void thinJar() throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toUri().toString())
                .collect(Collectors.joining(" "));
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        jar = tmp.resolve("scratchnet.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    record Run(int exit, String out, String err) {}

    private static Run javaJar(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        b.environment().remove(VectorRelaunch.GUARD);
        b.environment().putAll(env);
        Process p = b.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java -jar did not finish");
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void plainJavaJarVersionReportsTheVectorKernels() throws Exception {
        Run r = javaJar(Map.of(), "--version");
        assertEquals(0, r.exit(), r.err());
        // This JVM has the module: the child must have chosen exactly what this one did.
        assertTrue(r.out().contains(Kernels.describe()), r.out());
        if (Kernels.vectorised()) assertTrue(r.out().contains("vector kernels"), r.out());
    }

    @Test
    void theChildNeverStartsAThirdJvmAndExitCodesPassThrough() throws Exception {
        Run guarded = javaJar(Map.of(VectorRelaunch.GUARD, "set-by-test"), "--version");
        assertEquals(0, guarded.exit(), guarded.err());
        assertTrue(guarded.out().contains("scalar kernels"), guarded.out());

        Run bad = javaJar(Map.of(), "train", "--frobnicate");
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().contains("Unknown option: '--frobnicate'"), bad.err());
        assertEquals("", bad.out());
    }

    @Test
    void theIncubatorWarningStaysOffTheScreenAndNothingElseDoes() throws Exception {
        Run r = javaJar(Map.of(), "train", "--frobnicate");
        assertFalse(r.err().contains("incubator"), r.err());
        assertEquals("error: Unknown option: '--frobnicate' (see --help)", r.err().strip().lines().findFirst().orElse(""));
    }

    @Test
    void theFilterDropsOnlyAFirstLineThatIsExactlyTheWarning() {
        String w = VectorRelaunch.INCUBATOR_WARNING + "\n";
        assertEquals("epoch 1\rerror: x\n", filtered(w + "epoch 1\rerror: x\n"));
        assertEquals("", filtered(w));
        for (String kept : new String[] {"", "note: y\n" + w, VectorRelaunch.INCUBATOR_WARNING + ", jdk.other\nz\n",
                "WARNING: Using incubator", "a\r50%\r100%\n"}) {
            assertEquals(kept, filtered(kept), "must pass through unchanged");
        }
        VectorRelaunch.StderrFilter f = new VectorRelaunch.StderrFilter(
                new ByteArrayInputStream((w + "first\nlast words, café\n\n").getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream());
        f.run();
        assertEquals("last words, café", f.lastLine());
    }

    /** What the filter passes on, read whole and one byte per read (the warning split across reads): the same. */
    private static String filtered(String childStderr) {
        byte[] bytes = childStderr.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream whole = new ByteArrayOutputStream(), dribbled = new ByteArrayOutputStream();
        new VectorRelaunch.StderrFilter(new ByteArrayInputStream(bytes), whole).run();
        new VectorRelaunch.StderrFilter(new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        }, dribbled).run();
        assertEquals(whole.toString(StandardCharsets.UTF_8), dribbled.toString(StandardCharsets.UTF_8), childStderr);
        return whole.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aChildThatCannotStartSaysWhy() {
        VectorRelaunch.Outcome o = VectorRelaunch.run(List.of(tmp.resolve("no-such-java").toString(), "-version"),
                new ByteArrayOutputStream());
        assertFalse(o.started());
        assertTrue(o.problem().startsWith("could not start " + tmp.resolve("no-such-java") + " with "
                + Kernels.JVM_OPTION + " (Cannot run program"), o.problem());
        assertFalse(o.problem().contains("\n"), o.problem());
    }

    @Test
    void aChildKilledByASignalSaysSoWithItsLastLine() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        VectorRelaunch.Outcome o = VectorRelaunch.run(List.of("/bin/sh", "-c", "echo loading MNIST >&2; kill -9 $$"), err);
        assertEquals(137, o.exitCode());
        assertTrue(o.problem().endsWith("ended with exit code 137, killed by signal 9; its last line on stderr:"
                + " loading MNIST"), o.problem());
        assertEquals("loading MNIST\n", err.toString(StandardCharsets.UTF_8));
        VectorRelaunch.Outcome fine = VectorRelaunch.run(List.of("/bin/sh", "-c", "exit 3"), err);
        assertEquals(new VectorRelaunch.Outcome(3, null), fine, "an exit code of its own: the child has said why");
    }
}
