package io.github.scratchnet.nn;

/**
 * How a network's weights are drawn before training; biases start at zero in all. Each
 * {@link Activation} names its default ({@link Activation#defaultInitialization()}): He for the ReLU
 * family, Xavier for tanh and sigmoid.
 */
public enum Initialization {
    /** He-normal, standard deviation {@code sqrt(2 / n(l-1))}, from {@link java.util.Random}: suits ReLU and leaky ReLU. */
    HE("he"),
    /**
     * The report's: PyTorch's float64 {@code randn(n(l), n(l-1))} after {@code manual_seed(seed)},
     * divided by the layer's own width {@code n(l)}, layer after layer from one stream. Its small
     * weights give the long plateau of the report's first ~1700 steps.
     */
    WIDTH_SCALED("width-scaled"),
    /**
     * Xavier/Glorot-normal, standard deviation {@code sqrt(2 / (n(l-1) + n(l)))}, from
     * {@link java.util.Random} drawn as {@link #HE} draws: suits tanh and sigmoid.
     */
    XAVIER("xavier");

    private final String label;

    Initialization(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
