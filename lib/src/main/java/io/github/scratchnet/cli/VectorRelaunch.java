package io.github.scratchnet.cli;

import io.github.scratchnet.nn.Kernels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fast by default: {@code java -jar scratchnet.jar ...} without {@value Kernels#JVM_OPTION} would
 * run the plain Java kernels at about half the speed, so {@link Main} starts itself once more in a
 * child JVM that has the module: the same {@code java} binary, the same JVM options and class
 * path, the same arguments, standard input and output shared. The parent waits and exits with the
 * child's exit code; a SIGTERM to the parent is passed on, and a child whose parent dies stops too.
 *
 * <p>The child's standard error comes through the parent, byte for byte and as it arrives, less
 * one line: the {@value #INCUBATOR_WARNING} that every JVM with an incubator module prints first
 * (no JVM option turns it off). When the child cannot start, or dies of a signal the parent did not
 * pass on, {@link Outcome#problem()} says why in one line, with the last line the child wrote.
 *
 * <p>No second start when the module is already there, when the JDK has no such module (the
 * scalar kernels run and {@link Main} says so), when the environment variable {@value #GUARD} is
 * set (the child has it, so it never starts a third JVM), or when {@code -Dscratchnet.relaunch=false}
 * or {@code -Dscratchnet.vector=false} is given.
 */
final class VectorRelaunch {
    /** Set in the child's environment to the parent's process id. */
    static final String GUARD = "SCRATCHNET_RELAUNCHED_BY";
    private static final String MODULE = "jdk.incubator.vector";
    /** The JVM's first line on standard error when an incubator module is resolved. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + MODULE;

    private VectorRelaunch() {}

    /**
     * What became of the child: its exit code ({@code -1} when it did not start) and, when there is
     * something the user has not already seen, one line saying what went wrong (else null).
     */
    record Outcome(int exitCode, String problem) {
        boolean started() {
            return exitCode >= 0;
        }
    }

    /** Whether this JVM should hand the command to a child JVM with the vector module. */
    static boolean wanted() {
        return System.getenv(GUARD) == null
                && Boolean.parseBoolean(System.getProperty("scratchnet.relaunch", "true"))
                && Boolean.parseBoolean(System.getProperty("scratchnet.vector", "true"))
                && ModuleLayer.boot().findModule(MODULE).isEmpty()
                && ModuleFinder.ofSystem().find(MODULE).isPresent();
    }

    /** Runs {@code args} in the child JVM. */
    static Outcome run(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // -Xmx and -D options stay; a -jar start shows up only in java.class.path, which -cp carries.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("--add-modules", MODULE, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return run(command, System.err);
    }

    /** Runs {@code command} as the child, its standard error copied to {@code err} (open to tests). */
    static Outcome run(List<String> command, OutputStream err) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().put(GUARD, Long.toString(ProcessHandle.current().pid()));
        Process child;
        try {
            child = builder.start();
        } catch (IOException | RuntimeException e) {
            return new Outcome(-1, "could not start " + command.get(0) + " with " + Kernels.JVM_OPTION + " ("
                    + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()) + ")");
        }
        StderrFilter filter = new StderrFilter(child.getErrorStream(), err);
        Thread pump = new Thread(filter, "scratchnet-child-stderr");
        pump.setDaemon(true);
        pump.start();
        // kill PID / SIGTERM on the parent: the child gets the same, and the parent waits for it
        // so that a sweep can finish writing. (Ctrl-C reaches both from the terminal already.)
        AtomicBoolean passedOn = new AtomicBoolean();
        Thread forward = new Thread(() -> {
            passedOn.set(true);
            if (!child.isAlive()) return;
            child.destroy();
            try {
                child.waitFor(60, TimeUnit.SECONDS);
                pump.join(2000); // the child's last words reach the screen before this JVM goes
            } catch (InterruptedException ignored) {
                // The JVM is going down anyway.
            }
        }, "scratchnet-forward-signal");
        Runtime.getRuntime().addShutdownHook(forward);
        int exit;
        while (true) {
            try {
                exit = child.waitFor();
                pump.join();
                break;
            } catch (InterruptedException e) {
                // Keep waiting: the exit code is the child's.
            }
        }
        // 128 + n: ended by signal n, with no chance to say why (the OOM killer's SIGKILL, a crash's SIGABRT).
        // 130 (SIGINT) is Ctrl-C, which the user sent, and our own exit code for a stopped sweep.
        String problem = exit > 128 && exit != 130 && !passedOn.get()
                ? "the JVM running the command (" + command.get(0) + " " + Kernels.JVM_OPTION + ") ended with exit code "
                        + exit + ", killed by signal " + (exit - 128) + "; its last line on stderr: "
                        + (filter.lastLine().isEmpty() ? "none" : filter.lastLine())
                : null;
        return new Outcome(exit, problem);
    }

    /**
     * In the child: exit when the parent that started it is gone (killed with SIGKILL, which
     * cannot be passed on), so no orphan keeps training or writing.
     */
    static void followParent() {
        String parent = System.getenv(GUARD);
        if (parent == null) return;
        try {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    p -> p.onExit().thenRun(() -> System.exit(137)), () -> System.exit(137));
        } catch (NumberFormatException ignored) {
            // Not set by us: nothing to follow.
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " / ").strip();
    }

    /**
     * Copies the child's standard error as it arrives (progress bars redraw with {@code \r}), except
     * a first line that is exactly {@link #INCUBATOR_WARNING}; remembers the last non-blank line.
     */
    static final class StderrFilter implements Runnable {
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private volatile String lastLine = "";

        StderrFilter(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            byte[] warning = (INCUBATOR_WARNING + "\n").getBytes(StandardCharsets.UTF_8);
            int matched = 0; // bytes of the warning seen so far at the very start, held back
            boolean deciding = true;
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    int from = 0;
                    if (deciding) {
                        while (from < n && matched < warning.length && buffer[from] == warning[matched]) {
                            from++;
                            matched++;
                        }
                        if (matched == warning.length) {
                            deciding = false; // the whole warning line: dropped
                        } else if (from < n) {
                            deciding = false; // something else: what was held back goes out after all
                            write(warning, 0, matched);
                        }
                    }
                    if (!deciding) write(buffer, from, n - from);
                    out.flush();
                }
                if (deciding) write(warning, 0, matched); // ended inside a prefix of the warning
                out.flush();
            } catch (IOException ignored) {
                // The child's stderr closed under us, or ours did: nothing more to copy.
            }
        }

        private void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n' || b[i] == '\r') {
                    String text = line.toString(StandardCharsets.UTF_8).strip();
                    if (!text.isEmpty()) lastLine = text;
                    line.reset();
                } else if (line.size() < 500) {
                    line.write(b[i]);
                }
            }
        }

        /** The last non-blank line the child wrote; call it after {@link #run} has ended. */
        String lastLine() {
            String text = line.toString(StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? lastLine : text;
        }
    }
}
