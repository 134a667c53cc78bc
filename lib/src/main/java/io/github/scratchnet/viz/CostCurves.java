package io.github.scratchnet.viz;

import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.min;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.ResultsStore;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The data of the notebooks' cost charts, from the tidy store ({@code runs.csv} and
 * {@code checks.csv}): the checks of one configuration's runs (one per seed) summarised by
 * iteration. The cells draw the charts (create → style → series) from these tables. At an
 * iteration that only some seeds reached (they stop at different times) the summary is over the
 * seeds that did.
 */
public final class CostCurves {
    private CostCurves() {}

    /**
     * One row per iteration: {@code Iteration}, then {@code Mean [Train Cost]}, {@code Mean
     * [Validation Cost]}, {@code Min [Train Cost]}, {@code Min [Validation Cost]}, {@code Max
     * [Train Cost]}, {@code Max [Validation Cost]} over the runs of {@code configId}.
     */
    public static Table meanAndRange(Table runs, Table checks, String configId) {
        return of(runs, checks, configId).summarize(ResultsStore.TRAIN_COST, ResultsStore.VALIDATION_COST, mean, min, max)
                .by(ResultsStore.ITERATION).sortOn(ResultsStore.ITERATION);
    }

    /** One row per iteration: {@code Iteration} and {@code Mean [<column>]} over the runs of {@code configId}. */
    public static Table mean(Table runs, Table checks, String configId, String column) {
        return of(runs, checks, configId).summarize(column, mean).by(ResultsStore.ITERATION).sortOn(ResultsStore.ITERATION);
    }

    /** The configurations of {@code runs}, in order of first appearance (one curve each in an overview chart). */
    public static List<String> configIds(Table runs) {
        List<String> out = new ArrayList<>();
        for (String id : runs.stringColumn(ResultsStore.CONFIG_ID)) if (!out.contains(id)) out.add(id);
        return out;
    }

    /** The one configuration of {@code runs} at {@code batchSize}. */
    public static String configIdAt(Table runs, int batchSize) {
        Table at = runs.where(((NumericColumn<?>) runs.column(ResultsStore.BATCH_SIZE)).isEqualTo(batchSize));
        List<String> ids = configIds(at);
        if (ids.size() != 1) {
            throw new ScratchnetException(ids.size() + " configurations at batch size " + batchSize + " (expected one); select"
                    + " the runs of one setting (batchnorm, λ, stopping rule) first");
        }
        return ids.get(0);
    }

    /** The checks of the runs of {@code configId}. */
    private static Table of(Table runs, Table checks, String configId) {
        List<String> ids = runs.where(runs.stringColumn(ResultsStore.CONFIG_ID).isEqualTo(configId))
                .stringColumn(ResultsStore.RUN_ID).asList();
        if (ids.isEmpty()) throw new ScratchnetException("no runs of configuration " + configId + "; pick one of " + configIds(runs));
        return checks.where(checks.stringColumn(ResultsStore.RUN_ID).isIn(ids));
    }
}
