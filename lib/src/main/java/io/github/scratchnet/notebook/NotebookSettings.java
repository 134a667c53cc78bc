package io.github.scratchnet.notebook;

import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.experiment.ReportReplica;
import io.github.scratchnet.experiment.MnistData;
import io.github.scratchnet.experiment.ResultsStore;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.Sweep;
import io.github.scratchnet.experiment.SweepListener;
import io.github.scratchnet.nn.Kernels;
import io.github.scratchnet.train.TrainConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The settings every notebook starts from: full or smoke mode, where the data and the results
 * are, and the report's base configuration scaled to the mode.
 *
 * <p>Full mode is the report's setting: all 48000 training images, up to 100 epochs, a validation
 * check every 100 steps. Smoke mode ({@code SCRATCHNET_SMOKE=1}) runs the same cells on 2000
 * training images for 2 epochs with a check every 2 steps, and writes everything (runs, CSV, PNG)
 * under {@code results/smoke/}, so it never overwrites the real results. Smoke sweeps start from
 * an empty run folder, so a smoke run always trains; full sweeps reuse finished runs (delete
 * {@code results/runs/<question>} to train again).
 */
public final class NotebookSettings {
    /** The environment variable that selects smoke mode. */
    public static final String SMOKE_VARIABLE = "SCRATCHNET_SMOKE";
    /** The batch sizes of the report's questions 4 to 6. */
    public static final int[] BATCH_SIZES = {16, 32, 64, 128, 256, 512};
    /** The environment variable that sets how many seeds each configuration trains with. */
    public static final String SEEDS_VARIABLE = "SCRATCHNET_SEEDS";
    /** Seeds per configuration in full mode, unless {@value #SEEDS_VARIABLE} says otherwise. */
    public static final int DEFAULT_SEEDS = 5;
    /** Seeds per configuration in smoke mode, unless {@value #SEEDS_VARIABLE} says otherwise. */
    public static final int SMOKE_SEEDS = 2;
    /** The seed of the training/validation split, the same for every run (the one all notebooks used before seeds). */
    public static final long SPLIT_SEED = 1;
    /** Runs trained at once: one per core of the reference machine. */
    public static final int PARALLELISM = 2;

    private static final int SMOKE_TRAIN = 2000;
    private static final int SMOKE_EPOCHS = 2;
    private static final int SMOKE_EVAL_EVERY = 2;

    private final boolean smoke;
    private final Path root;
    private final int seeds;
    private final DataSetKind dataSet;
    private final Set<Path> cleared = new HashSet<>();
    private MnistSplits data;

    private NotebookSettings(boolean smoke, Path root, int seeds, DataSetKind dataSet) {
        this.smoke = smoke;
        this.root = root;
        this.seeds = seeds;
        this.dataSet = dataSet;
    }

    /**
     * Settings for a notebook in {@code notebooks/}: the repository is {@code ..}; smoke mode and
     * the number of seeds from the environment.
     */
    public static NotebookSettings fromEnvironment() {
        boolean smoke = isSmoke(System.getenv(SMOKE_VARIABLE));
        return of(smoke, Path.of(".."), seedCount(System.getenv(SEEDS_VARIABLE), smoke));
    }

    /** Settings with the repository at {@code root} and the default number of seeds of the mode. */
    public static NotebookSettings of(boolean smoke, Path root) {
        return of(smoke, root, smoke ? SMOKE_SEEDS : DEFAULT_SEEDS);
    }

    /** Settings with the repository at {@code root} and {@code seeds} seeds (1 to {@code seeds}) per configuration. */
    public static NotebookSettings of(boolean smoke, Path root, int seeds) {
        if (seeds < 1) throw new ScratchnetException("a notebook needs at least one seed per configuration, got " + seeds);
        return new NotebookSettings(smoke, root, seeds, DataSetKind.MNIST);
    }

