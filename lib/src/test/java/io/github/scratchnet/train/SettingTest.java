package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.nn.Activation;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.optim.OptimizerSpec;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The declaration of the settings covers TrainConfig whole, and each part of it is used once. */
class SettingTest {
    private static final TrainConfig EVERY = TrainConfig.builder().layers(784, 30, 10).learningRate(0.5).batchSize(7)
            .maxEpochs(9).batchNorm(BatchNormMode.NORMALIZE).activation(Activation.TANH).l2(0.25).patience(11).evalEvery(13).minDelta(0.125)
            .restoreBest(true).seed(-4).splitSeed(3).protocol(Protocol.parse("report,split=seeded,stopping=patience"))
            .optimizer(OptimizerSpec.parse("adam,beta2=0.99")).build();

    @Test
    void everyComponentOfTrainConfigIsDeclaredInOrder() {
        // A component without a declaration would be left out of the command line, run ids, run files and tables.
        List<String> components = Arrays.stream(TrainConfig.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(components, Arrays.stream(Setting.values()).map(Setting::parameter).toList());
        for (RecordComponent c : TrainConfig.class.getRecordComponents()) {
            Setting s = Setting.forParameter(c.getName()).orElseThrow();
            Class<?> boxed = c.getType().isPrimitive()
                    ? java.lang.invoke.MethodType.methodType(c.getType()).wrap().returnType() : c.getType();
            assertEquals(boxed, s.valueClass(), c.getName());
        }
    }

    @Test
    void eachFlagKeyAndColumnNamesOneSetting() {
        for (Function<Setting, Object> part : List.<Function<Setting, Object>>of(Setting::flag, Setting::key,
                Setting::fileKey, s -> s.column().orElse(s.name()), s -> s.listFlag().orElse(s.name()),
                s -> s.idPrefix().map(p -> "prefix " + p).orElse(s.name()))) {
            Set<Object> seen = new HashSet<>();
            for (Setting s : Setting.values()) assertTrue(seen.add(part.apply(s)), "twice: " + part.apply(s));
        }
        for (Setting s : Setting.values()) {
            assertTrue(s.flag().startsWith("--") && !s.help().isBlank(), s.name());
            assertTrue(Setting.forParameter(s.parameter()).orElseThrow() == s);
        }
        assertTrue(Setting.forParameter("dataSet").isEmpty());
    }

    @Test
    void textFormsRoundTripAndTheBuilderTakesEveryValueBack() {
        TrainConfig.Builder b = TrainConfig.builder();
        for (Setting s : Setting.values()) {
            Object v = s.get(EVERY);
            assertTrue(Objects.deepEquals(v, s.parse(s.text(EVERY))), s.name());
            s.set(b, s.parse(s.text(EVERY)));
        }
        assertEquals(EVERY, b.build());
        assertEquals(EVERY, EVERY.toBuilder().build());
        assertEquals(EVERY.hashCode(), EVERY.toBuilder().build().hashCode());
        assertEquals(List.of(Protocol.parse("report,init=he"), Protocol.SOUND, Protocol.REPORT),
                Setting.PROTOCOL.parseList("report,init=he,sound,report"), "fields belong to the protocol before them");
        assertEquals(List.of(16, 32), Setting.BATCH_SIZE.parseList("16,32"));
        assertEquals(List.of(OptimizerSpec.SGD, OptimizerSpec.parse("adam,beta2=0.99"), OptimizerSpec.MOMENTUM),
                Setting.OPTIMIZER.parseList("sgd,adam,beta2=0.99,momentum"), "fields belong to the optimizer before them");
        assertThrows(IllegalArgumentException.class, () -> Setting.BATCH_SIZE.parse("16.5"));
        assertThrows(IllegalArgumentException.class, () -> Setting.SEED.set(b, 3));
    }

    @Test
    void defaultsAreTheBuildersAndEachSettingChangesTheConfiguration() {
        TrainConfig defaults = TrainConfig.defaults();
        for (Setting s : Setting.values()) {
            if (s.defaultValue() != null) assertTrue(Objects.deepEquals(s.defaultValue(), s.get(defaults)), s.name());
            TrainConfig changed = s.set(defaults.toBuilder(), s.get(EVERY)).build();
            assertFalse(changed.equals(defaults), s.name() + " does not change the configuration");
        }
        assertEquals(defaults, defaults.toBuilder().l2(-0.0).build(), "-0.0 and 0.0 are one lambda, as before");
        assertEquals(defaults.hashCode(), defaults.toBuilder().l2(-0.0).build().hashCode());
    }
}
