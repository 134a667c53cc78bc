package io.github.scratchnet.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.viz.OriginalReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportQuestionsTest {
    // one seed, so the lists read as the report's tables; seedsMultiplyEveryList checks the rest
    final ReportQuestions full = new ReportQuestions(NotebookSettings.of(false, Path.of(".."), 1));
    final ReportQuestions smoke = new ReportQuestions(NotebookSettings.of(true, Path.of(".."), 1));

    @Test
    void question4IsTheReportsSixRuns() {
        List<TrainConfig> q4 = full.q4();
        assertEquals(List.of(16, 32, 64, 128, 256, 512), q4.stream().map(TrainConfig::batchSize).toList());
        for (TrainConfig c : q4) assertEquals(TrainConfig.report(c.batchSize(), 1), c);
        assertEquals(6, smoke.q4().size());
        assertEquals(2, smoke.q4().get(0).maxEpochs());
    }

    @Test
    void question5And6ChangeOnlyBatchnormAndLambda() {
        for (TrainConfig c : full.q5(BatchNormMode.NORMALIZE)) {
            assertEquals(TrainConfig.report(c.batchSize(), 1).toBuilder().batchNorm(BatchNormMode.NORMALIZE).build(), c);
        }
        for (TrainConfig c : full.q6(0.05, BatchNormMode.FULL)) {
            assertEquals(TrainConfig.report(c.batchSize(), 1).toBuilder().batchNorm(BatchNormMode.FULL).l2(0.05).build(), c);
        }
        List<TrainConfig> search = full.lambdaSearch(1, 16, 32);
        assertEquals(8, search.size());
        assertEquals(List.of(0.2, 0.15, 0.1, 0.05), search.stream().map(TrainConfig::l2).distinct().toList());
    }

    @Test
    void lambdasAndPatiencesAreCopiesThatACellCanEditAlone() {
        double[] lambdas = ReportQuestions.lambdas();
        lambdas[0] = 7;
        int[] patiences = ReportQuestions.patienceChecks();
        patiences[0] = 50;
        assertArrayEquals(new double[] {0.2, 0.15, 0.1, 0.05}, ReportQuestions.lambdas());
        assertArrayEquals(new int[] {1, 3, 10}, ReportQuestions.patienceChecks());
        assertEquals(List.of(0.2, 0.15, 0.1, 0.05), full.lambdaSearch(1, 16).stream().map(TrainConfig::l2).toList());
        assertEquals(100, ReportQuestions.stoppingRules(full.q4()).get(0).patience());
    }

    @Test
    void patientRuleWaitsTenChecksAndRestoresTheBest() {
        TrainConfig c = full.q4().get(0);
        TrainConfig p = ReportQuestions.patient(c);
        assertEquals(1000, p.patience());
        assertTrue(p.restoreBest());
        assertTrue(ReportQuestions.isPatient(p));
        assertFalse(ReportQuestions.isPatient(c));
        assertEquals("one-check rule", ReportQuestions.stoppingRule(c));
        assertEquals("patient rule", ReportQuestions.stoppingRule(p));
        assertEquals("no early stopping", ReportQuestions.stoppingRule(c.toBuilder().patience(0).build()));
        assertEquals("patience 3 checks", ReportQuestions.stoppingRule(c.toBuilder().patience(300).build()));
        assertEquals("patience 10 checks", ReportQuestions.stoppingRule(c.toBuilder().patience(1000).build()));
        assertEquals("patience 1 check, best restored", ReportQuestions.stoppingRule(c.toBuilder().restoreBest(true).build()));
        assertEquals("patience 150 steps", ReportQuestions.stoppingRule(c.toBuilder().patience(150).build()));
        assertEquals(20, ReportQuestions.patient(smoke.q4().get(0)).patience());
    }

    @Test
    void labelsNameWhatVaries() {
        TrainConfig c = full.q6(0.05, BatchNormMode.NORMALIZE).get(0);
        assertEquals("batch 16, normalize, λ 0.05, one-check rule, seed 1", ReportQuestions.label(c));
        assertEquals("batch 512, patient rule, seed 1", ReportQuestions.label(ReportQuestions.patient(full.q4().get(5))));
        assertEquals("batch 16, cost-change rule, seed 42", ReportQuestions.label(full.settings().replica(OriginalReport.Q4).get(0)),
                "the report's own rule, under its protocol");
    }

    @Test
    void largeBatchesFirstThenPatientRunsThenTheCostlierBatchnorm() {
        List<TrainConfig> q4 = full.q4();
        List<TrainConfig> all = ReportQuestions.all(q4, ReportQuestions.patient(q4), q4);
        assertEquals(12, all.size());
        List<TrainConfig> order = ReportQuestions.largeBatchesFirst(all);
        assertEquals(List.of(512, 512, 256, 256, 128, 128, 64, 64, 32, 32, 16, 16),
                order.stream().map(TrainConfig::batchSize).toList());
        for (int i = 0; i < 12; i++) assertEquals(i % 2 == 0, ReportQuestions.isPatient(order.get(i)), "run " + i);
        TrainConfig off = full.q4().get(0), normalize = full.q5(BatchNormMode.NORMALIZE).get(0),
                fullBn = full.q5(BatchNormMode.FULL).get(0);
        for (List<TrainConfig> given : List.of(List.of(normalize, off, fullBn), List.of(off, normalize, fullBn),
                List.of(fullBn, off, normalize))) {
            assertEquals(List.of(fullBn, normalize, off), ReportQuestions.largeBatchesFirst(given), "from " + given);
        }
        assertEquals(List.of(q4.get(5), fullBn), ReportQuestions.largeBatchesFirst(List.of(fullBn, q4.get(5))),
                "batch size comes before batchnorm");
    }

    @Test
    void onlyKeepsTheGivenBatchSizesInOrder() {
        assertEquals(List.of(16, 64), ReportQuestions.only(full.q4(), 64, 16, 1000).stream().map(TrainConfig::batchSize).toList());
        assertEquals(List.of(), ReportQuestions.only(full.q4()));
    }

    @Test
    void weightPairDiffersOnlyInLambda() {
        List<TrainConfig> pair = full.weightPair(16, 10, 0.05);
        assertEquals(pair.get(0).toBuilder().l2(0.05).build(), pair.get(1));
        assertEquals(0, pair.get(0).l2());
        assertEquals(0, pair.get(0).patience());
        assertEquals(10, pair.get(0).maxEpochs());
        assertEquals(2, smoke.weightPair(16, 10, 0.05).get(0).maxEpochs());
    }

    @Test
    void seedsMultiplyEveryListAndShareTheSplit() {
        ReportQuestions five = new ReportQuestions(NotebookSettings.of(false, Path.of("..")));
        List<TrainConfig> q4 = five.q4();
        assertEquals(30, q4.size(), "six batch sizes, five seeds");
        assertEquals(java.util.Set.of(1L, 2L, 3L, 4L, 5L), q4.stream().map(TrainConfig::seed).collect(java.util.stream.Collectors.toSet()));
        assertTrue(q4.stream().allMatch(c -> c.splitSeed() == NotebookSettings.SPLIT_SEED), "one split for every seed");
        assertEquals(full.q4().get(0), q4.get(0), "seed 1 is the run of the notebooks before seeds");
        assertEquals(3 * 6 * 4, five.lambdaSearch(3, NotebookSettings.batchSizes()).size(), "the search may use fewer seeds");
        assertEquals(2 * 6 * 4, new ReportQuestions(NotebookSettings.of(false, Path.of(".."), 2))
                .lambdaSearch(3, NotebookSettings.batchSizes()).size(), "never more seeds than the settings have");
    }

    @Test
    void stoppingRulesCoverEveryPatienceWithAndWithoutRestoring() {
        List<TrainConfig> rules = ReportQuestions.stoppingRules(List.of(full.q4().get(0)));
        assertEquals(6, rules.size());
        assertEquals(full.q4().get(0), rules.get(0), "the one-check rule: one check, nothing restored");
        assertEquals(ReportQuestions.patient(full.q4().get(0)), rules.get(5));
        assertEquals(List.of(100, 100, 300, 300, 1000, 1000), rules.stream().map(TrainConfig::patience).toList());
    }
}
