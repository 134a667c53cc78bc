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
        assertEquals(c, TrainConfig.builder().build());
        assertEquals("layers=784,20,7,5,10 lr=0.009 batch=128 maxEpochs=100 batchnorm=off l2=0.0 patience=100"
                + " evalEvery=100 minDelta=0.0 restoreBest=false seed=1", c.toString());
        assertTrue(TrainConfig.builder().protocol(Protocol.REPORT).build().toString().endsWith(" seed=42 protocol=report"),
                "the report's seed, and the protocol when it is not sound");
    }

    @Test
    void theReportsLayersAreACopyThatACallerCanEditAlone() {
        int[] mine = TrainConfig.reportLayers();
        mine[1] = 99;
        assertEquals("[784, 20, 7, 5, 10]", java.util.Arrays.toString(TrainConfig.reportLayers()));
        assertEquals("[784, 20, 7, 5, 10]", java.util.Arrays.toString(TrainConfig.defaults().layers()),
                "the default layers must not follow an edited copy");
    }

    @Test
    void nonsenseValuesAreRefusedWithOneLineNamingTheParameter() {
        TrainConfig c = TrainConfig.defaults();
        assertNamed("learningRate", () -> c.toBuilder().learningRate(0).build());
        assertNamed("learningRate", () -> c.toBuilder().learningRate(Double.NaN).build());
        assertNamed("learningRate", () -> c.toBuilder().learningRate(Double.POSITIVE_INFINITY).build());
        assertNamed("batchSize", () -> c.toBuilder().batchSize(0).build());
        assertNamed("maxEpochs", () -> c.toBuilder().maxEpochs(-1).build());
        assertNamed("l2", () -> c.toBuilder().l2(-0.1).build());
        assertNamed("layers", () -> c.toBuilder().layers(784, 0, 10).build());
        assertNamed("layers", () -> c.toBuilder().layers(784).build());
        assertNamed("evalEvery", () -> c.toBuilder().evalEvery(0).build());
        assertNamed("patience", () -> c.toBuilder().patience(-1).build());
        assertNamed("minDelta", () -> c.toBuilder().minDelta(-1).build());
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
        TrainConfig every = TrainConfig.builder().layers(10, 4, 3).learningRate(0.5).batchSize(7).maxEpochs(9)
                .batchNorm(io.github.scratchnet.nn.BatchNormMode.FULL).l2(0.25).patience(11).evalEvery(13)
                .minDelta(0.125).restoreBest(true).seed(42).build();
        assertEquals(every, every.toBuilder().build());
        assertEquals(TrainConfig.report(16, 4).toBuilder().splitSeed(3).build(),
                TrainConfig.report(16, 3).toBuilder().seed(4).build(), "toBuilder keeps the split seed");
    }

    @Test
    void theSplitSeedFollowsTheSeedUnlessSet() {
        assertEquals(7, TrainConfig.report(16, 7).splitSeed());
        TrainConfig fixed = TrainConfig.builder().seed(2).splitSeed(1).build();
        assertEquals(1, fixed.splitSeed());
        assertEquals(1, fixed.toBuilder().seed(5).build().splitSeed());
        assertTrue(!fixed.equals(TrainConfig.report(128, 2)), "the split seed is part of the configuration");
        assertTrue(fixed.toString().endsWith("seed=2 splitSeed=1"), fixed.toString());
        assertTrue(TrainConfig.report(16, 7).toString().endsWith("seed=7"), "no split seed shown when it is the seed");
    }
}