    /**
     * The same settings on another data set: its folder under {@code data/}, its sweeps and model
     * files marked with it. Run folders are named by question, so give each data set its own
     * questions (e.g. {@code fashion-q4}).
     */
    public NotebookSettings withDataSet(DataSetKind kind) {
        return new NotebookSettings(smoke, root, seeds, java.util.Objects.requireNonNull(kind, "kind"));
    }

    /** The data set every sweep and {@link #data()} of these settings uses (MNIST unless changed). */
    public DataSetKind dataSet() {
        return dataSet;
    }

    /** The number of seeds {@code value} (of {@value #SEEDS_VARIABLE}) asks for; the mode's default when unset or empty. */
    public static int seedCount(String value, boolean smoke) {
        if (value == null || value.isBlank()) return smoke ? SMOKE_SEEDS : DEFAULT_SEEDS;
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 100) return n;
        } catch (NumberFormatException e) {
            // one message for every bad value, below
        }
        throw new ScratchnetException(SEEDS_VARIABLE + "=" + value + " is not a number of seeds; set it to a whole number"
                + " from 1 to 100, or leave it unset for " + DEFAULT_SEEDS);
    }

    /** True for {@code 1}, {@code true}, {@code yes}, {@code on} (any case); false for unset, empty, {@code 0}, {@code false}, {@code no}, {@code off}. */
    public static boolean isSmoke(String value) {
        if (value == null) return false;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "", "0", "false", "no", "off" -> false;
            case "1", "true", "yes", "on" -> true;
            default -> throw new ScratchnetException(SMOKE_VARIABLE + "=" + value
                    + " is not understood; set it to 1 for a smoke run or leave it unset");
        };
    }

    public boolean smoke() {
        return smoke;
    }

    /** The run seeds of every configuration: 1 to the number of seeds. Seed 1 is the run of the notebooks before seeds. */
    public long[] seeds() {
        return java.util.stream.LongStream.rangeClosed(1, seeds).toArray();
    }

    /** The data set's folder, {@code <root>/data/mnist} or {@code <root>/data/fashion-mnist}. */
    public Path dataDir() {
        return root.resolve(dataSet.defaultDir());
    }

    /** Where CSV, PNG and run files go: {@code <root>/results}, or {@code <root>/results/smoke} in smoke mode. */
    public Path resultsDir() {
        Path results = root.resolve("results");
        return smoke ? results.resolve("smoke") : results;
    }

    /** A file or folder under {@link #resultsDir}, e.g. {@code result("q4", "overview.png")}. */
    public Path result(String first, String... more) {
        return resultsDir().resolve(Path.of(first, more));
    }

    /** The run files of one question: {@code results/runs/<question>} (git-ignored). */
    public Path runsDir(String question) {
        if (question == null || !question.matches("[A-Za-z0-9._-]+")) {
            throw new ScratchnetException("a question name is letters, digits, '.', '_' or '-', got '" + question + "'");
        }
        return resultsDir().resolve("runs").resolve(question);
    }

    /** Training images per run: all 48000, or 2000 in smoke mode. */
    public int trainImages() {
        return smoke ? SMOKE_TRAIN : io.github.scratchnet.data.Mnist.TRAIN_SIZE;
    }

    /** The report's 100 epochs, or 2 in smoke mode. */
    public int maxEpochs() {
        return smoke ? SMOKE_EPOCHS : 100;
    }

    /** Steps between validation checks: the report's 100, or 2 in smoke mode (so small runs still have a history). */
    public int evalEvery() {
        return smoke ? SMOKE_EVAL_EVERY : 100;
    }

    public int parallelism() {
        return PARALLELISM;
    }

    /**
     * The report's configuration for one batch size, scaled to the mode: layers [784, 20, 7, 5, 10],
     * learning rate 0.009, no batchnorm, no L2, and the one-check stopping rule (stop at the first
     * check whose validation cost does not improve); seed 1 and the split of {@link #SPLIT_SEED}.
     * In full mode this equals {@link TrainConfig#report(int, long) TrainConfig.report(batchSize, 1)}.
     */
    public TrainConfig base(int batchSize) {
        return TrainConfig.report(batchSize, 1).toBuilder().splitSeed(SPLIT_SEED).maxEpochs(maxEpochs())
                .evalEvery(evalEvery()).patience(evalEvery()).build();
    }

    /**
     * The report's runs of {@code question} ({@link ReportReplica#configs}: its protocol and its seed
     * 42), scaled to the mode: in smoke mode {@link #maxEpochs} epochs and a check every
     * {@link #evalEvery} steps.
     */
    public List<TrainConfig> replica(String question) {
        return ReportReplica.configs(42).stream().filter(c -> ReportReplica.question(c).equals(question))
                .map(c -> smoke ? c.toBuilder().maxEpochs(maxEpochs()).evalEvery(evalEvery()).build() : c).toList();
    }

    /**
     * A sweep for one question: run files in {@link #runsDir}, MNIST (cut to {@link #trainImages}),
     * {@link #PARALLELISM} runs at a time. In smoke mode the run folder is emptied the first time
     * these settings ask for it, so smoke runs always train.
     */
    public Sweep sweep(String question, SweepListener listener) {
        Path dir = runsDir(question);
        if (smoke) clearOnce(dir);
        Sweep.Builder b = Sweep.builder().outputDir(dir).label(question).parallelism(parallelism()).listener(listener);
        return (smoke ? b.dataSet(dataSet, dataDir(), trainImages()) : b.dataSet(dataSet, dataDir())).build();
    }

    private synchronized void clearOnce(Path dir) {
        if (!cleared.add(dir.toAbsolutePath().normalize()) || !Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the smoke run folder " + dir, e);
        }
    }

    /**
     * The training, validation and test images of the notebooks' split, as every sweep of these
     * settings sees them (cut to {@link #trainImages} in smoke mode): for looking at what a
     * trained network does. Loaded once.
     */
    public synchronized MnistSplits data() {
        if (data == null) data = MnistData.loader(dataSet, dataDir(), trainImages()).apply(SPLIT_SEED);
        return data;
    }

    /** The combined table of every question's runs, {@code results/runs.csv} (committed). */
    public Path runsCsv() {
        return result(ResultsStore.RUNS_CSV);
    }

    /** The settings as name/value pairs, for the configuration cell. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", smoke ? "smoke (" + SMOKE_VARIABLE + "=1): a quick check that every cell runs" : "full: the report's setting");
        m.put("training images", Integer.toString(trainImages()));
        m.put("batch sizes", Arrays.stream(BATCH_SIZES).mapToObj(Integer::toString).collect(Collectors.joining(", ")));
        m.put("max epochs", Integer.toString(maxEpochs()));
        m.put("validation check every", evalEvery() + " steps");
        m.put("runs in parallel", Integer.toString(parallelism()));
        m.put("kernels", Kernels.describe());
        m.put("seeds per configuration", seeds + " (" + SEEDS_VARIABLE + "; seeds 1 to " + seeds
                + ": initialisation and batch order)");
        m.put("split seed", SPLIT_SEED + " (the same 48000/12000 split for every run)");
        m.put("data", dataSet.displayName() + " in " + dataDir());
        m.put("results", resultsDir().toString());
        return m;
    }

    /** {@link #describe} as a small HTML table. */
    public String html() {
        StringBuilder sb = new StringBuilder("<table style=\"border-collapse:collapse;font-size:90%\">");
        describe().forEach((k, v) -> sb.append("<tr><td style=\"padding:1px 8px;text-align:left\"><b>")
                .append(Html.escape(k)).append("</b></td><td style=\"padding:1px 8px;text-align:left\">")
                .append(Html.escape(v)).append("</td></tr>"));
        return sb.append("</table>").toString();
    }

    @Override
    public String toString() {
        return describe().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }
}
