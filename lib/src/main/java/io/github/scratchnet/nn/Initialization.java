package io.github.scratchnet.nn;

/** How a network's weights are drawn before training; biases start at zero in both. */
public enum Initialization {
    /** He-normal, standard deviation {@code sqrt(2 / n(l-1))}, from {@link java.util.Random}: suits ReLU. */
    HE("he"),
    /**
     * The report's: PyTorch's float64 {@code randn(n(l), n(l-1))} after {@code manual_seed(seed)},
     * divided by the layer's own width {@code n(l)}, layer after layer from one stream. Its small
     * weights give the long plateau of the report's first ~1700 steps.
     */
    WIDTH_SCALED("width-scaled");

    private final String label;

    Initialization(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
