package io.github.scratchnet.experiment;

import io.github.scratchnet.nn.ModelFile;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.StopReason;
import io.github.scratchnet.train.TrainConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a {@link Sweep}: its configuration, the report's figures, the validation history and
 * the trained network. A run reused from disk loads its network from {@code runs/<id>.npz} on the
 * first call of {@link #network()}.
 */
public final class SweepRun {
    private final String id;
    private final TrainConfig config;
    private final RunSummary summary;
    private final List<Check> history;
    private final boolean reused;
    private final Path runFile;
    private final Path modelFile;
    private Network network;

    SweepRun(TrainConfig config, RunSummary summary, List<Check> history, boolean reused, Path runFile,
            Path modelFile, Network network) {
        this.id = RunId.of(config);
        this.config = Objects.requireNonNull(config, "config");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.history = List.copyOf(history);
        this.reused = reused;
        this.runFile = runFile;
        this.modelFile = modelFile;
        this.network = network;
    }

    /** A run made by hand, without files or network: for tables of results computed elsewhere. */
    public static SweepRun of(TrainConfig config, RunSummary summary, List<Check> history) {
        return new SweepRun(config, summary, history, false, null, null, null);
    }

    /** The {@link RunId} of the configuration; also the base name of the run's files. */
    public String id() {
        return id;
    }

    public TrainConfig config() {
        return config;
    }

    public RunSummary summary() {
        return summary;
    }

    /** Every validation check, in order. */
    public List<Check> history() {
        return history;
    }

    /** True when the run was found finished on disk, false when this sweep computed it. */
    public boolean reused() {
        return reused;
    }

    public StopReason stopReason() {
        return StopReason.valueOf(summary.stopReason().toUpperCase(Locale.ROOT));
    }

    /** {@code DIR/runs/<id>.json}, or empty for a sweep kept in memory. */
    public Optional<Path> runFile() {
        return Optional.ofNullable(runFile);
    }

    /** {@code DIR/runs/<id>.npz}, or empty for a sweep kept in memory. */
    public Optional<Path> modelFile() {
        return Optional.ofNullable(modelFile);
    }

    /**
     * The trained network (the best checkpoint when the configuration restores it). Loaded from
     * the model file on first use when the run was reused.
     *
     * @throws IllegalStateException for a run made by {@link #of} that has no network
     */
    public synchronized Network network() {
        if (network == null) {
            if (modelFile == null) throw new IllegalStateException("run " + id + " has no trained network");
            network = ModelFile.load(modelFile);
        }
        return network;
    }

    @Override
    public String toString() {
        return id + (reused ? " (reused)" : "") + ": " + SweepListener.describe(this);
    }
}
