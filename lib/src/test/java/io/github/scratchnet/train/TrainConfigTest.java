package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import org.junit.jupiter.api.Test;

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
    void nonsenseValuesAreRefusedWithOneLine() {
        TrainConfig c = TrainConfig.defaults();
        String[] messages = {
            assertThrows(ScratchnetException.class, () -> c.withLearningRate(0)).getMessage(),
            assertThrows(ScratchnetException.class, () -> c.withLearningRate(Double.NaN)).getMessage(),
            assertThrows(ScratchnetException.class, () -> c.withLearningRate(Double.POSITIVE_INFINITY)).getMessage(),
            assertThrows(ScratchnetException.class, () -> c.withBatchSize(0)).getMessage(),
            assertThrows(ScratchnetException.class, () -> c.withMaxEpochs(-1)).getMessage(),
            assertThrows(ScratchnetException.class, () -> c.withL2(-0.1)).getMessage(),
            assertThrows(ScratchnetException.class, () -> c.withLayers(784, 0, 10)).getMessage(),
            assertThrows(ScratchnetException.class, () -> c.withLayers(784)).getMessage(),
            assertThrows(ScratchnetException.class, () -> c.withEvalEvery(0)).getMessage(),
        };
        for (String m : messages) assertTrue(!m.contains("\n") && m.length() > 20, m);
    }

    @Test
    void equalConfigsAreEqual() {
        assertEquals(TrainConfig.report(16, 3), TrainConfig.report(16, 3));
        assertTrue(!TrainConfig.report(16, 3).equals(TrainConfig.report(16, 4)));
    }
}
