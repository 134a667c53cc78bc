package io.github.scratchnet.nn;

import io.github.scratchnet.ScratchnetException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element-wise function of the hidden layers, chosen beside the {@link BatchNormMode}: each is a
 * small class with its forward beside its backward ({@link Relu}, {@link Tanh}, {@link Sigmoid},
 * {@link LeakyRelu}), and each has the weight initialisation that keeps the variance of its signal
 * steady through the layers ({@link #defaultInitialization()}): He for the ReLU family, whose
 * half-zero output halves the variance, Xavier for tanh and sigmoid, near-linear around 0.
 */
public enum Activation {
    /** {@code max(z, 0)}: the report's, and the default. */
    RELU("relu", Initialization.HE),
    /** {@code tanh z}. */
    TANH("tanh", Initialization.XAVIER),
    /** {@code 1 / (1 + e^−z)}. */
    SIGMOID("sigmoid", Initialization.XAVIER),
    /** {@code z} for positive {@code z}, {@code 0.01·z} otherwise. */
    LEAKY_RELU("leaky-relu", Initialization.HE);

    private final String label;
    private final Initialization init;

    Activation(String label, Initialization init) {
        this.label = label;
        this.init = init;
    }

    /** The name used on the command line and in files: {@code relu}, {@code tanh}, {@code sigmoid}, {@code leaky-relu}. */
    public String label() {
        return label;
    }

    /** He for the ReLU family, Xavier for tanh and sigmoid. */
    public Initialization defaultInitialization() {
        return init;
    }

    /** The function that computes it. */
    ActivationFunction function() {
        return switch (this) {
            case RELU -> Relu.INSTANCE;
            case TANH -> Tanh.INSTANCE;
            case SIGMOID -> Sigmoid.INSTANCE;
            case LEAKY_RELU -> new LeakyRelu(LeakyRelu.DEFAULT_SLOPE);
        };
    }

    /** Parses a {@link #label()} (any case). */
    public static Activation parse(String text) {
        for (Activation a : values()) {
            if (a.label.equalsIgnoreCase(text.trim())) return a;
        }
        throw new ScratchnetException("unknown activation '" + text + "'; use one of "
                + Arrays.stream(values()).map(Activation::label).collect(Collectors.joining(", ")));
    }
}
