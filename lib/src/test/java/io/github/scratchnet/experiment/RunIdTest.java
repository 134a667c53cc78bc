package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunIdTest {
    private static final TrainConfig BASE = TrainConfig.report(16, 1);

    @Test
    void spellsOutTheSweptFieldsAndHashesTheRest() {
        String id = RunId.of(BASE.toBuilder().l2(0.05).batchNorm(BatchNormMode.NORMALIZE).build());
        assertTrue(id.matches("bs16_bn-normalize_l2-0\\.05_seed1_[0-9a-f]{8}"), id);
        assertTrue(RunId.of(BASE).startsWith("bs16_bn-off_l2-0_seed1_"), RunId.of(BASE));
        assertEquals("bs16_bn-off_l2-0.0001_seed-3_", RunId.of(BASE.toBuilder().l2(1e-4).seed(-3).build()).substring(0, 29));
    }

    @Test
    void isStableAcrossVersions() {
        // Changing this value renames every stored run, and sweeps would stop resuming. (It changed once,
        // when the split got a seed of its own: run files from before are trained again.)
        assertEquals("bs128_bn-off_l2-0_seed1_54fa8376", RunId.of(TrainConfig.defaults()));
    }

    @Test
    void everyFieldChangesTheIdAndTheSeedIsLeftOutOfTheConfigurationId() {
        List<TrainConfig> variants = List.of(BASE, BASE.toBuilder().batchSize(32).build(), BASE.toBuilder().batchNorm(BatchNormMode.FULL).build(),
                BASE.toBuilder().l2(0.05).build(), BASE.toBuilder().seed(2).build(), BASE.toBuilder().layers(784, 30, 10).build(), BASE.toBuilder().learningRate(0.01).build(),
                BASE.toBuilder().maxEpochs(7).build(), BASE.toBuilder().patience(0).build(), BASE.toBuilder().evalEvery(50).build(), BASE.toBuilder().minDelta(1e-4).build(),
                BASE.toBuilder().restoreBest(true).build(), BASE.toBuilder().splitSeed(9).build());
        Set<String> ids = new HashSet<>();
        for (TrainConfig c : variants) {
            String id = RunId.of(c);
            assertTrue(ids.add(id), "duplicate id " + id);
            assertTrue(id.matches("[A-Za-z0-9._-]+"), id);
        }
        assertEquals(RunId.ofConfiguration(BASE), RunId.ofConfiguration(BASE.toBuilder().seed(9).build()));
        assertNotEquals(RunId.ofConfiguration(BASE), RunId.ofConfiguration(BASE.toBuilder().learningRate(0.01).build()));
    }

    @Test
    void aProtocolOtherThanSoundIsSpelledOutAndSoundRunsKeepTheirIds() {
        assertEquals("bs128_bn-off_l2-0_seed1_54fa8376", RunId.of(TrainConfig.builder().protocol(Protocol.SOUND).build()));
        TrainConfig report = TrainConfig.builder().protocol(Protocol.REPORT).build();
        assertTrue(RunId.of(report).matches("bs128_bn-off_l2-0_seed42_report_[0-9a-f]{8}"), RunId.of(report));
        String he = RunId.of(report.toBuilder().protocol(Protocol.parse("report,init=he")).build());
        assertTrue(he.startsWith("bs128_bn-off_l2-0_seed42_report.init-he_"), he);
        // every protocol one field away from a named one gets an id of its own
        Set<String> ids = new HashSet<>(List.of(RunId.of(report), RunId.of(TrainConfig.defaults())));
        for (String key : Protocol.SOUND.fields().keySet()) {
            for (Protocol p : List.of(Protocol.REPORT.with(key, Protocol.SOUND.fields().get(key)),
                    Protocol.SOUND.with(key, Protocol.REPORT.fields().get(key)))) {
                String id = RunId.of(BASE.toBuilder().protocol(p).build());
                assertTrue(ids.add(id), "duplicate id " + id + " of " + p);
                assertTrue(id.matches("[A-Za-z0-9._-]+"), id);
            }
        }
    }

    @Test
    void underTheReportsSplitTheSeedsOfAConfigurationShareItsId() {
        // every seed is its own split there: the split seed follows the seed and is not part of the configuration
        TrainConfig report = TrainConfig.builder().protocol(Protocol.REPORT).build();
        assertEquals(RunId.ofConfiguration(report), RunId.ofConfiguration(report.toBuilder().seed(7).build()));
        assertNotEquals(RunId.of(report), RunId.of(report.toBuilder().seed(7).build()));
        TrainConfig seeded = report.toBuilder().protocol(Protocol.parse("report,split=seeded")).splitSeed(1).build();
        assertEquals(RunId.ofConfiguration(seeded), RunId.ofConfiguration(seeded.toBuilder().seed(7).build()));
        assertNotEquals(RunId.ofConfiguration(seeded), RunId.ofConfiguration(seeded.toBuilder().splitSeed(2).build()));
    }
}
