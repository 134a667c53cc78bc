package io.github.scratchnet.experiment;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.nn.Activation;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.Setting;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The Cartesian product of a few setting lists around a base. A list left unset keeps the base's
 * value. Runs come seed by seed, then protocol by protocol (so a sweep needs one split's data at a
 * time), then by the other listed settings in {@link Setting}'s order, batch size varying fastest
 * (for the lists of the command line: batchnorm mode, then lambda, then batch size).
 *
 * <pre>{@code
 * List<TrainConfig> configs = SweepGrid.of(TrainConfig.defaults())
 *         .batchSizes(16, 32, 64, 128, 256, 512).l2(0, 0.05).seeds(1, 2, 3).configs();
 * }</pre>
 */
public final class SweepGrid {
    private final TrainConfig.Builder base;
    private final Map<Setting, List<Object>> axes = new EnumMap<>(Setting.class);

    private SweepGrid(TrainConfig.Builder base) {
        this.base = base.copy();
    }

    public static SweepGrid of(TrainConfig base) {
        return new SweepGrid(base.toBuilder());
    }

    /**
     * A grid around a builder: settings it leaves unset keep following the others in every run (a
     * seed left unset is each protocol's {@link Protocol#defaultSeed}).
     */
    public static SweepGrid of(TrainConfig.Builder base) {
        return new SweepGrid(base);
    }

    /** Every value of {@code values} ({@link Setting#valueClass} each) for {@code setting}. */
    public SweepGrid vary(Setting setting, List<?> values) {
        if (values.isEmpty()) throw new ScratchnetException("a sweep needs at least one value of " + setting.parameter());
        axes.put(setting, List.copyOf(values));
        return this;
    }

    public SweepGrid batchSizes(int... values) {
        return vary(Setting.BATCH_SIZE, IntStream.of(values).boxed().toList());
    }

    public SweepGrid l2(double... values) {
        return vary(Setting.L2, DoubleStream.of(values).boxed().toList());
    }

    public SweepGrid learningRates(double... values) {
        return vary(Setting.LEARNING_RATE, DoubleStream.of(values).boxed().toList());
    }

    public SweepGrid batchNorm(BatchNormMode... values) {
        return vary(Setting.BATCHNORM, Arrays.asList(values));
    }

    public SweepGrid activations(Activation... values) {
        return vary(Setting.ACTIVATION, Arrays.asList(values));
    }

    public SweepGrid seeds(long... values) {
        return vary(Setting.SEED, LongStream.of(values).boxed().toList());
    }

    public SweepGrid protocols(Protocol... values) {
        return vary(Setting.PROTOCOL, Arrays.asList(values));
    }

    /** Every combination, validated (a bad value fails here with its one-line message). */
    public List<TrainConfig> configs() {
        List<Setting> order = new ArrayList<>(axes.keySet());
        order.sort(Comparator.comparingInt(SweepGrid::nesting).thenComparing(Comparator.naturalOrder()));
        List<TrainConfig> out = new ArrayList<>();
        add(order, 0, base, out);
        return out;
    }

    /** Outermost the settings that choose the data, innermost the batch size. */
    private static int nesting(Setting s) {
        return s == Setting.SEED || s == Setting.SPLIT_SEED || s == Setting.PROTOCOL ? 0 : s == Setting.BATCH_SIZE ? 2 : 1;
    }

    private void add(List<Setting> order, int depth, TrainConfig.Builder b, List<TrainConfig> out) {
        if (depth == order.size()) {
            TrainConfig c = b.build();
            if (!out.contains(c)) out.add(c);
            return;
        }
        Setting s = order.get(depth);
        for (Object v : axes.get(s)) add(order, depth + 1, s.set(b.copy(), v), out);
    }
}
