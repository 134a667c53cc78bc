package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.data.Npz;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Model files record the hidden activation, so a loaded network computes what the saved one did. */
class ModelFileActivationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theActivationIsRecordedAndRestored(Activation activation) {
        Network net = ActivationGradientTest.network(activation, BatchNormMode.FULL, 4);
        Dataset data = PropagatorGradientTest.randomData(9, 6, 3, 3);
        new Propagator(net, 9).forward(data, null, 0, 9, true);
        Path file = dir.resolve("m.npz");
        ModelFile.save(net, file);
        assertEquals(activation.label(), Npz.read(file).string(ModelFile.ACTIVATION));
        Network back = ModelFile.load(file);
        assertEquals(activation, back.activation());
        try (Evaluator a = new Evaluator(net, 1); Evaluator b = new Evaluator(back, 1)) {
            assertEquals(a.evaluate(data, 0), b.evaluate(data, 0));
        }
    }

    @Test
    void theSameWeightsUnderAnotherActivationScoreDifferently() {
        // the check above would pass if the activation were ignored on load; this one shows it matters
        Network tanh = ActivationGradientTest.network(Activation.TANH, BatchNormMode.OFF, 4);
        Network relu = new Network(tanh.sizes(), BatchNormMode.OFF, Activation.RELU, Formulas.SOUND, tanh.parameters(),
                tanh.runningStats());
        Dataset data = PropagatorGradientTest.randomData(9, 6, 3, 3);
        try (Evaluator a = new Evaluator(tanh, 1); Evaluator b = new Evaluator(relu, 1)) {
            assertTrue(a.evaluate(data, 0).cost() != b.evaluate(data, 0).cost());
        }
    }

    @Test
    void aFileWithoutAnActivationEntryIsRelu() {
        Path file = dir.resolve("old.npz");
        Npz.writer().matrix("W1", new DMatrixRMaj(3, 6)).matrix("b1", new DMatrixRMaj(3, 1))
                .string("bn_mode", "off").write(file);
        assertEquals(Activation.RELU, ModelFile.load(file).activation());
    }

    @Test
    void anUnknownActivationEntryIsACleanError() {
        Path file = dir.resolve("odd.npz");
        Npz.writer().matrix("W1", new DMatrixRMaj(3, 6)).matrix("b1", new DMatrixRMaj(3, 1))
                .string(ModelFile.ACTIVATION, "swish").write(file);
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("its activation entry 'swish' is not a known choice"), e.getMessage());
        assertTrue(e.getMessage().contains("save the model again"), e.getMessage());
    }
}
