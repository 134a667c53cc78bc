package io.github.scratchnet.cli;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.CommittedStore;
import io.github.scratchnet.experiment.ResultsStore;
import io.github.scratchnet.experiment.StoreComparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code store}: the committed tables of the notebooks' sweeps ({@link CommittedStore}) against a
 * fresh training of them ({@code compare}, what {@code make reproduce} ends with), or replaced by
 * it ({@code publish}, after a change that moves the numbers on purpose).
 */
@Command(name = "store", mixinStandardHelpOptions = true, subcommands = {StoreCommand.Compare.class, StoreCommand.Publish.class},
        description = {"The committed store of the notebooks' runs (results/store/<label>/runs.csv.gz, checks.csv.gz, "
                + "models/) against the sweep folders a fresh training wrote (results/runs/<label>/)."})
public final class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** The options both subcommands share. */
    static final class Folders {
        @Option(names = "--store", paramLabel = "DIR", description = "the committed store (default: ${DEFAULT-VALUE})")
        Path store = Path.of("results/store");

        @Option(names = "--runs", paramLabel = "DIR", description = "the sweep folders, one per label (default: ${DEFAULT-VALUE})")
        Path runs = Path.of("results/runs");

        @Parameters(paramLabel = "LABEL", arity = "0..*", description = "labels to take (default: every label of --store)")
        List<String> labels = List.of();

        List<String> labels() {
            return labels.isEmpty() ? foldersHolding(store, CommittedStore.RUNS) : labels;
        }

        /** The names of the subfolders of {@code root} that hold {@code file}, sorted. */
        static List<String> foldersHolding(Path root, String file) {
            try (var dirs = Files.list(root)) {
                return dirs.filter(d -> Files.isRegularFile(d.resolve(file))).map(d -> d.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                throw new ScratchnetException("cannot list " + root + "; give the folder that holds <label>/" + file
                        + " (make reproduce writes them)", e);
            }
        }

        Path sweep(String label) {
            Path dir = runs.resolve(label);
            if (!Files.isRegularFile(dir.resolve(ResultsStore.RUNS_CSV))) {
                throw new ScratchnetException(dir.resolve(ResultsStore.RUNS_CSV) + " does not exist; run the notebook that trains "
                        + label + " (make reproduce trains them all)");
            }
            return dir;
        }
    }

    /** {@code store compare}: one line per label; exit 1 when a run both hold differs. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Compare each label's new sweep with the committed store: every number of the runs both "
                    + "hold, bit for bit (times aside), and the arrays of the committed model files. Exit 1 if any differs."})
    static final class Compare implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Folders folders;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CommittedStore store = new CommittedStore(folders.store);
            boolean equal = true;
            for (String label : folders.labels()) {
                StoreComparison c = StoreComparison.of(store, label, folders.sweep(label));
                out.println("store: " + c.describe());
                equal &= c.equal();
            }
            out.flush();
            return equal ? 0 : 1;
        }
    }

    /** {@code store publish}: the new sweeps become the committed store. */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Replace each label's committed tables with the new sweep's (gzipped), and its model files "
                    + "with those of the runs the notebooks drew (listed in the sweep folder's "
                    + CommittedStore.DRAWN + ")."})
    static final class Publish implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Folders folders;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CommittedStore store = new CommittedStore(folders.store);
            List<String> labels = folders.labels.isEmpty() ? Folders.foldersHolding(folders.runs, ResultsStore.RUNS_CSV) : folders.labels;
            for (String label : labels) {
                int models = store.publish(label, folders.sweep(label));
                out.println("store: " + label + " published from " + folders.runs.resolve(label) + " with " + models
                        + " model files");
            }
            out.flush();
            return 0;
        }

    }
}
