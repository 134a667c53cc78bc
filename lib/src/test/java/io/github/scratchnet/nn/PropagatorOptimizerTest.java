package io.github.scratchnet.nn;

import static io.github.scratchnet.nn.PropagatorFastPathTest.assertSameBits;
import static io.github.scratchnet.nn.PropagatorFastPathTest.network;
import static io.github.scratchnet.nn.PropagatorFastPathTest.shuffled;
import static io.github.scratchnet.nn.PropagatorFastPathTest.sparseData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.optim.Optimizer;
import io.github.scratchnet.optim.OptimizerSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's fused step with momentum and Adam (every array moved as soon as its gradient is
 * done, the first layer densely, chunk by chunk when split) against {@code backward} followed by
 * {@link Optimizer#step}, bit for bit, on one thread and split.
 */
class PropagatorOptimizerTest {
    private static final int[] SIZES = {64, 20, 7, 5, 10};

    @ParameterizedTest(name = "{0} batchnorm={1} m={2} threads={3} lambda={4}")
    @CsvSource({
        "momentum,OFF,9,1,0", "momentum,OFF,150,2,0.7", "momentum,FULL,150,2,0.7", "momentum,NORMALIZE,9,1,0",
        "'adam,beta2=0.99',OFF,9,1,0.7", "adam,OFF,150,2,0", "adam,FULL,9,1,0", "adam,FULL,150,2,0.7"})
    void fusedStepEqualsBackwardThenOptimizerStep(String optimizer, BatchNormMode mode, int m, int threads, double lambda) {
        OptimizerSpec spec = OptimizerSpec.parse(optimizer);
        Network fused = network(SIZES, mode, 2);
        Network plain = fused.copy();
        Optimizer a = spec.create(0.05, fused.parameters());
        Optimizer b = spec.create(0.05, plain.parameters());
        Dataset data = sparseData(3 * m, SIZES[0], SIZES[SIZES.length - 1], 6);
        int[] order = shuffled(data.size(), 7);
        try (Propagator pa = new Propagator(fused, m, threads); Propagator pb = new Propagator(plain, m)) {
            Parameters grads = Parameters.zerosLike(plain.parameters());
            for (int step = 0; step < 3; step++) {
                pa.forward(data, order, step * m, step * m + m, true);
                pa.backwardAndUpdate(lambda, a);
                pb.forward(data, order, step * m, step * m + m, true);
                pb.backward(lambda, grads);
                b.step(grads);
                assertEquals(Double.doubleToLongBits(pb.crossEntropySum()), Double.doubleToLongBits(pa.crossEntropySum()));
                assertSameBits(plain.parameters(), fused.parameters(), "parameters after step " + step);
                for (int i = 0; i < a.state().size(); i++) {
                    assertSameBits(b.state().get(i).arrays(), a.state().get(i).arrays(), a.state().get(i).name() + " after step " + step);
                }
            }
            assertEquals(3, a.steps());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sgd,0", "momentum,1", "adam,1"})
    void onlyPlainSgdLeavesTheRowsABatchDidNotWrite(String optimizer, int stateful) {
        // without L2, plain SGD moves only the rows of Wt1 whose pixels the batch has; momentum and
        // Adam move the rows the first step wrote again at the second, by their state
        Network net = network(SIZES, BatchNormMode.OFF, 3);
        Optimizer opt = OptimizerSpec.parse(optimizer).create(0.05, net.parameters());
        Dataset data = sparseData(4, SIZES[0], SIZES[SIZES.length - 1], 8);
        try (Propagator propagator = new Propagator(net, 1)) {
            propagator.forward(data, null, 0, 1, true);
            propagator.backwardAndUpdate(0, opt);
            double[] before = net.parameters().wt(1).data.clone();
            propagator.forward(data, null, 1, 2, true);
            propagator.backwardAndUpdate(0, opt);
            boolean[] written = new boolean[SIZES[0]];
            for (int q = data.rowStart(1); q < data.rowEnd(1); q++) written[data.column()[q]] = true;
            int movedElsewhere = 0;
            for (int e = 0; e < before.length; e++) {
                if (!written[e / SIZES[1]] && before[e] != net.parameters().wt(1).data[e]) movedElsewhere++;
            }
            if (stateful == 0) assertEquals(0, movedElsewhere);
            else assertTrue(movedElsewhere > 0, "no row outside the batch's pixels moved");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sgd", "adam"})
    void anOptimizerOfAnotherNetworkIsRefused(String optimizer) {
        Network net = network(SIZES, BatchNormMode.OFF, 3);
        Optimizer other = OptimizerSpec.parse(optimizer).create(0.05, net.parameters().copy());
        Dataset data = sparseData(4, SIZES[0], SIZES[SIZES.length - 1], 8);
        try (Propagator propagator = new Propagator(net, 2)) {
            propagator.forward(data, null, 0, 2, true);
            ScratchnetException e = assertThrows(ScratchnetException.class, () -> propagator.backwardAndUpdate(0, other));
            assertTrue(e.getMessage().startsWith("the optimizer moves the parameters of another network"), e.getMessage());
        }
    }
}
