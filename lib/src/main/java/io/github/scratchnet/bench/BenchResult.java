package io.github.scratchnet.bench;

import io.github.scratchnet.nn.Kernels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured.
 *
 * @param batchSize samples per step
 * @param warmupEpochs untimed epochs run first (they still train)
 * @param threads threads of the validation checks (and of split large batches)
 * @param epochSeconds wall time of every timed epoch, validation checks included
 * @param validationSeconds wall time of the validation checks of every timed epoch
 * @param validationAccuracy accuracy on the validation set after the last epoch
 */
public record BenchResult(int batchSize, int warmupEpochs, int threads, List<Double> epochSeconds,
        List<Double> validationSeconds, double validationAccuracy) {

    public BenchResult {
        epochSeconds = List.copyOf(epochSeconds);
        validationSeconds = List.copyOf(validationSeconds);
    }

    public int epochs() {
        return epochSeconds.size();
    }

    /** Median wall time of the timed epochs: the figure to compare. */
    public double secondsPerEpoch() {
        return median(epochSeconds);
    }

    /** Median wall time of the validation checks of a timed epoch. */
    public double validationSecondsPerEpoch() {
        return median(validationSeconds);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
    }

    /** The fields of the {@code --json} line, in a fixed order. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch_size", batchSize);
        m.put("epochs", epochs());
        m.put("seconds_per_epoch", round(secondsPerEpoch()));
        m.put("validation_seconds_per_epoch", round(validationSecondsPerEpoch()));
        m.put("val_accuracy", validationAccuracy);
        m.put("warmup_epochs", warmupEpochs);
        m.put("threads", threads);
        m.put("epoch_seconds", epochSeconds.stream().map(BenchResult::round).toList());
        m.put("validation_seconds", validationSeconds.stream().map(BenchResult::round).toList());
        m.put("java", System.getProperty("java.version"));
        m.put("kernels", Kernels.vectorised() ? "vector" : "scalar");
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
