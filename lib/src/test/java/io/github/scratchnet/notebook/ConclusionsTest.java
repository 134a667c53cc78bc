package io.github.scratchnet.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.nn.Parameters;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.experiment.ResultsStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class ConclusionsTest {
    static RunSummary run(int batch, double lambda, double val, double test, double seconds) {
        return new RunSummary(batch, "off", lambda, 1, 5, 1000, seconds, 0.3, 0.9, 0.4, val, test, "early_stopping");
    }

    @Test
    void lambdaIsPickedOnValidationAccuracyAlone() {
        List<RunSummary> search = List.of(run(16, 0.2, 0.90, 0.95, 1), run(32, 0.2, 0.90, 0.95, 1),
                run(16, 0.05, 0.92, 0.90, 1), run(32, 0.05, 0.91, 0.90, 1));
        List<Conclusions.LambdaScore> scores = Conclusions.lambdaScores(search);
        assertEquals(List.of(0.2, 0.05), scores.stream().map(Conclusions.LambdaScore::lambda).toList());
        assertEquals(0.915, scores.get(1).meanValidationAccuracy(), 1e-12);
        assertEquals(0.05, Conclusions.pickLambda(search).lambda(), "the higher test accuracy of 0.2 must not count");
        String html = Conclusions.lambdaVerdict("search", search, 0.05);
        assertTrue(html.contains("picks λ = 0.05") && html.contains("runner-up, λ = 0.2, is 0.0150 behind")
                && html.contains("report's choice too"), html);
        assertTrue(Conclusions.lambdaVerdict("search", search, 0.1).contains("The report chose λ = 0.1"));
        assertEquals(0.2, Conclusions.pickLambda(List.of(run(16, 0.2, 0.9, 0, 1), run(16, 0.3, 0.9, 0, 1))).lambda(),
                "ties go to the smaller lambda");
    }

    @Test
    void weightComparisonByHand() {
        Parameters without = new Parameters(new int[] {3, 2}, false);
        Parameters with = new Parameters(new int[] {3, 2}, false);
        // report's W1 (2 x 3) = [[3, 0, 0], [0, -4, 0]]; stored transposed
        without.wt(1).set(0, 0, 3);
        without.wt(1).set(1, 1, -4);
        with.wt(1).set(0, 0, 1);
        with.wt(1).set(1, 1, -1);
        with.b(1).set(0, 1, 0.5);
        List<Conclusions.WeightStats> stats = Conclusions.compareWeights(without, with);
        assertEquals(List.of("W1", "b1"), stats.stream().map(Conclusions.WeightStats::name).toList());
        Conclusions.WeightStats w = stats.get(0);
        assertEquals(2, w.rows());
        assertEquals(3, w.cols());
        assertEquals(5, w.frobeniusWithout(), 1e-12);
        assertEquals(Math.sqrt(2), w.frobeniusWith(), 1e-12);
        assertEquals(7.0 / 6, w.meanAbsWithout(), 1e-12);
        assertEquals(2.0 / 6, w.meanAbsWith(), 1e-12);
        assertEquals((1 - 3) + (-1 + 4), w.sumOfDifferences(), 1e-12);
        assertEquals(0.5, stats.get(1).sumOfDifferences(), 1e-12);
        assertTrue(Conclusions.weightVerdict(stats).contains("1 of 1 weight matrices"), Conclusions.weightVerdict(stats));
        assertEquals(6, Conclusions.weights(without, 1, 1).length);
        assertThrows(ScratchnetException.class, () -> Conclusions.weights(without, 1, 2));
        assertThrows(ScratchnetException.class, () -> Conclusions.compareWeights(without, new Parameters(new int[] {3, 3}, false)));
    }

    @Test
    void decayPerEpochFollowsTheStepFactor() {
        TrainConfig c = TrainConfig.report(16, 1).toBuilder().l2(0.05).build();
        double perStep = 1 - 0.009 * 0.05 / 16;
        assertEquals(1 - Math.pow(perStep, 3000), Conclusions.decayPerEpoch(c, 48_000), 1e-15);
        assertEquals(0, Conclusions.decayPerEpoch(c.toBuilder().l2(0).build(), 48_000));
    }

    @Test
    void largestCostIsTheMaximumOfEachSide() {
        List<RunSummary> ours = List.of(withValidationCost(16, 0.31), withValidationCost(32, 2.75), withValidationCost(64, 0.5));
        Table report = Table.create("report").addColumns(
                DoubleColumn.create(ResultsStore.VALIDATION_COST, 4.0, 123456.0, 7.5));
        String html = Conclusions.largestCostVerdict("Costs", ours, report);
        assertEquals("<p><b>Costs:</b> the largest validation cost in our table is 2.750; in the report's it is"
                + " 1.235e+05.</p>", html);
        assertTrue(Conclusions.largestCostVerdict("c", List.of(withValidationCost(16, 9)), report).contains("our table is 9.000"));
        assertThrows(ScratchnetException.class, () -> Conclusions.largestCostVerdict("c", List.of(), report));
    }

    static RunSummary withValidationCost(int batch, double cost) {
        return new RunSummary(batch, "off", 0, 1, 5, 1000, 1, 0.3, 0.9, cost, 0.9, 0.9, "early_stopping");
    }
}
