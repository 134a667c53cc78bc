package io.github.scratchnet.experiment;

import io.github.scratchnet.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's figures for one run, flat, in the order of its tables; what {@code train --json}
 * prints and what a sweep's summary table holds per row.
 *
 * @param epochs the epoch in which training stopped, from 1
 * @param epochNumber that epoch as the run's protocol counts it ({@link TrainingResult#epochNumber}): from 0 under the report's counting
 * @param iterations the iteration as the protocol counts it ({@link TrainingResult#iteration}): the steps taken, but for the
 *     report's counting of a run that used all its epochs
 */
public record RunSummary(
        int batchSize,
        String batchNorm,
        double lambda,
        long seed,
        int epochs,
        int epochNumber,
        long iterations,
        double trainTimeSeconds,
        double trainCost,
        double trainAccuracy,
        double validationCost,
        double validationAccuracy,
        double testAccuracy,
        String stopReason) {

    /** A summary whose epoch number is {@code epochs} (the plain counting of every run but the report's). */
    public RunSummary(int batchSize, String batchNorm, double lambda, long seed, int epochs, long iterations,
            double trainTimeSeconds, double trainCost, double trainAccuracy, double validationCost,
            double validationAccuracy, double testAccuracy, String stopReason) {
        this(batchSize, batchNorm, lambda, seed, epochs, epochs, iterations, trainTimeSeconds, trainCost, trainAccuracy,
                validationCost, validationAccuracy, testAccuracy, stopReason);
    }

    public static RunSummary of(TrainingResult r) {
        return new RunSummary(r.config().batchSize(), r.config().batchNorm().label(), r.config().l2(),
                r.config().seed(), r.epochs(), r.epochNumber(), r.iteration(), r.trainSeconds(), r.trainCost(),
                r.trainAccuracy(), r.validationCost(), r.validationAccuracy(), r.testAccuracy(), r.stopReason().label());
    }

    /** The JSON keys of the CLI ({@code batch_size, epochs, iterations, ...}), in a stable order. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch_size", batchSize);
        m.put("batchnorm", batchNorm);
        m.put("l2", lambda);
        m.put("seed", seed);
        m.put("epochs", epochs);
        m.put("epoch_number", epochNumber);
        m.put("iterations", iterations);
        m.put("train_time_s", trainTimeSeconds);
        m.put("train_cost", trainCost);
        m.put("train_accuracy", trainAccuracy);
        m.put("val_cost", validationCost);
        m.put("val_accuracy", validationAccuracy);
        m.put("test_accuracy", testAccuracy);
        m.put("stop_reason", stopReason);
        return m;
    }
}
