package io.github.scratchnet.cli;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.Version;
import io.github.scratchnet.nn.Kernels;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code java -jar scratchnet.jar}: dispatches to the sub-commands, in a child JVM
 * with the vector module when this one lacks it (see {@link VectorRelaunch}).
 */
@Command(name = "scratchnet", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Train and evaluate a from-scratch feed-forward network on MNIST.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, SweepCommand.class, BenchCommand.class, StoreCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        String noChild = null;
        if (VectorRelaunch.wanted()) {
            VectorRelaunch.Outcome child = VectorRelaunch.run(args);
            if (child.started()) {
                if (child.problem() != null) System.err.println("error: " + child.problem());
                System.exit(child.exitCode());
            }
            // The child JVM did not start: carry on here with the scalar kernels, and say why.
            noChild = child.problem();
        }
        VectorRelaunch.followParent();
        if (noChild != null) {
            System.err.println("note: " + noChild + "; running the " + Kernels.describe() + " in this JVM instead");
        } else if (args.length > 0 && Set.of("train", "sweep", "bench").contains(args[0]) && !Kernels.vectorised()) {
            // the same numbers either way, but a user on a JDK without the module should know why it is slow
            System.err.println("note: " + Kernels.describe());
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests: no System.exit). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage() + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InvalidParameterException p) {
                err.println("error: " + p.messageNaming(Flags.of(p.parameter(), parseResult)));
                return 1;
            }
            if (ex instanceof ScratchnetException) {
                err.println("error: " + ex.getMessage());
                return 1;
            }
            if (ex instanceof java.util.concurrent.CancellationException) {
                err.println("stopped: " + ex.getMessage());
                return 130;
            }
            err.println("internal error: " + ex + " (please report it with the command you ran)");
            return 3;
        });
        return cli.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scratchnet " + Version.VERSION, Kernels.describe()};
        }
    }
}
