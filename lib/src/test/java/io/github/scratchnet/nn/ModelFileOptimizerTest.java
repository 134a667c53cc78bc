package io.github.scratchnet.nn;

import static io.github.scratchnet.nn.PropagatorFastPathTest.assertSameBits;
import static io.github.scratchnet.nn.PropagatorFastPathTest.network;
import static io.github.scratchnet.nn.PropagatorFastPathTest.shuffled;
import static io.github.scratchnet.nn.PropagatorFastPathTest.sparseData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.data.Npz;
import io.github.scratchnet.optim.Optimizer;
import io.github.scratchnet.optim.OptimizerSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optimiser's state in a model file: written in NumPy's layout, read back bit for bit. */
class ModelFileOptimizerTest {
    @TempDir Path tmp;
    private static final int[] SIZES = {64, 6, 5, 10};

    @ParameterizedTest(name = "{0} batchnorm={1}")
    @CsvSource({"momentum,OFF", "'momentum,momentum=0.5',FULL", "adam,OFF", "'adam,beta1=0.8,epsilon=1.0E-6',FULL", "sgd,OFF"})
    void theStateRoundTripsBitForBit(String optimizer, BatchNormMode mode) {
        Network net = network(SIZES, mode, 4);
        Optimizer opt = OptimizerSpec.parse(optimizer).create(0.03, net.parameters());
        Dataset data = sparseData(40, SIZES[0], SIZES[SIZES.length - 1], 5);
        int[] order = shuffled(40, 6);
        try (Propagator propagator = new Propagator(net, 8)) {
            for (int s = 0; s < 5; s++) {
                propagator.forward(data, order, 8 * s, 8 * s + 8, true);
                propagator.backwardAndUpdate(0.1, opt);
            }
        }
        Path file = tmp.resolve("m.npz");
        ModelFile.save(net, opt, DataSetKind.MNIST, file);
        Network back = ModelFile.load(file);
        Optimizer read = ModelFile.optimizer(file, back).orElseThrow();
        assertEquals(opt.spec(), read.spec());
        assertEquals(0.03, read.learningRate());
        assertEquals(5, read.steps());
        assertSameBits(net.parameters(), back.parameters(), "parameters");
        assertEquals(opt.state().size(), read.state().size());
        for (int i = 0; i < opt.state().size(); i++) {
            assertSameBits(opt.state().get(i).arrays(), read.state().get(i).arrays(), opt.state().get(i).name());
        }
        // NumPy's layout: the state of W1 is shaped like W1 (n1, n0), that of b1 like b1 (n1, 1)
        Npz npz = Npz.read(file);
        assertEquals(optimizer.equals("sgd") ? "sgd" : opt.spec().toString(), npz.string(ModelFile.OPTIMIZER));
        if (!opt.state().isEmpty()) {
            String name = "opt_" + opt.state().get(0).name() + "_";
            assertEquals(SIZES[1], npz.matrix(name + "W1").numRows);
            assertEquals(SIZES[0], npz.matrix(name + "W1").numCols);
            assertEquals(opt.state().get(0).arrays().wt(1).get(3, 2), npz.matrix(name + "W1").get(2, 3));
            assertEquals(1, npz.matrix(name + "b2").numCols);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"momentum", "adam"})
    void aFileWithoutTheOptimizerHasNoneAndADamagedOneSaysSo(String optimizer) {
        Network net = network(SIZES, BatchNormMode.OFF, 4);
        Path plain = tmp.resolve("plain.npz");
        ModelFile.save(net, plain);
        assertTrue(ModelFile.optimizer(plain, ModelFile.load(plain)).isEmpty());
        // a file of another shape's state does not fit this network
        Network other = network(new int[] {64, 7, 5, 10}, BatchNormMode.OFF, 4);
        Path file = tmp.resolve("other.npz");
        ModelFile.save(other, OptimizerSpec.parse(optimizer).create(0.1, other.parameters()), DataSetKind.MNIST, file);
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> ModelFile.optimizer(file, net));
        assertTrue(e.getMessage().contains("not shaped like its parameter"), e.getMessage());
    }
}
