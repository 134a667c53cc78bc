package io.github.scratchnet.train;

/**
 * The report's stopping rule: stop at the first check, from the second on, whose validation cost
 * differs from the previous check's by less than a threshold (either way). It says nothing about
 * improvement, so two noisy checks that happen to land close together stop a run that is still
 * learning, and a cost that rises steadily stops nothing.
 */
final class CostChangeStopping implements StoppingRule {
    private final double threshold;
    private double previous = Double.NaN;
    private double last = Double.NaN;
    private final EarlyStopping best = new EarlyStopping(0, 0);    // only keeps the best check, never stops

    CostChangeStopping(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public boolean improved(long step, double validationCost) {
        previous = last;
        last = validationCost;
        return best.improved(step, validationCost);
    }

    // |cost − previous cost| < threshold; false at the first check (previous is NaN) and for NaN costs
    @Override
    public boolean shouldStop(long step) {
        return Math.abs(last - previous) < threshold;
    }

    @Override
    public long bestStep() {
        return best.bestStep();
    }
}
