package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TrainConfigTest {
    @Test
    void defaultsAreTheReports() {
        TrainConfig c = TrainConfig.defaults();
        assertEquals(0.009, c.learningRate());
        assertEquals(100, c.maxEpochs());
        assertEquals(100, c.patience());
        assertEquals(100, c.evalEvery());
        assertEquals("[784, 20, 7, 5, 10]", java.util.Arrays.toString(c.layers()));
        assertTrue(c.toString().contains("lr=0.009"), c.toString());
    }

    @Test
    void nonsenseValuesAreRefusedWithOneLineNamingTheParameter() {
        TrainConfig c = TrainConfig.defaults();
        assertNamed("learningRate", () -> c.withLearningRate(0));
        assertNamed("learningRate", () -> c.withLearningRate(Double.NaN));
        assertNamed("learningRate", () -> c.withLearningRate(Double.POSITIVE_INFINITY));
        assertNamed("batchSize", () -> c.withBatchSize(0));
        assertNamed("maxEpochs", () -> c.withMaxEpochs(-1));
        assertNamed("l2", () -> c.withL2(-0.1));
        assertNamed("layers", () -> c.withLayers(784, 0, 10));
        assertNamed("layers", () -> c.withLayers(784));
        assertNamed("evalEvery", () -> c.withEvalEvery(0));
        assertNamed("patience", () -> c.withPatience(-1));
        assertNamed("minDelta", () -> c.withMinDelta(-1));
    }

    @Test
    void layersAndBatchSizeMustFitTheData() {
        TrainConfig c = TrainConfig.defaults();
        c.requireFits(784, 10, 128);
        assertTrue(assertNamed("layers", () -> c.requireFits(100, 10, 1000)).contains("start layers with 100"));
        assertTrue(assertNamed("layers", () -> c.requireFits(784, 3, 1000)).contains("end layers with 3"));
        assertTrue(assertNamed("batchSize", () -> c.requireFits(784, 10, 127)).contains("choose at most 127"));
    }

    /** A notebook user typed {@code batchSize}, never {@code --batch-size}: messages name the parameter. */
    private static String assertNamed(String parameter, Executable bad) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, bad);
        String m = e.getMessage();
        assertEquals(parameter, e.parameter());
        assertTrue(m.startsWith(parameter + " ") || m.contains(" " + parameter + " "), m);
        assertFalse(m.contains("--") || m.contains("\n"), m);
        assertTrue(e.messageNaming("--flag").contains("--flag"), m);
        return m;
    }

    @Test
    void equalConfigsAreEqual() {
        assertEquals(TrainConfig.report(16, 3), TrainConfig.report(16, 3));
        assertTrue(!TrainConfig.report(16, 3).equals(TrainConfig.report(16, 4)));
    }
}
