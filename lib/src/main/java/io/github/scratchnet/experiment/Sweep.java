package io.github.scratchnet.experiment;

import io.github.scratchnet.AtomicFiles;
import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.nn.ModelFile;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import io.github.scratchnet.train.TrainingListener;
import io.github.scratchnet.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * Trains a list of configurations on a fixed pool of worker threads and keeps every finished run.
 *
 * <p>With an output folder, each finished run is written at once, atomically, to
 * {@code DIR/runs/<id>.json} (configuration, summary, history, stop reason, library version)
 * and {@code DIR/runs/<id>.npz} (the network, see {@link ModelFile}), and the tidy tables
 * {@code DIR/runs.csv} and {@code DIR/checks.csv} ({@link ResultsStore}) are rebuilt from every run
 * file in {@code DIR/runs/}: this sweep's runs in the order asked for, then any other finished
 * runs there (other shards', earlier sweeps') by id. Running the
 * same sweep again reuses every run whose files are there and hold the same configuration, and
 * computes the rest: a sweep stopped half-way resumes where it was. Without an output folder
 * everything stays in memory.
 *
 * <p>Each run evaluates on one thread ({@code new Trainer(config, 1)}) and depends only on its
 * configuration and data, so a parallel sweep gives the same numbers, bit for bit, as a
 * sequential one. Configurations that differ only in their stopping rule (patience, restoring
 * the best check) share one training run: the most patient of them trains, and the others are
 * read off its trajectory where their rule fires ({@link Trainer#observing}, {@link Trajectories}), with the numbers
 * they would have had alone. The data of each split (its {@link Protocol.Split} kind and split seed: under
 * split=report every seed is its own split) is loaded once, when the first run needs it, and dropped when its last
 * run has finished.
 *
 * <p>Interrupting the thread that called {@link #run} (a notebook's stop button, Ctrl-C) stops the
 * training runs within a step, lets runs that have already finished write their files, and throws
 * a {@link CancellationException}; the interrupt flag stays set. A run whose training diverges is
 * recorded with stop reason {@code diverged} and the sweep goes on; any other failure (bad data,
 * a configuration that does not fit the data, a full disk) stops the sweep and is rethrown.
 *
 * <p>Only one sweep may write to a folder at a time, unless each computes configurations of its own
 * (the {@link Shard}s of one sweep) and is built with {@link Builder#sharedFolder}; each write is
 * atomic, so the tables written last list every run that was on disk.
 *
 * <pre>{@code
 * Sweep sweep = Sweep.builder()
 *         .outputDir(Path.of("results/batch-size"))
 *         .mnist(Path.of("data/mnist"))
 *         .listener(SweepListener.printing(System.out))
 *         .build();
 * SweepResult result = sweep.run(SweepGrid.of(TrainConfig.defaults()).batchSizes(16, 64, 256).seeds(1, 2).configs());
 * }</pre>
 */
public final class Sweep {
    static final String RUNS = "runs";
    // A second interrupt while waiting for the workers gives up on a clean stop after this long.
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Path dir;
    private final String label;
    private final int parallelism;
    private final SweepListener listener;
    private final BiFunction<Protocol.Split, Long, MnistSplits> data;
    private final boolean sharedFolder;
    private final DataSetKind dataSet;
    private final CommittedStore committed;

    private Sweep(Builder b) {
        this.dir = b.dir;
        this.label = b.label != null ? b.label : b.dir != null && b.dir.getFileName() != null
                ? b.dir.getFileName().toString() : "sweep";
        this.parallelism = b.parallelism;
        this.listener = b.listener;
        this.data = b.data;
        this.sharedFolder = b.sharedFolder;
        this.dataSet = b.dataSet;
        this.committed = b.committed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The output folder, or null for a sweep kept in memory. */
    public Path outputDir() {
        return dir;
    }

    /** The label of this sweep's rows in {@code runs.csv} (the Question column). */
    public String label() {
        return label;
    }

    public int parallelism() {
        return parallelism;
    }

    /** {@link #run(List)} for a few configurations. */
    public SweepResult run(TrainConfig... configs) {
        return run(List.of(configs));
    }

    /**
     * Runs (or reuses) every configuration and returns the runs in the same order. A
     * configuration listed twice is trained once.
     *
     * @throws CancellationException when the calling thread is interrupted
     * @throws ScratchnetException when a run cannot be trained or its files cannot be written
     */
    public SweepResult run(List<TrainConfig> configs) {
        Objects.requireNonNull(configs, "configs");
        if (configs.isEmpty()) throw new ScratchnetException("a sweep needs at least one configuration");
        Map<String, TrainConfig> unique = new LinkedHashMap<>();
        for (TrainConfig c : configs) {
            Objects.requireNonNull(c, "a configuration is null");
            TrainConfig before = unique.putIfAbsent(RunId.of(c), c);
            if (before != null && !before.equals(c)) {
                throw new ScratchnetException("configurations [" + before + "] and [" + c + "] have the same id "
                        + RunId.of(c) + "; change one of them slightly (e.g. min-delta) to tell them apart");
            }
        }
        Path runsDir = dir == null ? null : prepare(dir, !sharedFolder);
        if (runsDir != null) StoredRuns.requireDataSet(runsDir, dataSet, dir);
        Map<String, SweepRun> done = new Execution(unique, runsDir).go();
        List<SweepRun> ordered = new ArrayList<>();
        for (TrainConfig c : configs) ordered.add(done.get(RunId.of(c)));
        return new SweepResult(ordered, dir, label);
    }

    private static Path prepare(Path dir, boolean removeStale) {
        Path runs = dir.resolve(RUNS);
        try {
            Files.createDirectories(runs);
        } catch (IOException e) {
            throw new ScratchnetException("cannot create the sweep folder " + runs + " (" + IoErrors.describe(e)
                    + "); choose another output folder", e);
        }
        if (!Files.isWritable(runs)) {
            throw new ScratchnetException("cannot write to the sweep folder " + runs + "; choose another output folder");
        }
        if (removeStale) {
            AtomicFiles.removeStale(dir);
            AtomicFiles.removeStale(runs);
        }
        return runs;
    }

    /** The state of one call of {@link #run}. */
    private final class Execution {
        private final Map<String, TrainConfig> configs;
        private final Path runsDir;
        private final Map<String, SweepRun> done = new ConcurrentHashMap<>();
        private final SplitData splits = new SplitData(data);
        // Threads that are loading data or training: the only ones a stop may interrupt, so that a
        // run that has finished training always gets its files written whole.
        private final Set<Thread> interruptible = new HashSet<>();
        private boolean stopping;
        private final Object tablesLock = new Object();
        private final StoredRuns stored;

        Execution(Map<String, TrainConfig> configs, Path runsDir) {
            this.configs = configs;
            this.runsDir = runsDir;
            this.stored = runsDir == null ? null : new StoredRuns(runsDir);
        }

        Map<String, SweepRun> go() {
            List<TrainConfig> todo = new ArrayList<>();
            for (Map.Entry<String, TrainConfig> e : configs.entrySet()) {
                SweepRun reused = runsDir == null ? null : reuse(e.getKey(), e.getValue());
                if (reused == null) {
                    todo.add(e.getValue());
                } else {
                    done.put(e.getKey(), reused);
                    listener.runReused(reused);
                }
            }
            if (runsDir != null) writeTables();
            if (!todo.isEmpty()) compute(todo);
            return done;
        }

        private SweepRun reuse(String id, TrainConfig config) {
            if (!Files.exists(runsDir.resolve(id + ".json"))) {
                return committed == null ? null : committed.find(label, config).orElse(null);
            }
            try {
                SweepRun s = StoredRuns.load(runsDir, id);
                if (!s.config().equals(config)) {
                    listener.runDiscarded(id, id + ".json holds another configuration (" + s.config() + ")");
                    return null;
                }
                return s;
            } catch (RunFile.Invalid e) {
                listener.runDiscarded(id, e.getMessage());
                return null;
            }
        }

        private void compute(List<TrainConfig> todo) {
            List<List<TrainConfig>> tasks = Trajectories.of(todo);
            for (List<TrainConfig> t : tasks) splits.willTrain(t.get(0));
            AtomicInteger n = new AtomicInteger();
            List<Thread> workers = new CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, tasks.size()), r -> {
                Thread t = new Thread(r, "sweep-worker-" + n.incrementAndGet());
                workers.add(t);
                // A worker that does not stop must not keep the JVM alive after the caller gave up.
                t.setDaemon(true);
                return t;
            });
            CompletionService<List<SweepRun>> completion = new ExecutorCompletionService<>(pool);
            List<Future<List<SweepRun>>> futures = new ArrayList<>();
            Throwable failure = null;
            boolean interrupted = false;
            try {
                for (List<TrainConfig> t : tasks) futures.add(completion.submit(() -> computeOne(t)));
                for (int i = 0; i < tasks.size() && failure == null; i++) {
                    try {
                        completion.take().get();
                    } catch (ExecutionException e) {
                        failure = e.getCause();
                    }
                }
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                if (interrupted || failure != null) interrupted |= stop(pool, futures, workers);
                pool.shutdown();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                int finished = (int) todo.stream().filter(c -> done.containsKey(RunId.of(c))).count();
                throw new CancellationException("sweep interrupted after " + finished + " of " + todo.size()
                        + " runs" + (runsDir == null ? "" : "; finished runs are kept in " + dir
                        + ", run the same sweep again to resume"));
            }
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error e) throw e;
            if (failure != null) throw new IllegalStateException("a sweep run failed: " + failure, failure);
        }

        /** Stops the pool; returns whether the caller was interrupted (again) while waiting for it. */
        private boolean stop(ExecutorService pool, List<? extends Future<?>> futures, List<Thread> workers) {
            synchronized (interruptible) {
                stopping = true;
                for (Thread t : interruptible) t.interrupt();
            }
            for (Future<?> f : futures) f.cancel(false);
            pool.shutdown();
            boolean interruptedAgain = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                try {
                    if (pool.awaitTermination(100, TimeUnit.MILLISECONDS)) break;
                } catch (InterruptedException e) {
                    // Asked twice: do not wait for writes to finish (they clean up their temporary files).
                    interruptedAgain = true;
                    pool.shutdownNow();
                }
            }
            // A terminated pool's threads may still be on their way out: the caller gets control back
            // only when none is alive, so a stopped sweep leaves no thread of its own behind.
            for (Thread t : workers) {
                long left = deadline - System.nanoTime();
                if (interruptedAgain || left <= 0) break;
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interruptedAgain = true;
                }
            }
            return interruptedAgain;
        }

        /**
         * Trains one trajectory: its first configuration, the most patient, observed under the
         * stopping rules of the others ({@link Trainer#observing}); records every run.
         */
        private List<SweepRun> computeOne(List<TrainConfig> trajectory) {
            TrainConfig config = trajectory.get(0);
            List<TrainConfig> observed = trajectory.subList(1, trajectory.size());
            String id = RunId.of(config);
            Thread me = Thread.currentThread();
            synchronized (interruptible) {
                if (stopping) throw new CancellationException("sweep stopped before run " + id);
                interruptible.add(me);
            }
            List<TrainingResult> results;
            try {
                for (TrainConfig c : trajectory) listener.runStarted(RunId.of(c), c);
                MnistSplits d = splits.of(config);
                results = new Trainer(config, 1).observing(observed).listener(new TrainingListener() {
                    @Override
                    public void onCheck(Check check) {
                        listener.check(id, check);
                    }

                    @Override
                    public void onEpochEnd(int epoch, long steps) {
                        listener.epochEnded(id, epoch, steps);
                    }
                }).fitAll(d.train(), d.validation(), d.test());
            } finally {
                synchronized (interruptible) {
                    interruptible.remove(me);
                    // An interrupt that came after training ended must not break the writes below.
                    Thread.interrupted();
                }
                splits.trained(config);
            }
            List<SweepRun> runs = new ArrayList<>();
            for (TrainingResult r : results) {
                SweepRun run = record(r.config(), r);
                listener.runFinished(run);
                runs.add(run);
            }
            return runs;
        }

        private SweepRun record(TrainConfig config, TrainingResult result) {
            String id = RunId.of(config);
            RunSummary summary = RunSummary.of(result);
            SweepRun run;
            if (runsDir == null) {
                run = new SweepRun(config, summary, result.history(), false, null, null, result.network());
                done.put(id, run);
                return run;
            }
            Path npz = runsDir.resolve(id + ".npz");
            Path json = runsDir.resolve(id + ".json");
            // The model first: a run file is the mark of a finished run, so it must not exist without its model.
            ModelFile.save(result.network(), result.optimizer(), dataSet, npz);
            AtomicFiles.write(json, RunFile.encode(config, summary, result.history(), npz.getFileName().toString()));
            run = new SweepRun(config, summary, result.history(), false, json, npz, result.network());
            done.put(id, run);
            writeTables();
            return run;
        }

        private void writeTables() {
            synchronized (tablesLock) {
                List<SweepRun> rows = new ArrayList<>();
                for (String id : configs.keySet()) {
                    SweepRun r = done.get(id);
                    if (r != null) rows.add(r);
                }
                rows.addAll(stored.others(configs.keySet()));
                if (rows.isEmpty()) return;
                ResultsStore.write(ResultsStore.runs(label, rows), dir.resolve(ResultsStore.RUNS_CSV));
                ResultsStore.write(ResultsStore.checks(rows), dir.resolve(ResultsStore.CHECKS_CSV));
            }
        }
    }

    /** Collects the settings of a {@link Sweep}; only the data is required. */
    public static final class Builder {
        private Path dir;
        private String label;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private SweepListener listener = SweepListener.NONE;
        private BiFunction<Protocol.Split, Long, MnistSplits> data;
        private boolean sharedFolder;
        private DataSetKind dataSet = DataSetKind.MNIST;
        private CommittedStore committed;

        private Builder() {}

        /**
         * Reuse the runs of this sweep's label that {@code store} holds when the output folder
         * does not: a fresh clone's notebooks redraw from the committed tables instead of training.
         */
        public Builder committed(CommittedStore store) {
            this.committed = store;
            return this;
        }

        /** Where run files and summaries go; null (the default) keeps everything in memory. */
        public Builder outputDir(Path dir) {
            this.dir = dir;
            return this;
        }

        /** The Question column of {@code runs.csv} (default: the output folder's name). */
        public Builder label(String label) {
            if (label != null && label.isBlank()) throw new ScratchnetException("a sweep label must not be blank");
            this.label = label;
            return this;
        }

        /** How many runs train at once (default: the number of processors). */
        public Builder parallelism(int n) {
            if (n < 1) throw new ScratchnetException("parallelism must be at least 1, got " + n);
            this.parallelism = n;
            return this;
        }

        /**
         * True when other sweeps write to the same folder at the same time, each computing other
         * configurations (the shards of one sweep): then this one leaves temporary files alone
         * instead of removing those a killed process left (a later unshared run removes them).
         */
        public Builder sharedFolder(boolean shared) {
            this.sharedFolder = shared;
            return this;
        }

        public Builder listener(SweepListener listener) {
            this.listener = listener == null ? SweepListener.NONE : listener;
            return this;
        }

        /**
         * The data of each split seed, of the seeded split (runs under split=report fail): called
         * once per seed in a sweep, possibly from a worker thread, and only for seeds that have runs
         * left to compute. Model files record MNIST as their data set unless {@link
         * #data(DataSetKind, LongFunction)} says otherwise.
         */
        public Builder data(LongFunction<MnistSplits> data) {
            return data(DataSetKind.MNIST, data);
        }

        /** {@link #data(LongFunction)} of {@code dataSet}, which the model files record. */
        public Builder data(DataSetKind dataSet, LongFunction<MnistSplits> data) {
            Objects.requireNonNull(data, "data");
            return data(dataSet, (split, seed) -> {
                if (split != Protocol.Split.SEEDED) {
                    throw new ScratchnetException("this sweep was given the data of the seeded split only; give it"
                            + " dataSet(...) or a loader per split kind to train under protocol field split=" + split.label());
                }
                return data.apply(seed);
            });
        }

        /** The data of each split kind and split seed ({@link #data(LongFunction)}), of {@code dataSet}. */
        public Builder data(DataSetKind dataSet, BiFunction<Protocol.Split, Long, MnistSplits> data) {
            this.dataSet = Objects.requireNonNull(dataSet, "dataSet");
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /** {@code dataSet} from {@code dataDir} (fetched when absent), split as each run's protocol says, by its split seed. */
        public Builder dataSet(DataSetKind dataSet, Path dataDir) {
            return dataSet(dataSet, dataDir, Mnist.TRAIN_SIZE);
        }

        /** A small {@code dataSet}: {@code maxTrain} training images and a quarter as many for validation and test. */
        public Builder dataSet(DataSetKind dataSet, Path dataDir, int maxTrain) {
            MnistData.trainSize(maxTrain);
            return data(dataSet, (split, seed) -> MnistData.loader(dataSet, dataDir, split, maxTrain).apply(seed));
        }

        /** {@link #dataSet(DataSetKind, Path)} of MNIST. */
        public Builder mnist(Path dataDir) {
            return dataSet(DataSetKind.MNIST, dataDir);
        }

        /** {@link #dataSet(DataSetKind, Path, int)} of MNIST. */
        public Builder mnist(Path dataDir, int maxTrain) {
            return dataSet(DataSetKind.MNIST, dataDir, maxTrain);
        }

        public Sweep build() {
            if (data == null) throw new IllegalStateException("say where the data comes from: data(...), dataSet(...) or mnist(...)");
            return new Sweep(this);
        }
    }
}
