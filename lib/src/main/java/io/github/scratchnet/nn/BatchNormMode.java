package io.github.scratchnet.nn;

import io.github.scratchnet.ScratchnetException;
import java.util.Locale;

/** Where, if anywhere, hidden layers are batch-normalised. */
public enum BatchNormMode {
    /** No normalisation. */
    OFF,
    /**
     * The report's {@code applyBatchnorm}: hidden activations are normalised after the ReLU by
     * their batch mean and variance, with no learnable scale or shift.
     */
    NORMALIZE,
    /** Standard batchnorm on hidden pre-activations, with learnable {@code gamma} and {@code beta}. */
    FULL;

    /** The lower-case name used on the command line and in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code off}, {@code normalize} or {@code full} (any case). */
    public static BatchNormMode parse(String text) {
        for (BatchNormMode mode : values()) {
            if (mode.label().equalsIgnoreCase(text.trim())) return mode;
        }
        throw new ScratchnetException("unknown batchnorm mode '" + text + "'; use off, normalize or full");
    }
}
