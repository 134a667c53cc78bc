package io.github.scratchnet.bench;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.optim.OptimizerSpec;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import io.github.scratchnet.train.TrainingListener;
import io.github.scratchnet.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the reference workload through {@link Trainer}: {@code warmup} untimed epochs, then
 * {@code epochs} timed ones. An epoch's time runs from the end of the previous epoch to the end of
 * this one, so it holds the shuffle, every step and the validation checks.
 */
public final class Benchmark {
    /** Learning rate of the reference workload. */
    public static final double LEARNING_RATE = 0.009;
    /** Steps between validation checks. */
    public static final int EVAL_EVERY = 100;

    private Benchmark() {}

    /** The reference workload's configuration for batch size {@code batchSize}. */
    public static TrainConfig config(int batchSize, int totalEpochs, long seed) {
        return config(batchSize, totalEpochs, seed, Protocol.SOUND);
    }

    /** {@link #config(int, int, long)} under {@code protocol}, whose stopping rule is the patience one: a benchmark never stops early. */
    public static TrainConfig config(int batchSize, int totalEpochs, long seed, Protocol protocol) {
        return config(batchSize, totalEpochs, seed, protocol, OptimizerSpec.SGD);
    }

    /** {@link #config(int, int, long, Protocol)} with {@code optimizer} in place of plain SGD. */
    public static TrainConfig config(int batchSize, int totalEpochs, long seed, Protocol protocol, OptimizerSpec optimizer) {
        // patience 0: no early stopping; no batchnorm, no L2, no restore-best.
        return TrainConfig.builder().learningRate(LEARNING_RATE).optimizer(optimizer).batchSize(batchSize)
                .maxEpochs(totalEpochs).patience(0).evalEvery(EVAL_EVERY).seed(seed)
                .protocol(protocol.with("stopping", "patience")).build();
    }

    /** Trains on {@code train}, checking on {@code validation}, and times every epoch. */
    public static BenchResult run(Dataset train, Dataset validation, int batchSize, int warmup, int epochs,
            int threads, long seed) {
        return run(train, validation, batchSize, warmup, epochs, threads, seed, Protocol.SOUND);
    }

    /** {@link #run(Dataset, Dataset, int, int, int, int, long)} under {@code protocol} ({@link #config(int, int, long, Protocol)}). */
    public static BenchResult run(Dataset train, Dataset validation, int batchSize, int warmup, int epochs,
            int threads, long seed, Protocol protocol) {
        return run(train, validation, batchSize, warmup, epochs, threads, seed, protocol, OptimizerSpec.SGD);
    }

    /** {@link #run(Dataset, Dataset, int, int, int, int, long, Protocol)} with {@code optimizer} in place of plain SGD. */
    public static BenchResult run(Dataset train, Dataset validation, int batchSize, int warmup, int epochs,
            int threads, long seed, Protocol protocol, OptimizerSpec optimizer) {
        if (warmup < 0 || epochs < 1) {
            throw new ScratchnetException("need at least one timed epoch and no negative warm-up, got warm-up "
                    + warmup + " and " + epochs + " epochs");
        }
        Trainer trainer = new Trainer(config(batchSize, warmup + epochs, seed, protocol, optimizer), threads);
        List<Double> epochSeconds = new ArrayList<>();
        List<Double> validationSeconds = new ArrayList<>();
        long[] last = {System.nanoTime(), 0};
        trainer.listener(new TrainingListener() {
            @Override
            public void onEpochEnd(int epoch, long steps) {
                long now = System.nanoTime();
                long val = trainer.validationNanos();
                if (epoch > warmup) {
                    epochSeconds.add((now - last[0]) / 1e9);
                    validationSeconds.add((val - last[1]) / 1e9);
                }
                last[0] = now;
                last[1] = val;
            }
        });
        TrainingResult result = trainer.fit(train, validation, null);
        return new BenchResult(batchSize, warmup, Math.max(1, threads), epochSeconds, validationSeconds,
                result.validationAccuracy());
    }
}
