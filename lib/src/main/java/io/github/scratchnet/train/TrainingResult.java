package io.github.scratchnet.train;

import io.github.scratchnet.nn.Network;
import java.util.List;

/**
 * What a training run produced: the trained network, its history and the report's figures.
 *
 * @param config the hyper-parameters of the run
 * @param network the trained network (the best checkpoint when {@code restoreBest} was set)
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
}
