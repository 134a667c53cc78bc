package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.scratchnet.nn.Activation;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The activation in run ids, run files, the results store and sweep grids; ReLU runs as before it existed. */
class ActivationRunsTest {
    @TempDir Path dir;

    private static final TrainConfig TANH = TrainConfig.builder().activation(Activation.TANH).build();

    @Test
    void runIds() {
        assertEquals("bs128_bn-off_l2-0_seed1_54fa8376", RunId.of(TrainConfig.builder().activation(Activation.RELU).build()));
        String id = RunId.of(TANH);
        assertTrue(id.matches("bs128_bn-off_l2-0_seed1_sound\\.init-xavier_act-tanh_[0-9a-f]{8}"), id);
        String leaky = RunId.of(TrainConfig.builder().activation(Activation.LEAKY_RELU).build());
        assertTrue(leaky.matches("bs128_bn-off_l2-0_seed1_act-leaky-relu_54fa8376"), leaky);
    }

    @Test
    void runFiles() {
        JsonObject json = RunFile.configJson(TANH);
        assertEquals("tanh", json.get("activation").getAsString());
        assertEquals(TANH, RunFile.configFrom(json));
        // a file from before activations: ReLU, and the sound protocol
        JsonObject old = RunFile.configJson(TrainConfig.defaults());
        old.remove("activation");
        old.remove("protocol");
        assertEquals(TrainConfig.defaults(), RunFile.configFrom(old));
    }

    @Test
    void theColumnAndATableFromBefore() {
        RunSummary s = new RunSummary(128, "off", 0, 1, 3, 2, 1200, 0.3, 0.3, 0.9, 0.35, 0.89, 0.9, "max_epochs");
        Table old = ResultsStore.runs("q5", List.of(SweepRun.of(TrainConfig.defaults(), s, List.of())));
        old.removeColumns("Activation");
        Path combined = dir.resolve("runs.csv");
        ResultsStore.write(old, combined);
        Table all = ResultsStore.publish(ResultsStore.runs("q4", List.of(SweepRun.of(TANH, s, List.of()))), combined);
        assertEquals(List.of("tanh", "relu"), all.stringColumn("Activation").asList());
    }

    @Test
    void aSweepOverActivationsGivesEachItsOwnInitialisation() {
        List<TrainConfig> configs = SweepGrid.of(TrainConfig.builder())
                .activations(Activation.RELU, Activation.TANH, Activation.SIGMOID).configs();
        assertEquals(List.of(Protocol.SOUND, Protocol.sound(Activation.TANH), Protocol.sound(Activation.TANH)),
                configs.stream().map(TrainConfig::protocol).toList());
        // from a configuration whose protocol is the default, too
        assertEquals(Protocol.sound(Activation.SIGMOID),
                SweepGrid.of(TrainConfig.defaults()).activations(Activation.SIGMOID).configs().get(0).protocol());
    }
}
