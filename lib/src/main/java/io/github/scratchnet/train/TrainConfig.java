package io.github.scratchnet.train;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.LayerSizes;
import java.util.Arrays;

/**
 * The hyper-parameters of one training run, validated on construction. Defaults are the report's:
 * layers [784, 20, 7, 5, 10], learning rate 0.009, batch size 128, up to 100 epochs, a validation
 * check every 100 steps and a patience of 100 steps (stop at the first check that does not improve).
 *
 * @param layers layer sizes, input first
 * @param learningRate SGD step size
 * @param batchSize samples per step (the last batch of an epoch may be smaller)
 * @param maxEpochs upper bound on passes over the training set
 * @param batchNorm where hidden layers are normalised
 * @param l2 lambda of the L2 penalty {@code lambda/(2m)·sum(W²)}
 * @param patience steps without a validation improvement before stopping; 0 disables early stopping
 * @param evalEvery steps between validation checks
 * @param minDelta how much the validation cost must fall to count as an improvement
 * @param restoreBest put back the parameters of the best check when training stops
 * @param seed drives initialisation and shuffling
 */
public record TrainConfig(
        int[] layers,
        double learningRate,
        int batchSize,
        int maxEpochs,
        BatchNormMode batchNorm,
        double l2,
        int patience,
        int evalEvery,
        double minDelta,
        boolean restoreBest,
        long seed) {

    public static final int[] REPORT_LAYERS = {784, 20, 7, 5, 10};

    public TrainConfig {
        layers = layers.clone();
        LayerSizes.requireValid(layers);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new InvalidParameterException("learningRate", "learningRate must be a positive finite number, got "
                    + learningRate + "; the report used 0.009");
        }
        if (batchSize <= 0) {
            throw new InvalidParameterException("batchSize", "batchSize must be positive, got " + batchSize + "; e.g. 128");
        }
        if (maxEpochs <= 0) {
            throw new InvalidParameterException("maxEpochs", "maxEpochs must be positive, got " + maxEpochs
                    + "; the report used 100");
        }
        if (batchNorm == null) batchNorm = BatchNormMode.OFF;
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new InvalidParameterException("l2", "l2 must be zero or positive and finite, got " + l2 + "; e.g. 0.05");
        }
        if (patience < 0) {
            throw new InvalidParameterException("patience", "patience must be zero (no early stopping) or positive, got "
                    + patience);
        }
        if (evalEvery <= 0) {
            throw new InvalidParameterException("evalEvery", "evalEvery must be positive, got " + evalEvery
                    + "; the report checked every 100 steps");
        }
        if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
            throw new InvalidParameterException("minDelta", "minDelta must be zero or positive, got " + minDelta);
        }
    }

    /**
     * Fails with a one-line message unless these layers read samples of {@code features} values into
     * {@code classes} classes and the batch fits a training set of {@code trainSize} samples. The
     * trainer checks this; callers that know the data's shape before loading it (the command line)
     * check it up front.
     */
    public void requireFits(int features, int classes, int trainSize) {
        LayerSizes.requireFits(layers, features, classes);
        LayerSizes.requireBatchFits(batchSize, trainSize);
    }

    /** The report's settings with the given batch size and seed. */
    public static TrainConfig report(int batchSize, long seed) {
        return new TrainConfig(REPORT_LAYERS, 0.009, batchSize, 100, BatchNormMode.OFF, 0, 100, 100, 0, false, seed);
    }

    /** The report's settings: batch size 128, seed 1. */
    public static TrainConfig defaults() {
        return report(128, 1);
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    public TrainConfig withLayers(int... v) {
        return new TrainConfig(v, learningRate, batchSize, maxEpochs, batchNorm, l2, patience, evalEvery, minDelta, restoreBest, seed);
    }

    public TrainConfig withLearningRate(double v) {
        return new TrainConfig(layers, v, batchSize, maxEpochs, batchNorm, l2, patience, evalEvery, minDelta, restoreBest, seed);
    }

    public TrainConfig withBatchSize(int v) {
        return new TrainConfig(layers, learningRate, v, maxEpochs, batchNorm, l2, patience, evalEvery, minDelta, restoreBest, seed);
    }

    public TrainConfig withMaxEpochs(int v) {
        return new TrainConfig(layers, learningRate, batchSize, v, batchNorm, l2, patience, evalEvery, minDelta, restoreBest, seed);
    }

    public TrainConfig withBatchNorm(BatchNormMode v) {
        return new TrainConfig(layers, learningRate, batchSize, maxEpochs, v, l2, patience, evalEvery, minDelta, restoreBest, seed);
    }

    public TrainConfig withL2(double v) {
        return new TrainConfig(layers, learningRate, batchSize, maxEpochs, batchNorm, v, patience, evalEvery, minDelta, restoreBest, seed);
    }

    public TrainConfig withPatience(int v) {
        return new TrainConfig(layers, learningRate, batchSize, maxEpochs, batchNorm, l2, v, evalEvery, minDelta, restoreBest, seed);
    }

    public TrainConfig withEvalEvery(int v) {
        return new TrainConfig(layers, learningRate, batchSize, maxEpochs, batchNorm, l2, patience, v, minDelta, restoreBest, seed);
    }

    public TrainConfig withMinDelta(double v) {
        return new TrainConfig(layers, learningRate, batchSize, maxEpochs, batchNorm, l2, patience, evalEvery, v, restoreBest, seed);
    }

    public TrainConfig withRestoreBest(boolean v) {
        return new TrainConfig(layers, learningRate, batchSize, maxEpochs, batchNorm, l2, patience, evalEvery, minDelta, v, seed);
    }

    public TrainConfig withSeed(long v) {
        return new TrainConfig(layers, learningRate, batchSize, maxEpochs, batchNorm, l2, patience, evalEvery, minDelta, restoreBest, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainConfig c && Arrays.equals(layers, c.layers) && learningRate == c.learningRate
                && batchSize == c.batchSize && maxEpochs == c.maxEpochs && batchNorm == c.batchNorm && l2 == c.l2
                && patience == c.patience && evalEvery == c.evalEvery && minDelta == c.minDelta
                && restoreBest == c.restoreBest && seed == c.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(layers) * 31 + toString().hashCode();
    }

    @Override
    public String toString() {
        return "layers=" + Arrays.toString(layers) + " lr=" + learningRate + " batch=" + batchSize
                + " maxEpochs=" + maxEpochs + " batchnorm=" + batchNorm.label() + " l2=" + l2
                + " patience=" + patience + " evalEvery=" + evalEvery + " minDelta=" + minDelta
                + " restoreBest=" + restoreBest + " seed=" + seed;
    }
}
