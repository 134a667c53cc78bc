package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.data.Npz;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(BatchNormMode.class)
    void saveThenLoadGivesTheSameNetwork(BatchNormMode mode) {
        Network net = PropagatorGradientTest.perturbed(mode);
        Dataset data = PropagatorGradientTest.randomData(9, 6, 3, 3);
        // One training-mode pass moves the running statistics away from their initial values.
        new Propagator(net, 9).forward(data, null, 0, 9, true);
        Path file = dir.resolve("m.npz");
        ModelFile.save(net, file);
        Network back = ModelFile.load(file);
        assertEquals(mode, back.batchNorm());
        assertArrayEquals(net.sizes(), back.sizes());
        for (int i = 0; i < net.parameters().named().size(); i++) {
            assertArrayEquals(net.parameters().named().get(i).matrix().data, back.parameters().named().get(i).matrix().data, 0);
        }
        for (int l = 1; l < net.layers(); l++) {
            assertArrayEquals(net.runningStats().mean(l).data, back.runningStats().mean(l).data, 0);
            assertArrayEquals(net.runningStats().var(l).data, back.runningStats().var(l).data, 0);
        }
        try (Evaluator a = new Evaluator(net, 1); Evaluator b = new Evaluator(back, 1)) {
            assertEquals(a.evaluate(data, 0), b.evaluate(data, 0));
        }
    }

    @Test
    void theFormulasAreRecordedAndRestored() {
        Network report = Network.initialize(new int[] {6, 4, 3}, BatchNormMode.NORMALIZE, Formulas.REPORT,
                Initialization.HE, 3);
        Path file = dir.resolve("report.npz");
        ModelFile.save(report, file);
        assertEquals(Formulas.REPORT, ModelFile.load(file).formulas());
        Path sound = dir.resolve("sound.npz");
        ModelFile.save(Network.initialize(new int[] {6, 4, 3}, BatchNormMode.OFF, 3), sound);
        assertEquals(Formulas.SOUND, ModelFile.load(sound).formulas());
    }

    @Test
    void arraysAreInTheReportsOrientation() {
        Network net = Network.initialize(new int[] {6, 5, 3}, BatchNormMode.OFF, 1);
        Path file = dir.resolve("m.npz");
        ModelFile.save(net, file);
        Npz npz = Npz.read(file);
        assertEquals(5, npz.matrix("W1").numRows);
        assertEquals(6, npz.matrix("W1").numCols);
        assertEquals(5, npz.matrix("b1").numRows);
        assertEquals(1, npz.matrix("b1").numCols);
        assertEquals("off", npz.string("bn_mode"));
        assertEquals(Network.BN_EPSILON, npz.scalar("bn_eps"));
        assertEquals(net.parameters().wt(1).get(2, 4), npz.matrix("W1").get(4, 2));
    }

    @Test
    void theDataSetIsRecordedAndCheckedOnLoad() {
        Network net = Network.initialize(new int[] {6, 5, 3}, BatchNormMode.OFF, 1);
        Path file = dir.resolve("fashion.npz");
        ModelFile.save(net, DataSetKind.FASHION_MNIST, file);
        assertEquals("fashion-mnist", Npz.read(file).string("dataset"));
        assertEquals(DataSetKind.FASHION_MNIST, ModelFile.dataSet(file));
        assertArrayEquals(net.sizes(), ModelFile.load(file, DataSetKind.FASHION_MNIST).sizes());
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> ModelFile.load(file, DataSetKind.MNIST));
        assertEquals("model " + file + " was trained on Fashion-MNIST, not MNIST; evaluate it with --dataset"
                + " fashion-mnist, or give a model trained on MNIST", e.getMessage());

        Path mnist = dir.resolve("mnist.npz");
        ModelFile.save(net, mnist);
        assertEquals("mnist", Npz.read(mnist).string("dataset"));
    }

    @Test
    void aFileWithoutADataSetEntryIsMnist() {
        Path file = dir.resolve("old.npz");
        Npz.writer().matrix("W1", new org.ejml.data.DMatrixRMaj(3, 6)).matrix("b1", new org.ejml.data.DMatrixRMaj(3, 1))
                .string("bn_mode", "off").write(file);
        assertEquals(DataSetKind.MNIST, ModelFile.dataSet(file));
        assertArrayEquals(new int[] {6, 3}, ModelFile.load(file, DataSetKind.MNIST).sizes());
        ScratchnetException e = assertThrows(ScratchnetException.class,
                () -> ModelFile.load(file, DataSetKind.FASHION_MNIST));
        assertTrue(e.getMessage().contains("was trained on MNIST, not Fashion-MNIST; evaluate it with --dataset mnist"),
                e.getMessage());
    }

    @Test
    void anUnknownDataSetEntryIsACleanError() {
        Path file = dir.resolve("odd.npz");
        Npz.writer().matrix("W1", new org.ejml.data.DMatrixRMaj(3, 6)).matrix("b1", new org.ejml.data.DMatrixRMaj(3, 1))
                .string("dataset", "cifar-10").write(file);
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> ModelFile.dataSet(file));
        assertTrue(e.getMessage().contains("names an unknown data set 'cifar-10'"), e.getMessage());
    }

    @Test
    void mismatchedShapesAreACleanError() {
        Path file = dir.resolve("bad.npz");
        Npz.writer().matrix("W1", new org.ejml.data.DMatrixRMaj(5, 6)).matrix("b1", new org.ejml.data.DMatrixRMaj(5, 1))
                .matrix("W2", new org.ejml.data.DMatrixRMaj(3, 4)).matrix("b2", new org.ejml.data.DMatrixRMaj(3, 1)).write(file);
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("W2 has 4 columns but layer 1 has 5 units"), e.getMessage());
    }

    @Test
    void garbageIsACleanError() throws Exception {
        Path file = dir.resolve("junk.npz");
        Files.writeString(file, "not a zip");
        assertThrows(ScratchnetException.class, () -> ModelFile.load(file));
    }
}
