package io.github.scratchnet.train;

import io.github.scratchnet.nn.Network;
import io.github.scratchnet.optim.Optimizer;
import java.util.List;

/**
 * What a training run produced: the trained network, its history and the report's figures.
 *
 * @param config the hyper-parameters of the run
 * @param network the trained network (the best checkpoint when {@code restoreBest} was set)
 * @param optimizer the optimiser of {@code network}, with its state at the same step
 * @param history every validation check, in order
 * @param epochs the epoch in which training stopped, from 1
 * @param iterations optimisation steps taken
 * @param stopReason why training ended
 * @param trainSeconds wall time of the training loop, validation checks included
 * @param trainCost cost on the whole training set after training
 * @param trainAccuracy accuracy on the whole training set after training
 * @param validationCost cost on the validation set after training
 * @param validationAccuracy accuracy on the validation set after training
 * @param testAccuracy accuracy on the test set, or NaN when no test set was given
 */
public record TrainingResult(
        TrainConfig config,
        Network network,
        Optimizer optimizer,
        List<Check> history,
        int epochs,
        long iterations,
        StopReason stopReason,
        double trainSeconds,
        double trainCost,
        double trainAccuracy,
        double validationCost,
        double validationAccuracy,
        double testAccuracy) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The epoch as the protocol's {@link Protocol.Counting} counts it: from 0 in the report's tables, from 1 otherwise. */
    public int epochNumber() {
        return config.protocol().counting() == Protocol.Counting.REPORT ? epochs - 1 : epochs;
    }

    /**
     * The iteration as the protocol's {@link Protocol.Counting} counts it: the report's step counter
     * is one past the last step when every epoch ran (it was incremented after the last step and
     * read after the loop), else the steps taken.
     */
    public long iteration() {
        boolean ranOut = stopReason == StopReason.MAX_EPOCHS;
        return config.protocol().counting() == Protocol.Counting.REPORT && ranOut ? iterations + 1 : iterations;
    }
}
