package io.github.scratchnet.train;

import java.util.Locale;

/** Why a training run ended. */
public enum StopReason {
    /** The validation cost stopped improving for {@code patience} steps. */
    EARLY_STOPPING,
    /** All epochs ran. */
    MAX_EPOCHS,
    /** The cost became NaN or infinite, or exploded far above where it started. */
    DIVERGED;

    /** The lower-case name used in tables and JSON ({@code early_stopping}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
