package io.github.scratchnet.train;

/**
 * Decides at each validation check whether training stops: {@link EarlyStopping} (patience on the
 * best cost so far) or {@link CostChangeStopping} (the report's rule on the change between two
 * checks), as the protocol's {@link Protocol.Stopping} says.
 */
interface StoppingRule {
    /** Records the check after {@code step}; returns true when its cost is the best so far. */
    boolean improved(long step, double validationCost);

    /** Whether training should stop at {@code step}, after {@link #improved} was told of it. */
    boolean shouldStop(long step);

    /** The step of the best check so far (0 before any). */
    long bestStep();

    /** The rule of {@code config}. */
    static StoppingRule of(TrainConfig config) {
        return switch (config.protocol().stopping()) {
            case PATIENCE -> new EarlyStopping(config.patience(), config.minDelta());
            case COST_CHANGE -> new CostChangeStopping(Protocol.COST_CHANGE_THRESHOLD);
        };
    }
}
