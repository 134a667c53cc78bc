package io.github.scratchnet.train;

/**
 * The stopping rule on the validation cost: stop once {@code patience} steps have passed since the
 * last check that improved the best cost by more than {@code minDelta}.
 *
 * <p>With checks every 100 steps and a patience of 100 this is the notebooks' one-check rule: stop
 * at the first check that does not improve (the report's own rule is {@link CostChangeStopping}).
 * A patience of 0 never stops.
 */
public final class EarlyStopping implements StoppingRule {
    private final int patience;
    private final double minDelta;
    private double best = Double.POSITIVE_INFINITY;
    private long bestStep = 0;

    public EarlyStopping(int patience, double minDelta) {
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** Records a check; returns true when it is the best so far. */
    @Override
    public boolean improved(long step, double validationCost) {
        if (validationCost < best - minDelta) {
            best = validationCost;
            bestStep = step;
            return true;
        }
        return false;
    }

    /** Whether training should stop at {@code step}, after {@link #improved} was told of it. */
    @Override
    public boolean shouldStop(long step) {
        return patience > 0 && step - bestStep >= patience;
    }

    @Override
    public long bestStep() {
        return bestStep;
    }
}
