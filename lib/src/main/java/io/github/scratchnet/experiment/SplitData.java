package io.github.scratchnet.experiment;

import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BiFunction;

/**
 * The data of a {@link Sweep}'s runs, one split at a time: a split (its {@link Protocol.Split} kind
 * and split seed; under split=report every seed is its own split) is loaded once, by the first
 * worker that needs it while the others wait, and dropped when its last run has trained.
 */
final class SplitData {
    private final BiFunction<Protocol.Split, Long, MnistSplits> load;
    private final Map<Split, FutureTask<MnistSplits>> loaded = new ConcurrentHashMap<>();
    private final Map<Split, Integer> runsLeft = new HashMap<>();

    /** The data a run is trained on: the split of its protocol, made with its split seed. */
    private record Split(Protocol.Split kind, long seed) {
        static Split of(TrainConfig c) {
            return new Split(c.protocol().split(), c.splitSeed());
        }

        @Override
        public String toString() {
            return "split " + kind.label() + " of seed " + seed;
        }
    }

    SplitData(BiFunction<Protocol.Split, Long, MnistSplits> load) {
        this.load = load;
    }

    /** Counts a run to train on the data of {@code c} (called for every run before any starts). */
    synchronized void willTrain(TrainConfig c) {
        runsLeft.merge(Split.of(c), 1, Integer::sum);
    }

    /** The data of {@code c}, loaded by this thread or another. */
    MnistSplits of(TrainConfig c) {
        Split split = Split.of(c);
        FutureTask<MnistSplits> task = loaded.computeIfAbsent(split, s -> new FutureTask<>(
                () -> Objects.requireNonNull(load.apply(s.kind(), s.seed()), "the data of " + s)));
        task.run(); // a no-op when another worker is loading it or has loaded it
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the data of " + split);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("loading the data of " + split + " failed", e.getCause());
        }
    }

    /** A run on the data of {@code c} is done with it: the last one drops it. */
    synchronized void trained(TrainConfig c) {
        Split split = Split.of(c);
        if (runsLeft.merge(split, -1, Integer::sum) <= 0) {
            runsLeft.remove(split);
            loaded.remove(split);
        }
    }
}
