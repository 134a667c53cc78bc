package io.github.scratchnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.Setting;
import io.github.scratchnet.train.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The options made from the settings' declarations: parsed, not run. */
class SettingOptionsTest {
    private static Object parsed(String... args) {
        CommandLine cli = new CommandLine(new Main());
        CommandLine.ParseResult r = cli.parseArgs(args);
        return r.subcommand().commandSpec().userObject();
    }

    private static TrainConfig train(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        return ((TrainCommand) parsed(all)).options.toConfig();
    }

    private static List<TrainConfig> sweep(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        return ((SweepCommand) parsed(all)).configs();
    }

    @Test
    void everySettingHasItsOptionInTrainAndSweepAndItsFlagInErrors() {
        CommandLine cli = new CommandLine(new Main());
        CommandSpec train = cli.getSubcommands().get("train").getCommandSpec();
        CommandSpec sweep = cli.getSubcommands().get("sweep").getCommandSpec();
        for (Setting s : Setting.values()) {
            assertNotNull(train.findOption(s.flag()), s.flag());
            assertNotNull(sweep.findOption(s.flag()), s.flag());
            s.listFlag().ifPresent(f -> assertNotNull(sweep.findOption(f), f));
            assertEquals(s.flag(), Flags.of(s.parameter()).get(Flags.of(s.parameter()).size() - 1));
        }
        assertEquals(List.of("--protocols", "--protocol"), Flags.of("protocol"));
        assertEquals(List.of("--split-seed"), Flags.of("splitSeed"));
        assertEquals(List.of("--dataset"), Flags.of("dataSet"));
        CommandSpec bench = cli.getSubcommands().get("bench").getCommandSpec();
        for (Setting s : List.of(Setting.BATCH_SIZE, Setting.SEED, Setting.PROTOCOL)) assertNotNull(bench.findOption(s.flag()));
        assertNotNull(cli.getSubcommands().get("evaluate").getCommandSpec().findOption("--protocol"));
    }

    @Test
    void theOptionsGiveTheConfigurationTheLibraryBuilds() {
        assertEquals(TrainConfig.defaults(), train());
        TrainConfig every = TrainConfig.builder().layers(784, 30, 10).learningRate(0.5).batchSize(7).maxEpochs(9)
                .batchNorm(io.github.scratchnet.nn.BatchNormMode.NORMALIZE).l2(0.25).patience(11).evalEvery(13)
                .minDelta(0.125).restoreBest(true).seed(4).splitSeed(3).protocol(Protocol.parse("sound,init=width-scaled"))
                .build();
        assertEquals(every, train("--layers", "784,30,10", "--lr", "0.5", "--batch-size", "7", "--max-epochs", "9",
                "--batchnorm", "normalize", "--l2", "0.25", "--patience", "11", "--eval-every", "13", "--min-delta",
                "0.125", "--restore-best", "--seed", "4", "--split-seed", "3", "--protocol", "sound,init=width-scaled"));
    }

    @Test
    void underTheReportsProtocolTheSeedDefaultsToFortyTwo() {
        TrainConfig report = train("--protocol", "report");
        assertEquals(Protocol.REPORT, report.protocol());
        assertEquals(42, report.seed());
        assertEquals(42, report.splitSeed());
        assertEquals(7, train("--protocol", "report", "--seed", "7").splitSeed());
        assertEquals(1, train("--protocol", "sound").seed());
    }

    @Test
    void aSweepTakesAListOfProtocolsEachWithItsSeed() {
        List<TrainConfig> c = sweep("--protocols", "report,init=he,sound", "--batch-sizes", "16,32");
        assertEquals(4, c.size());
        assertEquals(List.of("report,init=he", "report,init=he", "sound", "sound"),
                c.stream().map(x -> x.protocol().toString()).toList());
        assertEquals(List.of(16, 32, 16, 32), c.stream().map(TrainConfig::batchSize).toList());
        assertEquals(List.of(42L, 42L, 1L, 1L), c.stream().map(TrainConfig::seed).toList());
        List<TrainConfig> seeds = sweep("--protocols", "report,sound", "--seeds", "1,2");
        assertEquals(List.of("1 report", "1 sound", "2 report", "2 sound"),
                seeds.stream().map(x -> x.seed() + " " + x.protocol()).toList(), "seed by seed, then protocol");
        assertTrue(sweep("--protocol", "report").stream().allMatch(x -> x.protocol().equals(Protocol.REPORT) && x.seed() == 42));
    }
}
