package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a {@link Propagator} refuses: backward without the caches of a training-mode forward, data its layers do not fit. */
class PropagatorTest {
    private static final int[] SIZES = {13, 3, 11, 2, 6};

    private static void assertRefused(Propagator propagator, Parameters grads, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> propagator.backward(0.1, grads));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> propagator.backwardAndUpdate(0.1, 0.5));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "batchnorm={0}")
    @EnumSource(BatchNormMode.class)
    void backwardNeedsATrainingModeForward(BatchNormMode mode) {
        Network net = PropagatorFastPathTest.network(SIZES, mode, 1);
        Parameters before = net.parameters().copy();
        Dataset data = PropagatorFastPathTest.sparseData(20, SIZES[0], SIZES[SIZES.length - 1], 2);
        Parameters grads = Parameters.zerosLike(net.parameters());
        try (Propagator propagator = new Propagator(net, 20)) {
            assertRefused(propagator, grads, "no forward yet");

            propagator.evaluate(data, 0, 20);
            assertRefused(propagator, grads, "backward after evaluate");

            propagator.forward(data, null, 0, 20, true);
            propagator.evaluate(data, 0, 10); // a training forward, then evaluate: its caches are gone
            assertRefused(propagator, grads, "backward after evaluate");

            propagator.forward(data, null, 0, 20, false);
            assertRefused(propagator, grads, "inference forward");

            propagator.forward(data, null, 0, 20, true);
            assertThrows(ScratchnetException.class, () -> propagator.forward(data, null, 0, 21, true)); // too large
            assertRefused(propagator, grads, "no forward yet, or the last one failed");

            PropagatorFastPathTest.assertSameBits(before, net.parameters(), "refused steps");
            propagator.forward(data, null, 0, 20, true);
            propagator.backward(0.1, grads);
            propagator.backwardAndUpdate(0.1, 0.5);
        }
    }

    @Test
    void aBatchMustFitTheCapacity() {
        Network net = PropagatorFastPathTest.network(SIZES, BatchNormMode.OFF, 1);
        Dataset data = PropagatorFastPathTest.sparseData(20, SIZES[0], SIZES[SIZES.length - 1], 2);
        assertThrows(ScratchnetException.class, () -> new Propagator(net, 0));
        try (Propagator propagator = new Propagator(net, 10)) {
            assertThrows(ScratchnetException.class, () -> propagator.forward(data, null, 0, 11, true));
            assertThrows(ScratchnetException.class, () -> propagator.evaluate(data, 5, 5));
        }
    }

    @Test
    void dataMustFitTheLayers() {
        Network net = PropagatorFastPathTest.network(SIZES, BatchNormMode.OFF, 1);
        try (Propagator propagator = new Propagator(net, 10)) {
            Dataset wide = PropagatorFastPathTest.sparseData(10, SIZES[0] + 1, SIZES[SIZES.length - 1], 2);
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> propagator.forward(wide, null, 0, 10, true));
            assertTrue(e.getMessage().contains("the first layer has 13 units but the data has 14 features"), e.getMessage());
            Dataset fewer = PropagatorFastPathTest.sparseData(10, SIZES[0], SIZES[SIZES.length - 1] - 1, 2);
            e = assertThrows(InvalidParameterException.class, () -> propagator.evaluate(fewer, 0, 10));
            assertTrue(e.getMessage().contains("end layers with 5"), e.getMessage());
        }
    }
}
