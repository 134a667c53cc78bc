package io.github.scratchnet.cli;

import io.github.scratchnet.nn.Kernels;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fast by default: {@code java -jar scratchnet.jar ...} without {@value Kernels#JVM_OPTION} would
 * run the plain Java kernels at about half the speed, so {@link Main} starts itself once more in a
 * child JVM that has the module: the same {@code java} binary, the same JVM options and class
 * path, the same arguments, standard streams shared. The parent waits and exits with the child's
 * exit code; a SIGTERM to the parent is passed on, and a child whose parent dies stops too.
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

    private VectorRelaunch() {}

    /** Whether this JVM should hand the command to a child JVM with the vector module. */
    static boolean wanted() {
        return System.getenv(GUARD) == null
                && Boolean.parseBoolean(System.getProperty("scratchnet.relaunch", "true"))
                && Boolean.parseBoolean(System.getProperty("scratchnet.vector", "true"))
                && ModuleLayer.boot().findModule(MODULE).isEmpty()
                && ModuleFinder.ofSystem().find(MODULE).isPresent();
    }

    /** Runs {@code args} in the child JVM and returns its exit code (or -1 when it cannot start). */
    static int run(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // -Xmx and -D options stay; a -jar start shows up only in java.class.path, which -cp carries.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("--add-modules", MODULE, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(GUARD, Long.toString(ProcessHandle.current().pid()));
        Process child;
        try {
            child = builder.start();
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        // kill PID / SIGTERM on the parent: the child gets the same, and the parent waits for it
        // so that a sweep can finish writing. (Ctrl-C reaches both from the terminal already.)
        Thread forward = new Thread(() -> {
            if (!child.isAlive()) return;
            child.destroy();
            try {
                child.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // The JVM is going down anyway.
            }
        }, "scratchnet-forward-signal");
        Runtime.getRuntime().addShutdownHook(forward);
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // Keep waiting: the exit code is the child's.
            }
        }
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
}
