package io.github.scratchnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.nn.Kernels;
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
}
