package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One run observed under several stopping rules gives each rule's own run, bit for bit. */
class TrainerObservingTest {
    static final Dataset TRAIN = TrainerTest.blobs(400, 1);
    static final Dataset VALIDATION = TrainerTest.blobs(100, 2);
    static final Dataset TEST = TrainerTest.blobs(100, 3);

    static double[] bits(TrainingResult r) {
        Parameters p = r.network().parameters();
        List<Double> all = new ArrayList<>();
        for (Parameters.Named n : p.named()) for (double v : n.matrix().data) all.add(v);
        for (int l = 1; l < r.network().layers(); l++) {
            for (double v : r.network().runningStats().mean(l).data) all.add(v);
            for (double v : r.network().runningStats().var(l).data) all.add(v);
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static void assertSameRun(TrainingResult alone, TrainingResult observed) {
        String what = alone.config().toString();
        assertEquals(alone.config(), observed.config(), what);
        assertEquals(alone.stopReason(), observed.stopReason(), what);
        assertEquals(alone.epochs(), observed.epochs(), what);
        assertEquals(alone.iterations(), observed.iterations(), what);
        assertEquals(alone.history().size(), observed.history().size(), what);
        for (int i = 0; i < alone.history().size(); i++) {
            Check a = alone.history().get(i);
            Check b = observed.history().get(i);
            assertEquals(new Check(a.step(), a.epoch(), a.trainCost(), a.validationCost(), a.validationAccuracy(), 0),
                    new Check(b.step(), b.epoch(), b.trainCost(), b.validationCost(), b.validationAccuracy(), 0), what);
        }
        assertEquals(Double.doubleToLongBits(alone.trainCost()), Double.doubleToLongBits(observed.trainCost()), what);
        assertEquals(alone.trainAccuracy(), observed.trainAccuracy(), 0, what);
        assertEquals(Double.doubleToLongBits(alone.validationCost()), Double.doubleToLongBits(observed.validationCost()), what);
        assertEquals(alone.validationAccuracy(), observed.validationAccuracy(), 0, what);
        assertEquals(alone.testAccuracy(), observed.testAccuracy(), 0, what);
        assertArrayEquals(bits(alone), bits(observed), 0, what);
    }

    @Test
    void everyObservedRuleEqualsItsOwnRun() {
        for (BatchNormMode mode : BatchNormMode.values()) {
            TrainConfig driver = TrainerTest.small().toBuilder().batchNorm(mode).l2(0.05).maxEpochs(12).learningRate(0.3).evalEvery(5).patience(0).restoreBest(true).build();
            List<TrainConfig> rules = List.of(driver.toBuilder().patience(5).restoreBest(false).build(),
                    driver.toBuilder().patience(5).build(), driver.toBuilder().patience(15).restoreBest(false).build(), driver.toBuilder().patience(15).build(),
                    driver.toBuilder().patience(50).build(), driver.toBuilder().restoreBest(false).build());
            List<TrainingResult> all = new Trainer(driver).observing(rules).fitAll(TRAIN, VALIDATION, TEST);
            assertEquals(rules.size() + 1, all.size());
            assertSameRun(new Trainer(driver).fit(TRAIN, VALIDATION, TEST), all.get(0));
            int stoppedEarly = 0;
            for (int i = 0; i < rules.size(); i++) {
                TrainingResult alone = new Trainer(rules.get(i)).fit(TRAIN, VALIDATION, TEST);
                assertSameRun(alone, all.get(i + 1));
                if (alone.stopReason() != StopReason.EARLY_STOPPING) continue;
                stoppedEarly++;
                // Independent of the code under test: the returned parameters are those of the best
                // check (restored) or of the stopping check, so the validation cost is that check's.
                List<Check> h = all.get(i + 1).history();
                double expected = rules.get(i).restoreBest()
                        ? h.stream().mapToDouble(Check::validationCost).min().orElseThrow()
                        : h.get(h.size() - 1).validationCost();
                assertEquals(expected, all.get(i + 1).validationCost(), 0, rules.get(i).toString());
            }
            assertTrue(stoppedEarly >= 2, mode + ": the test needs rules that fire before the end, got " + stoppedEarly);
        }
    }

    @Test
    void onlyLessPatientRulesOfTheSameRunCanBeObserved() {
        TrainConfig c = TrainerTest.small().toBuilder().patience(30).build();
        ScratchnetException more = assertThrows(ScratchnetException.class,
                () -> new Trainer(c).observing(List.of(c.toBuilder().patience(0).build())));
        assertTrue(more.getMessage().contains("train the most patient rule"), more.getMessage());
        ScratchnetException other = assertThrows(ScratchnetException.class,
                () -> new Trainer(c).observing(List.of(c.toBuilder().patience(10).l2(0.1).build())));
        assertTrue(other.getMessage().contains("only the patience and restoreBest may differ"), other.getMessage());
    }
}
