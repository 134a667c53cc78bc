package io.github.scratchnet.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.ResultsStore;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class CostCurvesTest {
    /** A run at {@code batchSize} and {@code seed} whose checks at steps 0, 100, ... have the given costs. */
    static SweepRun run(int batchSize, BatchNormMode bn, long seed, double[] train, double[] validation) {
        TrainConfig c = TrainConfig.report(batchSize, seed).toBuilder().splitSeed(1).batchNorm(bn).build();
        List<Check> h = new ArrayList<>();
        for (int i = 0; i < train.length; i++) h.add(new Check(100L * i, i, train[i], validation[i], 0.9, i));
        return SweepRun.of(c, new RunSummary(batchSize, bn.label(), 0, seed, 1, 100, 1.0, 0.3, 0.9, 0.35, 0.89, 0.9,
                "early_stopping"), h);
    }

    static final List<SweepRun> RUNS = List.of(
            run(16, BatchNormMode.OFF, 1, new double[] {2.0, 1.0, 0.5}, new double[] {2.2, 1.2, 0.7}),
            run(16, BatchNormMode.OFF, 2, new double[] {2.2, 1.4}, new double[] {2.4, 1.6}),
            run(32, BatchNormMode.OFF, 1, new double[] {2.1}, new double[] {2.3}));

    @Test
    void meanAndRangeOverTheSeedsOfOneConfiguration() {
        Table runs = ResultsStore.runs("q4", RUNS);
        Table checks = ResultsStore.checks(RUNS);
        String id = CostCurves.configIdAt(runs, 16);
        Table h = CostCurves.meanAndRange(runs, checks, id);
        assertArrayEquals(new double[] {0, 100, 200}, h.numberColumn("Iteration").asDoubleArray());
        assertArrayEquals(new double[] {2.1, 1.2, 0.5}, h.numberColumn("Mean [Train Cost]").asDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {2.3, 1.4, 0.7}, h.numberColumn("Mean [Validation Cost]").asDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {2.2, 1.2, 0.7}, h.numberColumn("Min [Validation Cost]").asDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {2.4, 1.6, 0.7}, h.numberColumn("Max [Validation Cost]").asDoubleArray(), 1e-12,
                "step 200: only seed 1 got there");
        Table v = CostCurves.mean(runs, checks, id, "Validation Cost");
        assertEquals(List.of("Iteration", "Mean [Validation Cost]"), v.columnNames());
        assertArrayEquals(new double[] {2.3, 1.4, 0.7}, v.numberColumn("Mean [Validation Cost]").asDoubleArray(), 1e-12);
    }

    @Test
    void configurationsInOrderAndOnePerBatchSize() {
        Table runs = ResultsStore.runs("q4", RUNS);
        List<String> ids = CostCurves.configIds(runs);
        assertEquals(2, ids.size());
        assertEquals(ids.get(1), CostCurves.configIdAt(runs, 32));
        Table both = runs.copy().append(ResultsStore.runs("q5",
                List.of(run(32, BatchNormMode.FULL, 1, new double[] {1}, new double[] {1}))));
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> CostCurves.configIdAt(both, 32));
        assertTrue(e.getMessage().startsWith("2 configurations at batch size 32 (expected one)"), e.getMessage());
        assertThrows(ScratchnetException.class, () -> CostCurves.mean(runs, ResultsStore.checks(RUNS), "nope", "Train Cost"));
    }
}
