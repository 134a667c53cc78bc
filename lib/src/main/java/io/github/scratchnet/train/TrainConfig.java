package io.github.scratchnet.train;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.nn.Activation;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Formulas;
import io.github.scratchnet.nn.LayerSizes;
import io.github.scratchnet.optim.OptimizerSpec;
import java.util.EnumMap;
import java.util.Map;

/**
 * The hyper-parameters of one training run, validated on construction; built by name with {@link
 * #builder()} or changed with {@link #toBuilder()}. Defaults are the report's numbers:
 * layers [784, 20, 7, 5, 10], learning rate 0.009, batch size 128, up to 100 epochs, a validation
 * check every 100 steps; and a patience of 100 steps (the one-check rule: stop at the first check
 * that does not improve), which is not the report's own rule ({@link Protocol.Stopping#COST_CHANGE}).
 * Each component is declared once more, as a {@link Setting} (its defaults, text form, option, run-id
 * part, run-file key and results column), which the builder, {@code equals} and {@code toString}
 * go through; a new component needs its setting, or {@code SettingTest} fails.
 *
 * @param layers layer sizes, input first
 * @param learningRate the optimiser's step size
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
 * @param protocol what the run does besides these numbers; unless set, {@link Protocol#sound(Activation)}:
 *     {@link Protocol#SOUND} with the activation's default initialisation (He for ReLU, so
 *     {@link Protocol#SOUND} itself; Xavier for tanh and sigmoid). A protocol that is set applies as
 *     given, its init field included
 * @param activation the hidden layers' function ({@link Activation#RELU} unless set); declared last,
 *     after the settings that existed before it, so that tables keep their columns in place
 * @param optimizer the update rule and its parameters ({@link OptimizerSpec#SGD} unless set)
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
        Protocol protocol,
        Activation activation,
        OptimizerSpec optimizer) {

    // Private: a public array could be changed in place by any caller (a notebook cell), for everyone.
    private static final int[] REPORT_LAYERS = {784, 20, 7, 5, 10};

    /** The report's layer sizes, [784, 20, 7, 5, 10], input first: a fresh copy on every call, the caller's to change. */
    public static int[] reportLayers() {
        return REPORT_LAYERS.clone();
    }

    public TrainConfig {
        layers = layers.clone();
        LayerSizes.requireValid(layers);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new InvalidParameterException("learningRate", "learningRate must be a positive finite number, got "
                    + learningRate + "; the report used 0.009");
        }
        if (optimizer == null) optimizer = OptimizerSpec.SGD;
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
        if (activation == null) activation = Activation.RELU;
        if (protocol == null) protocol = Protocol.sound(activation);
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

    /**
     * A builder that starts from this configuration. A protocol that is the activation's default
     * ({@link Protocol#sound(Activation)}) is left unset, so that it follows a changed activation.
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (Setting s : Setting.values()) {
            if (s == Setting.PROTOCOL && protocol.equals(Protocol.sound(activation))) continue;
            s.set(b, s.get(this));
        }
        return b;
    }

    /**
     * The stopping rule's patience counted in validation checks (rounded up: a rule that waits 150
     * steps with checks every 100 stops at the second check without improvement); 0 never stops.
     */
    public int patienceInChecks() {
        return (patience + evalEvery - 1) / evalEvery;
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
        private final Map<Setting, Object> values = new EnumMap<>(Setting.class);

        private Builder() {
            for (Setting s : Setting.values()) values.put(s, s.defaultValue());
        }

        Builder put(Setting s, Object value) {
            values.put(s, value);
            return this;
        }

        /** An independent builder with the same values (unset ones stay unset). */
        public Builder copy() {
            Builder b = new Builder();
            b.values.putAll(values);
            return b;
        }

        /** Layer sizes, input first. */
        public Builder layers(int... v) {
            return Setting.LAYERS.set(this, v);
        }

        /** The optimiser's step size. */
        public Builder learningRate(double v) {
            return put(Setting.LEARNING_RATE, v);
        }

        /** The update rule and its parameters: {@code OptimizerSpec.ADAM}, {@code OptimizerSpec.parse("momentum,momentum=0.95")}. */
        public Builder optimizer(OptimizerSpec v) {
            return put(Setting.OPTIMIZER, v);
        }

        /** Samples per step. */
        public Builder batchSize(int v) {
            return put(Setting.BATCH_SIZE, v);
        }

        /** Upper bound on passes over the training set. */
        public Builder maxEpochs(int v) {
            return put(Setting.MAX_EPOCHS, v);
        }

        /** Where hidden layers are normalised. */
        public Builder batchNorm(BatchNormMode v) {
            return put(Setting.BATCHNORM, v);
        }

        /** The hidden layers' function; unless a protocol is set, its default initialisation comes with it. */
        public Builder activation(Activation v) {
            return put(Setting.ACTIVATION, v);
        }

        /** Lambda of the L2 penalty. */
        public Builder l2(double v) {
            return put(Setting.L2, v);
        }

        /** Steps without a validation improvement before stopping; 0 disables early stopping. */
        public Builder patience(int v) {
            return put(Setting.PATIENCE, v);
        }

        /** Steps between validation checks. */
        public Builder evalEvery(int v) {
            return put(Setting.EVAL_EVERY, v);
        }

        /** How much the validation cost must fall to count as an improvement. */
        public Builder minDelta(double v) {
            return put(Setting.MIN_DELTA, v);
        }

        /** Put back the parameters of the best check when training stops. */
        public Builder restoreBest(boolean v) {
            return put(Setting.RESTORE_BEST, v);
        }

        /** Drives initialisation and the order of the batches (and the split, unless {@link #splitSeed} is set). */
        public Builder seed(long v) {
            return put(Setting.SEED, v);
        }

        /** Drives the training/validation split; unset, and always under protocol field split=report, the split follows {@link #seed}. */
        public Builder splitSeed(long v) {
            return put(Setting.SPLIT_SEED, v);
        }

        /**
         * What the run does besides its numbers, as given (its init field included); unset, the
         * activation's {@link Protocol#sound(Activation)}. The seed, unless set, is the protocol's
         * {@link Protocol#defaultSeed}.
         */
        public Builder protocol(Protocol v) {
            return put(Setting.PROTOCOL, v);
        }

        /**
         * The validated configuration.
         *
         * @throws io.github.scratchnet.InvalidParameterException naming the first nonsense value
         */
        public TrainConfig build() {
            Activation act = values.get(Setting.ACTIVATION) instanceof Activation given ? given : Activation.RELU;
            Protocol p = values.get(Setting.PROTOCOL) instanceof Protocol given ? given : Protocol.sound(act);
            long s = values.get(Setting.SEED) instanceof Long given ? given : p.defaultSeed();
            // the report's split follows its one seed (a splitSeed kept by toBuilder does not apply)
            long split = values.get(Setting.SPLIT_SEED) instanceof Long given && p.split() != Protocol.Split.REPORT ? given : s;
            return new TrainConfig((int[]) values.get(Setting.LAYERS), (double) values.get(Setting.LEARNING_RATE),
                    (int) values.get(Setting.BATCH_SIZE), (int) values.get(Setting.MAX_EPOCHS),
                    (BatchNormMode) values.get(Setting.BATCHNORM), (double) values.get(Setting.L2),
                    (int) values.get(Setting.PATIENCE), (int) values.get(Setting.EVAL_EVERY),
                    (double) values.get(Setting.MIN_DELTA), (boolean) values.get(Setting.RESTORE_BEST), s, split, p, act,
                    (OptimizerSpec) values.get(Setting.OPTIMIZER));
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrainConfig c)) return false;
        for (Setting s : Setting.values()) if (!s.sameValue(this, c)) return false;
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Setting s : Setting.values()) h = 31 * h + s.hashOf(this);
        return h;
    }

    /** {@code layers=784,20,7,5,10 lr=0.009 batch=128 ...}, the split seed only when it is not the seed, the protocol only when not sound. */
    @Override
    public String toString() {
        return Setting.describe(this);
    }
}
