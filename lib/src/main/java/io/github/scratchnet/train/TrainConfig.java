package io.github.scratchnet.train;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Formulas;
import io.github.scratchnet.nn.LayerSizes;
import java.util.Arrays;

/**
 * The hyper-parameters of one training run, validated on construction; built by name with {@link
 * #builder()} or changed with {@link #toBuilder()}. Defaults are the report's:
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
 * @param seed drives initialisation and the order of the batches
 * @param splitSeed drives the split of the training images into training and validation sets; a
 *     fresh builder uses {@code seed}, and {@link #toBuilder()} keeps it, so runs that differ only
 *     in their seed see the same validation and test images. Under the report's split it is the
 *     seed itself (the report's one seed drove all three of its random streams)
 * @param protocol what the run does besides these numbers ({@link Protocol#SOUND} unless set)
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
        long seed,
        long splitSeed,
        Protocol protocol) {

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
        if (protocol == null) protocol = Protocol.SOUND;
        if (batchNorm == BatchNormMode.FULL && protocol.batchNorm() == Formulas.BatchNormForm.REPORT) {
            throw new InvalidParameterException("protocol", "protocol field batchnorm=report is the report's"
                    + " normalisation after ReLU and has no full form; use batchnorm normalize, or protocol field"
                    + " batchnorm=standard");
        }
        if (restoreBest && protocol.stopping() == Protocol.Stopping.COST_CHANGE) {
            throw new InvalidParameterException("restoreBest", "restoreBest does not apply to protocol field"
                    + " stopping=cost-change, which keeps the parameters of the check that stopped it; drop restoreBest"
                    + " or use stopping=patience");
        }
        if (protocol.split() == Protocol.Split.REPORT && splitSeed != seed) {
            throw new InvalidParameterException("splitSeed", "splitSeed must equal the seed (" + seed + ") under protocol"
                    + " field split=report, whose one seed drives the split as well; drop splitSeed or use split=seeded");
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

    /** A builder that starts from the report's settings: batch size 128, seed 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder().layers(layers).learningRate(learningRate).batchSize(batchSize).maxEpochs(maxEpochs)
                .batchNorm(batchNorm).l2(l2).patience(patience).evalEvery(evalEvery).minDelta(minDelta)
                .restoreBest(restoreBest).seed(seed).splitSeed(splitSeed).protocol(protocol);
    }

    /** The report's settings with the given batch size and seed. */
    public static TrainConfig report(int batchSize, long seed) {
        return builder().batchSize(batchSize).seed(seed).build();
    }

    /** The report's settings: batch size 128, seed 1. */
    public static TrainConfig defaults() {
        return builder().build();
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    /**
     * Hyper-parameters by name, e.g. {@code TrainConfig.builder().batchSize(16).l2(0.05).build()} or
     * {@code config.toBuilder().seed(2).build()}. Unset values are the report's; {@link #build()}
     * validates them all at once.
     */
    public static final class Builder {
        private int[] layers = REPORT_LAYERS.clone();
        private double learningRate = 0.009;
        private int batchSize = 128;
        private int maxEpochs = 100;
        private BatchNormMode batchNorm = BatchNormMode.OFF;
        private double l2 = 0;
        private int patience = 100;
        private int evalEvery = 100;
        private double minDelta = 0;
        private boolean restoreBest = false;
        private Long seed;
        private Long splitSeed;
        private Protocol protocol = Protocol.SOUND;

        private Builder() {
        }

        /** Layer sizes, input first. */
        public Builder layers(int... v) {
            layers = v.clone();
            return this;
        }

        /** SGD step size. */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** Samples per step. */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** Upper bound on passes over the training set. */
        public Builder maxEpochs(int v) {
            maxEpochs = v;
            return this;
        }

        /** Where hidden layers are normalised. */
        public Builder batchNorm(BatchNormMode v) {
            batchNorm = v;
            return this;
        }

        /** Lambda of the L2 penalty. */
        public Builder l2(double v) {
            l2 = v;
            return this;
        }

        /** Steps without a validation improvement before stopping; 0 disables early stopping. */
        public Builder patience(int v) {
            patience = v;
            return this;
        }

        /** Steps between validation checks. */
        public Builder evalEvery(int v) {
            evalEvery = v;
            return this;
        }

        /** How much the validation cost must fall to count as an improvement. */
        public Builder minDelta(double v) {
            minDelta = v;
            return this;
        }

        /** Put back the parameters of the best check when training stops. */
        public Builder restoreBest(boolean v) {
            restoreBest = v;
            return this;
        }

        /** What the run does besides its numbers; the seed, unless set, is the protocol's {@link Protocol#defaultSeed}. */
        public Builder protocol(Protocol v) {
            protocol = v;
            return this;
        }

        /** Drives initialisation and the order of the batches (and the split, unless {@link #splitSeed} is set). */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Drives the training/validation split; unset, and always under protocol field split=report, the split follows {@link #seed}. */
        public Builder splitSeed(long v) {
            splitSeed = v;
            return this;
        }

        /**
         * The validated configuration.
         *
         * @throws io.github.scratchnet.InvalidParameterException naming the first nonsense value
         */
        public TrainConfig build() {
            Protocol p = protocol == null ? Protocol.SOUND : protocol;
            long s = seed == null ? p.defaultSeed() : seed;
            // the report's split follows its one seed (a splitSeed kept by toBuilder does not apply)
            long split = splitSeed == null || p.split() == Protocol.Split.REPORT ? s : splitSeed;
            return new TrainConfig(layers, learningRate, batchSize, maxEpochs, batchNorm, l2, patience, evalEvery,
                    minDelta, restoreBest, s, split, p);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainConfig c && Arrays.equals(layers, c.layers) && learningRate == c.learningRate
                && batchSize == c.batchSize && maxEpochs == c.maxEpochs && batchNorm == c.batchNorm && l2 == c.l2
                && patience == c.patience && evalEvery == c.evalEvery && minDelta == c.minDelta
                && restoreBest == c.restoreBest && seed == c.seed && splitSeed == c.splitSeed
                && protocol.equals(c.protocol);
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
                + " restoreBest=" + restoreBest + " seed=" + seed + (splitSeed == seed ? "" : " splitSeed=" + splitSeed)
                + (protocol.equals(Protocol.SOUND) ? "" : " protocol=" + protocol);
    }
}
