package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.Activation;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Formulas;
import io.github.scratchnet.nn.Initialization;
import io.github.scratchnet.nn.Network;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The activation as a training setting: its default protocol, its text, and the network it trains. */
class ActivationSettingTest {
    @Test
    void reluIsTheDefaultAndLeavesEverythingAsItWas() {
        TrainConfig c = TrainConfig.defaults();
        assertEquals(Activation.RELU, c.activation());
        assertSame(Protocol.SOUND, c.protocol());
        assertFalse(c.toString().contains("activation"), c.toString());
        assertTrue(Setting.ACTIVATION.isLegacy(c));
        assertSame(Protocol.SOUND, Protocol.sound(Activation.RELU));
        assertSame(Protocol.SOUND, Protocol.sound(Activation.LEAKY_RELU));
    }

    @Test
    void withoutAProtocolTanhAndSigmoidGetXavier() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            TrainConfig c = TrainConfig.builder().activation(a).build();
            assertEquals(Initialization.XAVIER, c.protocol().init());
            assertEquals("sound,init=xavier", c.protocol().toString());
            assertEquals(1, c.seed(), "the sound protocol's seed");
            assertTrue(c.toString().contains("activation=" + a.label()), c.toString());
            assertTrue(c.toString().endsWith("protocol=sound,init=xavier activation=" + a.label()), c.toString());
        }
        assertEquals(Initialization.HE, TrainConfig.builder().activation(Activation.LEAKY_RELU).build().protocol().init());
    }

    @Test
    void aProtocolThatIsGivenAppliesAsGiven() {
        TrainConfig he = TrainConfig.builder().activation(Activation.TANH).protocol(Protocol.SOUND).build();
        assertEquals(Initialization.HE, he.protocol().init());
        TrainConfig report = TrainConfig.builder().activation(Activation.TANH).protocol(Protocol.REPORT).build();
        assertEquals(Initialization.WIDTH_SCALED, report.protocol().init());
        TrainConfig xavierRelu = TrainConfig.builder().protocol(Protocol.parse("sound,init=xavier")).build();
        assertEquals(Activation.RELU, xavierRelu.activation());
        assertEquals(Initialization.XAVIER, xavierRelu.protocol().init());
    }

    @Test
    void toBuilderKeepsAnExplicitProtocolAndLetsTheDefaultFollowTheActivation() {
        TrainConfig tanh = TrainConfig.builder().activation(Activation.TANH).build();
        assertEquals(tanh, tanh.toBuilder().build());
        assertSame(Protocol.SOUND, tanh.toBuilder().activation(Activation.RELU).build().protocol());
        assertEquals(Initialization.XAVIER,
                TrainConfig.defaults().toBuilder().activation(Activation.SIGMOID).build().protocol().init());
        TrainConfig heTanh = TrainConfig.builder().activation(Activation.TANH).protocol(Protocol.SOUND).build();
        assertEquals(Initialization.HE, heTanh.toBuilder().seed(3).build().protocol().init());
    }

    @Test
    void textForm() {
        assertEquals(Activation.LEAKY_RELU, Setting.ACTIVATION.parse("leaky-relu"));
        assertEquals("tanh", Setting.ACTIVATION.format(Activation.TANH));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Setting.ACTIVATION.parse("foo"));
        assertEquals("'foo' is not an activation; use relu, tanh, sigmoid or leaky-relu", e.getMessage());
        assertEquals("--activation", Setting.ACTIVATION.flag());
        assertEquals("--activations", Setting.ACTIVATION.listFlag().orElseThrow());
    }

    @Test
    void theTrainerBuildsTheConfiguredNetwork() {
        Dataset train = data(64, 1);
        Dataset validation = data(32, 2);
        TrainConfig c = TrainConfig.builder().layers(6, 5, 3).activation(Activation.TANH).batchSize(16).maxEpochs(1)
                .evalEvery(2).seed(7).build();
        TrainingResult r = new Trainer(c).fit(train, validation, null);
        assertEquals(Activation.TANH, r.network().activation());
        // the weights it started from: Xavier from seed 7, the sound protocol with tanh's initialisation
        Network start = Network.initialize(new int[] {6, 5, 3}, BatchNormMode.OFF, Activation.TANH, Formulas.SOUND,
                Initialization.XAVIER, 7);
        TrainingResult again = new Trainer(c).fit(start, train, validation, null);
        assertEquals(r.validationCost(), again.validationCost(), 0);
        for (int k = 0; k < r.network().parameters().named().size(); k++) {
            assertArrayEquals(r.network().parameters().named().get(k).matrix().data,
                    again.network().parameters().named().get(k).matrix().data, 0);
        }
        // and not what He weights would have given
        TrainingResult he = new Trainer(c.toBuilder().protocol(Protocol.SOUND).build()).fit(train, validation, null);
        assertTrue(he.validationCost() != r.validationCost());

        Network relu = Network.initialize(new int[] {6, 5, 3}, BatchNormMode.OFF, 7);
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> new Trainer(c).fit(relu, train, validation, null));
        assertTrue(e.getMessage().contains("hidden activation is relu but the configuration asks for tanh"), e.getMessage());
    }

    private static Dataset data(int samples, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[samples][6];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < 6; j++) x[i][j] = r.nextDouble();
            y[i] = r.nextInt(3);
        }
        return Dataset.fromRows(x, y, 3);
    }
}
