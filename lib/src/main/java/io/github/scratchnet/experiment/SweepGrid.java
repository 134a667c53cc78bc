package io.github.scratchnet.experiment;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cartesian product of a few hyper-parameter lists around a base configuration. A list left
 * unset keeps the base's value. Runs come seed by seed (so a sweep needs one seed's data at a
 * time), then by batchnorm mode, lambda, learning rate and batch size, the last varying fastest.
 *
 * <pre>{@code
 * List<TrainConfig> configs = SweepGrid.of(TrainConfig.defaults())
 *         .batchSizes(16, 32, 64, 128, 256, 512).l2(0, 0.05).seeds(1, 2, 3).configs();
 * }</pre>
 */
public final class SweepGrid {
    private final TrainConfig base;
    private int[] batchSizes;
    private double[] l2;
    private double[] learningRates;
    private BatchNormMode[] batchNorm;
    private long[] seeds;

    private SweepGrid(TrainConfig base) {
        this.base = base;
        this.batchSizes = new int[] {base.batchSize()};
        this.l2 = new double[] {base.l2()};
        this.learningRates = new double[] {base.learningRate()};
        this.batchNorm = new BatchNormMode[] {base.batchNorm()};
        this.seeds = new long[] {base.seed()};
    }

    public static SweepGrid of(TrainConfig base) {
        return new SweepGrid(base);
    }

    public SweepGrid batchSizes(int... values) {
        batchSizes = nonEmpty(values.clone(), values.length, "batch sizes");
        return this;
    }

    public SweepGrid l2(double... values) {
        l2 = nonEmpty(values.clone(), values.length, "L2 values");
        return this;
    }

    public SweepGrid learningRates(double... values) {
        learningRates = nonEmpty(values.clone(), values.length, "learning rates");
        return this;
    }

    public SweepGrid batchNorm(BatchNormMode... values) {
        batchNorm = nonEmpty(values.clone(), values.length, "batchnorm modes");
        return this;
    }

    public SweepGrid seeds(long... values) {
        seeds = nonEmpty(values.clone(), values.length, "seeds");
        return this;
    }

    /** Every combination, validated (a bad value fails here with its one-line message). */
    public List<TrainConfig> configs() {
        List<TrainConfig> out = new ArrayList<>();
        for (long seed : seeds) {
            for (BatchNormMode mode : batchNorm) {
                for (double lambda : l2) {
                    for (double lr : learningRates) {
                        for (int b : batchSizes) {
                            TrainConfig c = base.toBuilder().seed(seed).batchNorm(mode).l2(lambda).learningRate(lr)
                                    .batchSize(b).build();
                            if (!out.contains(c)) out.add(c);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static <T> T nonEmpty(T values, int length, String what) {
        if (length == 0) throw new ScratchnetException("a sweep needs at least one of the " + what);
        return values;
    }
}
