package io.github.scratchnet.nn;

import java.util.Locale;

/**
 * The formulas a network computes with, where the report's code and the textbook differ: how the
 * softmax is taken, how the cross-entropy is costed, what a batchnorm layer does, and which
 * parameters the L2 penalty counts. {@link #SOUND} is the engine's own choice; {@link #REPORT}
 * replays the report's code. The gradient of the output layer is {@code P − Y} in both (the report
 * did not differentiate its {@code + 0.001}), so the cost form changes what is measured and when
 * training stops, not the steps.
 *
 * @param softmax how probabilities are formed from the logits
 * @param crossEntropy how each sample's cost is taken from them
 * @param batchNorm what a {@link BatchNormMode#NORMALIZE} layer computes, at training and at inference
 * @param l2 which parameters the penalty {@code λ/(2m)·Σθ²} of the cost sums over (the gradient's
 *     {@code (λ/m)·W} is on weights in both)
 */
public record Formulas(Softmax softmax, CrossEntropy crossEntropy, BatchNormForm batchNorm, L2Scope l2) {
    /** Max-shifted softmax, exact cross-entropy, standard batchnorm, L2 on weights. */
    public static final Formulas SOUND =
            new Formulas(Softmax.SHIFTED, CrossEntropy.EXACT, BatchNormForm.STANDARD, L2Scope.WEIGHTS);
    /** The report's code: {@code exp(Z)/Σexp(Z)}, {@code −log(p + 0.001)}, its batchnorm, L2 on every parameter. */
    public static final Formulas REPORT =
            new Formulas(Softmax.UNSHIFTED, CrossEntropy.LOG_PLUS_MILLI, BatchNormForm.REPORT, L2Scope.ALL_PARAMETERS);

    public Formulas {
        java.util.Objects.requireNonNull(softmax, "softmax");
        java.util.Objects.requireNonNull(crossEntropy, "crossEntropy");
        java.util.Objects.requireNonNull(batchNorm, "batchNorm");
        java.util.Objects.requireNonNull(l2, "l2");
    }

    /** True when the output layer must form probabilities to cost a sample (all but the sound pair). */
    boolean needsProbabilities() {
        return softmax != Softmax.SHIFTED || crossEntropy != CrossEntropy.EXACT;
    }

    /** How probabilities are formed from the logits {@code z} of a sample. */
    public enum Softmax {
        /** {@code exp(z − max z) / Σ exp(z − max z)}: cannot overflow. */
        SHIFTED,
        /** {@code exp(z) / Σ exp(z)}, the report's: overflows to NaN once a logit passes about 709. */
        UNSHIFTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The cost of one sample with label {@code y}. */
    public enum CrossEntropy {
        /** {@code −log p_y}, taken as {@code logsumexp(z) − z_y} with the shifted softmax. */
        EXACT,
        /** {@code −log(p_y + 0.001)}, the report's: never more than {@code −log 0.001 ≈ 6.9}. */
        LOG_PLUS_MILLI;

        public String label() {
            return this == EXACT ? "exact" : "log-plus-0.001";
        }
    }

    /** What a {@link BatchNormMode#NORMALIZE} layer computes. */
    public enum BatchNormForm {
        /**
         * {@code (A − mean) / sqrt(var + 1e-5)} with the batch variance, differentiated, running
         * statistics at inference.
         */
        STANDARD,
        /**
         * The report's {@code apply_batchnorm}: {@code (A − mean) / (std + 0.001)} with the n−1
         * standard deviation; backward passes the gradient through unchanged; every forward,
         * inference included, uses the statistics of the samples it is given (at evaluation, the
         * whole set being scored).
         */
        REPORT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which parameters the L2 term of the cost sums over. */
    public enum L2Scope {
        /** Weights only. */
        WEIGHTS,
        /** Weights and biases, as the report's {@code param_dict_2vec} did. */
        ALL_PARAMETERS;

        public String label() {
            return this == WEIGHTS ? "weights" : "all-parameters";
        }
    }
}
