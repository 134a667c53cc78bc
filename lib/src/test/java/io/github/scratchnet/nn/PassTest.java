package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a {@link Pass} refuses: backward without the caches of a training-mode forward, data its layers do not fit. */
class PassTest {
    private static final int[] SIZES = {13, 3, 11, 2, 6};

    private static void assertRefused(Pass pass, Parameters grads, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pass.backward(0.1, grads));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> pass.backwardAndUpdate(0.1, 0.5));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "batchnorm={0}")
    @EnumSource(BatchNormMode.class)
    void backwardNeedsATrainingModeForward(BatchNormMode mode) {
        Network net = PassFastPathTest.network(SIZES, mode, 1);
        Parameters before = net.parameters().copy();
        Dataset data = PassFastPathTest.sparseData(20, SIZES[0], SIZES[SIZES.length - 1], 2);
        Parameters grads = Parameters.zerosLike(net.parameters());
        try (Pass pass = new Pass(net, 20)) {
            assertRefused(pass, grads, "no forward yet");

            pass.evaluate(data, 0, 20);
            assertRefused(pass, grads, "backward after evaluate");

            pass.forward(data, null, 0, 20, true);
            pass.evaluate(data, 0, 10); // a training forward, then evaluate: its caches are gone
            assertRefused(pass, grads, "backward after evaluate");

            pass.forward(data, null, 0, 20, false);
            assertRefused(pass, grads, "inference forward");

            pass.forward(data, null, 0, 20, true);
            assertThrows(ScratchnetException.class, () -> pass.forward(data, null, 0, 21, true)); // too large
            assertRefused(pass, grads, "no forward yet, or the last one failed");

            PassFastPathTest.assertSameBits(before, net.parameters(), "refused steps");
            pass.forward(data, null, 0, 20, true);
            pass.backward(0.1, grads);
            pass.backwardAndUpdate(0.1, 0.5);
        }
    }

    @Test
    void aBatchMustFitTheCapacity() {
        Network net = PassFastPathTest.network(SIZES, BatchNormMode.OFF, 1);
        Dataset data = PassFastPathTest.sparseData(20, SIZES[0], SIZES[SIZES.length - 1], 2);
        assertThrows(ScratchnetException.class, () -> new Pass(net, 0));
        try (Pass pass = new Pass(net, 10)) {
            assertThrows(ScratchnetException.class, () -> pass.forward(data, null, 0, 11, true));
            assertThrows(ScratchnetException.class, () -> pass.evaluate(data, 5, 5));
        }
    }

    @Test
    void dataMustFitTheLayers() {
        Network net = PassFastPathTest.network(SIZES, BatchNormMode.OFF, 1);
        try (Pass pass = new Pass(net, 10)) {
            Dataset wide = PassFastPathTest.sparseData(10, SIZES[0] + 1, SIZES[SIZES.length - 1], 2);
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> pass.forward(wide, null, 0, 10, true));
            assertTrue(e.getMessage().contains("the first layer has 13 units but the data has 14 features"), e.getMessage());
            Dataset fewer = PassFastPathTest.sparseData(10, SIZES[0], SIZES[SIZES.length - 1] - 1, 2);
            e = assertThrows(InvalidParameterException.class, () -> pass.evaluate(fewer, 0, 10));
            assertTrue(e.getMessage().contains("end layers with 5"), e.getMessage());
        }
    }
}
