package io.github.scratchnet.notebook;

import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.experiment.ReportReplica;
import io.github.scratchnet.experiment.MnistData;
import io.github.scratchnet.experiment.CommittedStore;
import io.github.scratchnet.experiment.ResultsStore;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.IoErrors;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.viz.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.StandardOpenOption;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;
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
 *
 * <p>Full sweeps first look in the committed store ({@code results/store/}, {@link CommittedStore}),
 * so that a fresh clone's notebooks redraw every chart and table without training;
 * {@value #RETRAIN_VARIABLE}{@code =1} trains every run anew. The cells write CSV and PNG files
 * only through {@link #save}, {@link #write} and the publishing methods, which write nothing unless
 * {@value #WRITE_VARIABLE}{@code =1} (make reproduce) or smoke mode says so: looking at a notebook
 * leaves the committed files as they are.
 */
public final class NotebookSettings {
    /** The environment variable that selects smoke mode. */
    public static final String SMOKE_VARIABLE = "SCRATCHNET_SMOKE";
    // Private: a notebook's knob copied from a public array would change the library's own list.
    private static final int[] BATCH_SIZES = {16, 32, 64, 128, 256, 512};
    /** The environment variable that sets how many seeds each configuration trains with. */
    public static final String SEEDS_VARIABLE = "SCRATCHNET_SEEDS";
    /** Seeds per configuration in full mode, unless {@value #SEEDS_VARIABLE} says otherwise. */
    public static final int DEFAULT_SEEDS = 5;
    /** Seeds per configuration in smoke mode, unless {@value #SEEDS_VARIABLE} says otherwise. */
    public static final int SMOKE_SEEDS = 2;
    /** The seed of the training/validation split, the same for every run (the one all notebooks used before seeds). */
    public static final long SPLIT_SEED = 1;
    /** The environment variable that makes every sweep train anew instead of reading the committed store. */
    public static final String RETRAIN_VARIABLE = "SCRATCHNET_RETRAIN";
    /** The environment variable that lets the cells write CSV and PNG files under {@code results/} (what make reproduce sets). */
    public static final String WRITE_VARIABLE = "SCRATCHNET_WRITE_RESULTS";
    /** Runs trained at once: one per core of the reference machine. */
    public static final int PARALLELISM = 2;

    private static final int SMOKE_TRAIN = 2000;
    private static final int SMOKE_EPOCHS = 2;
    private static final int SMOKE_EVAL_EVERY = 2;

    private final boolean smoke;
    private final Path root;
    private final int seeds;
    private final DataSetKind dataSet;
    private final boolean retrain;
    private final boolean writes;
    private final Set<Path> cleared = new HashSet<>();
    private MnistSplits data;
    private CommittedStore store;

    private NotebookSettings(boolean smoke, Path root, int seeds, DataSetKind dataSet, boolean retrain, boolean writes) {
        this.smoke = smoke;
        this.root = root;
        this.seeds = seeds;
        this.dataSet = dataSet;
        this.retrain = retrain;
        this.writes = writes;
    }

    /**
     * Settings for a notebook in {@code notebooks/}: the repository is {@code ..}; smoke mode and
     * the number of seeds from the environment.
     */
    public static NotebookSettings fromEnvironment() {
        boolean smoke = isSmoke(System.getenv(SMOKE_VARIABLE));
        return of(smoke, Path.of(".."), seedCount(System.getenv(SEEDS_VARIABLE), smoke))
                .withRetrain(isSet(RETRAIN_VARIABLE, System.getenv(RETRAIN_VARIABLE)))
                .withWrites(smoke || isSet(WRITE_VARIABLE, System.getenv(WRITE_VARIABLE)));
    }

    /** Settings with the repository at {@code root} and the default number of seeds of the mode. */
    public static NotebookSettings of(boolean smoke, Path root) {
        return of(smoke, root, smoke ? SMOKE_SEEDS : DEFAULT_SEEDS);
    }

    /** Settings with the repository at {@code root} and {@code seeds} seeds (1 to {@code seeds}) per configuration. */
    public static NotebookSettings of(boolean smoke, Path root, int seeds) {
        if (seeds < 1) throw new ScratchnetException("a notebook needs at least one seed per configuration, got " + seeds);
        return new NotebookSettings(smoke, root, seeds, DataSetKind.MNIST, false, smoke);
    }

    /**
     * The same settings, training every run anew ({@code true}) or reusing the runs of the
     * committed store (the default; smoke runs always train).
     */
    public NotebookSettings withRetrain(boolean retrain) {
        return new NotebookSettings(smoke, root, seeds, dataSet, retrain, writes);
    }

    /**
     * The same settings, with the cells' {@link #save} and {@link #write} writing their files
     * ({@code true}: what make reproduce does, and smoke mode under {@code results/smoke/}) or
     * leaving the committed files as they are (the default: looking at a notebook changes nothing).
     */
    public NotebookSettings withWrites(boolean writes) {
        return new NotebookSettings(smoke, root, seeds, dataSet, retrain, writes);
    }

    /**
     * The same settings on another data set: its folder under {@code data/}, its sweeps and model
     * files marked with it. Run folders are named by question, so give each data set its own
     * questions (e.g. {@code fashion-q4}).
     */
    public NotebookSettings withDataSet(DataSetKind kind) {
        return new NotebookSettings(smoke, root, seeds, java.util.Objects.requireNonNull(kind, "kind"), retrain, writes);
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
        return isSet(SMOKE_VARIABLE, value);
    }

    /** A yes/no environment variable, as {@link #isSmoke} reads it; an error naming the variable otherwise. */
    static boolean isSet(String variable, String value) {
        if (value == null) return false;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "", "0", "false", "no", "off" -> false;
            case "1", "true", "yes", "on" -> true;
            default -> throw new ScratchnetException(variable + "=" + value + " is not understood; set it to 1 or leave it unset");
        };
    }

    /** The batch sizes of the report's questions 4 to 6, ascending: a fresh copy on every call, the caller's to change. */
    public static int[] batchSizes() {
        return BATCH_SIZES.clone();
    }

    public boolean smoke() {
        return smoke;
    }

    /** True when the sweeps train every run anew, false when they reuse the committed store's runs. */
    public boolean retrains() {
        return retrain || smoke || !Files.isDirectory(storeDir());
    }

    /** True when {@link #save}, {@link #write} and the publishing methods write their files. */
    public boolean writes() {
        return writes;
    }

    /** The committed store of every sweep's tables, {@code <root>/results/store}. */
    public Path storeDir() {
        return root.resolve("results").resolve("store");
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
        if (!retrains()) b.committed(store());
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

    private synchronized CommittedStore store() {
        if (store == null) store = new CommittedStore(storeDir());
        return store;
    }

    /**
     * The trained network of {@code run}. A run of the committed store has one only when a
     * notebook drew it when the store was made; when writing, the run is noted in its sweep
     * folder's {@value CommittedStore#DRAWN}, so that publishing the store keeps its model file.
     */
    public Network network(SweepRun run) {
        if (run.modelFile().isEmpty()) {
            throw new ScratchnetException("run " + run.id() + " comes from the committed store, which keeps the model files"
                    + " only of the runs the notebooks draw; set " + RETRAIN_VARIABLE + "=1 (or delete results/store) to train it");
        }
        if (writes && run.runFile().isPresent()) {
            Path drawn = run.runFile().get().getParent().getParent().resolve(CommittedStore.DRAWN);
            try {
                List<String> ids = Files.isRegularFile(drawn) ? Files.readAllLines(drawn) : List.of();
                if (!ids.contains(run.id())) {
                    Files.writeString(drawn, run.id() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                throw new ScratchnetException("cannot note the drawn run in " + drawn + " (" + IoErrors.describe(e) + ")", e);
            }
        }
        return run.network();
    }

    /** Saves {@code chart} as {@code results/<first>/<more…>} when {@link #writes}; returns it, so a cell can end with it. */
    public <C extends Chart<?, ?>> C save(C chart, String first, String... more) {
        return writes ? Theme.save(chart, result(first, more)) : chart;
    }

    /** Saves {@code image} as a PNG under {@code results/} when {@link #writes}; returns it. */
    public BufferedImage save(BufferedImage image, String first, String... more) {
        return writes ? Theme.save(image, result(first, more)) : image;
    }

    /** Writes {@code table} as CSV under {@code results/} when {@link #writes}; returns it. */
    public Table write(Table table, String first, String... more) {
        if (writes) ResultsStore.write(table, result(first, more));
        return table;
    }

    /** {@link ResultsStore#publish} into the combined {@link #runsCsv} when {@link #writes}; returns {@code runs}. */
    public Table publishRuns(Table runs) {
        return writes ? ResultsStore.publish(runs, runsCsv()) : runs;
    }

    /** {@link ReportReplica#publish} into {@code results/report-replica.csv} when {@link #writes}; returns {@code rows}. */
    public Table publishReplica(Table rows) {
        return writes ? ReportReplica.publish(rows, result("report-replica.csv")) : rows;
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
        m.put("runs", retrains()
                ? "trained into " + resultsDir().resolve("runs") + " (finished runs there reused)" + (smoke ? ""
                        : retrain ? "; " + RETRAIN_VARIABLE + "=1: the committed store is not read" : "; no committed store at " + storeDir())
                : "read from the committed store " + storeDir() + " (no training unless a run is not there; "
                        + RETRAIN_VARIABLE + "=1 trains every run anew)");
        m.put("files", writes ? "CSV and PNG written under " + resultsDir()
                : "none written: the cells leave the committed CSV and PNG files as they are (" + WRITE_VARIABLE + "=1 writes them)");
        return m;
    }

    /** {@link #describe} as a small HTML table. */
    public String html() {
        return html(Map.of());
    }

    /**
     * {@link #html()} with what a notebook actually runs where it differs from the defaults: each
     * entry of {@code whatRuns} replaces the row of the same name in place (e.g. "batch sizes" for a
     * notebook that trains only some of them, "training images" for one that loads a slice) or, for
     * a new name, is added at the end. The table then states what runs rather than the defaults.
     */
    public String html(Map<String, String> whatRuns) {
        Map<String, String> rows = describe();
        rows.putAll(whatRuns);
        StringBuilder sb = new StringBuilder("<table style=\"border-collapse:collapse;font-size:90%\">");
        rows.forEach((k, v) -> sb.append("<tr><td style=\"padding:1px 8px;text-align:left\"><b>")
                .append(Html.escape(k)).append("</b></td><td style=\"padding:1px 8px;text-align:left\">")
                .append(Html.escape(v)).append("</td></tr>"));
        return sb.append("</table>").toString();
    }

    @Override
    public String toString() {
        return describe().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }
}
