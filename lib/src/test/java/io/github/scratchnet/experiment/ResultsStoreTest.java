package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class ResultsStoreTest {
    @TempDir
    Path dir;

    private static SweepRun run(int batchSize, BatchNormMode bn, double lambda, long seed, double test) {
        TrainConfig c = TrainConfig.report(batchSize, seed).toBuilder().splitSeed(1).batchNorm(bn).l2(lambda).build();
        RunSummary s = new RunSummary(batchSize, bn.label(), lambda, seed, 3, 1200, 0.1 + 0.2, 0.3, 0.9, 0.35,
                0.89, test, "early_stop");
        List<Check> history = List.of(new Check(100, 1, 2.3, 2.2, 0.1, 0.01), new Check(200, 1, 1.0 / 3, 0.7, 0.8, 0.02));
        return SweepRun.of(c, s, history);
    }

    @Test
    void runsAndChecksRoundTripThroughCsvWithTheirTypes() {
        List<SweepRun> runs = List.of(run(16, BatchNormMode.OFF, 0, 1, 0.9123), run(512, BatchNormMode.FULL, 0.05, 2, 0.8));
        Path runsCsv = ResultsStore.write(ResultsStore.runs("q4", runs), dir.resolve("runs.csv"));
        Path checksCsv = ResultsStore.write(ResultsStore.checks(runs), dir.resolve("checks.csv"));

        Table r = Table.read().csv(runsCsv.toFile());
        assertEquals(List.of("Run Id", "Config Id", "Question", "Batch Size", "Batchnorm", "Lambda", "Patience (checks)",
                "Restore Best", "Seed", "Split Seed", "Epoch Number", "Iteration", "Train Time in sec", "Train Cost", "Train Accuracy",
                "Validation Cost", "Validation Accuracy", "Test Accuracy", "Stop Reason", "Layers", "Learning Rate",
                "Max Epochs", "Eval Every", "Protocol", "Activation", "Optimizer"), r.columnNames());
        assertEquals(ColumnType.INTEGER, r.column("Batch Size").type());
        assertEquals(ColumnType.INTEGER, r.column("Seed").type());
        assertEquals(ColumnType.DOUBLE, r.column("Test Accuracy").type());
        assertEquals(ColumnType.DOUBLE, r.column("Lambda").type());
        assertEquals(ColumnType.BOOLEAN, r.column("Restore Best").type());
        assertEquals(ColumnType.STRING, r.column("Batchnorm").type());
        assertEquals(runs.get(1).id(), r.stringColumn("Run Id").get(1));
        assertEquals("full", r.stringColumn("Batchnorm").get(1));
        assertEquals(1, r.intColumn("Patience (checks)").get(0), "the one-check rule waits one check");
        assertEquals(0.1 + 0.2, r.doubleColumn("Train Time in sec").get(0), 0, "doubles are written exactly");
        assertEquals(0.9123, r.doubleColumn("Test Accuracy").get(0), 0);
        assertEquals("784-20-7-5-10", r.stringColumn("Layers").get(0));
        assertEquals("sound", r.stringColumn("Protocol").get(0));
        assertEquals("sgd", r.stringColumn("Optimizer").get(0));

        Table c = Table.read().csv(checksCsv.toFile());
        assertEquals(List.of("Run Id", "Iteration", "Epoch", "Train Cost", "Validation Cost", "Validation Accuracy",
                "Seconds"), c.columnNames());
        assertEquals(4, c.rowCount());
        assertEquals(1.0 / 3, c.doubleColumn("Train Cost").get(1), 0);
        assertEquals(200, c.intColumn("Iteration").get(3));
    }

    @Test
    void readKeepsTheWrittenTypesWhereTablesawWouldGuessOthers() {
        // Every lambda 0.0: Tablesaw alone reads that column as integers.
        List<SweepRun> runs = List.of(run(16, BatchNormMode.OFF, 0, 1, 0.9), run(32, BatchNormMode.OFF, 0, 1, 0.8));
        Path csv = ResultsStore.write(ResultsStore.runs("q4", runs), dir.resolve("runs.csv"));
        Table r = ResultsStore.read(csv);
        assertEquals(ColumnType.DOUBLE, r.column("Lambda").type());
        assertEquals(ColumnType.LONG, r.column("Seed").type());
        assertEquals(ColumnType.LONG, r.column("Iteration").type());
        assertEquals(ResultsStore.runs("q4", runs).columnNames(), r.columnNames());
        Table c = ResultsStore.read(ResultsStore.write(ResultsStore.checks(runs), dir.resolve("checks.csv")));
        assertEquals(ColumnType.LONG, c.column("Iteration").type());
        assertEquals(ColumnType.DOUBLE, c.column("Seconds").type());
    }

    @Test
    void patienceCountsChecksRoundingUp() {
        TrainConfig c = TrainConfig.report(16, 1);
        assertEquals(1, ResultsStore.patienceInChecks(c));
        assertEquals(10, ResultsStore.patienceInChecks(c.toBuilder().patience(1000).build()));
        assertEquals(2, ResultsStore.patienceInChecks(c.toBuilder().patience(150).build()));
        assertEquals(0, ResultsStore.patienceInChecks(c.toBuilder().patience(0).build()));
    }

    @Test
    void publishReplacesTheRowsOfItsQuestionAndKeepsTheOthers() {
        Path combined = dir.resolve("all").resolve("runs.csv");
        ResultsStore.publish(ResultsStore.runs("q5", List.of(run(16, BatchNormMode.NORMALIZE, 0, 1, 0.5))), combined);
        ResultsStore.publish(ResultsStore.runs("q4", List.of(run(32, BatchNormMode.OFF, 0, 1, 0.6))), combined);
        Table all = ResultsStore.publish(ResultsStore.runs("q4",
                List.of(run(16, BatchNormMode.OFF, 0, 1, 0.7), run(64, BatchNormMode.OFF, 0, 1, 0.8))), combined);
        Table read = ResultsStore.read(combined);
        assertEquals(3, read.rowCount());
        assertEquals(List.of("q4", "q4", "q5"), read.stringColumn("Question").asList());
        assertEquals(List.of(0.7, 0.8, 0.5), read.doubleColumn("Test Accuracy").asList());
        assertEquals(all.rowCount(), read.rowCount());
    }

    @Test
    void theProtocolColumnHoldsItsTextAndSeedsOfTheReportsSplitAreOneConfiguration() {
        TrainConfig c = TrainConfig.builder().protocol(Protocol.parse("report,init=he")).build();
        RunSummary s = new RunSummary(128, "off", 0, 42, 3, 2, 1200, 0.3, 0.3, 0.9, 0.35, 0.89, 0.9, "max_epochs");
        List<SweepRun> runs = List.of(SweepRun.of(c, s, List.of()), SweepRun.of(c.toBuilder().seed(43).build(), s, List.of()),
                run(16, BatchNormMode.OFF, 0, 1, 0.9));
        Table r = ResultsStore.read(ResultsStore.write(ResultsStore.runs("q", runs), dir.resolve("runs.csv")));
        assertEquals(List.of("report,init=he", "report,init=he", "sound"), r.stringColumn(ResultsStore.PROTOCOL).asList());
        assertEquals(2, r.intColumn(ResultsStore.EPOCH).get(0), "the epoch as the protocol counts it");
        assertEquals(r.stringColumn(ResultsStore.CONFIG_ID).get(0), r.stringColumn(ResultsStore.CONFIG_ID).get(1));
        assertTrue(ResultsStore.CONFIGURATION_COLUMNS.contains(ResultsStore.PROTOCOL));
        assertTrue(!ResultsStore.CONFIGURATION_COLUMNS.contains(ResultsStore.SEED));
    }

    @Test
    void publishBringsATableOfAnEarlierVersionUpToDate() {
        // before protocols: no Protocol column, and Learning Rate before Layers
        Table old = ResultsStore.runs("q5", List.of(run(16, BatchNormMode.NORMALIZE, 0, 1, 0.5)));
        old.removeColumns(ResultsStore.PROTOCOL);
        Table reordered = Table.create("runs");
        for (String n : old.columnNames()) if (!n.equals("Layers")) reordered.addColumns(old.column(n).copy());
        reordered.addColumns(old.column("Layers").copy());
        List<String> names = reordered.columnNames();
        Path combined = dir.resolve("runs.csv");
        ResultsStore.write(reordered, combined);
        Table all = ResultsStore.publish(ResultsStore.runs("q4", List.of(run(32, BatchNormMode.OFF, 0, 1, 0.6))), combined);
        assertEquals(ResultsStore.runs("q4", List.of()).columnNames(), all.columnNames());
        assertEquals(List.of("sound", "sound"), all.stringColumn(ResultsStore.PROTOCOL).asList());
        assertEquals(List.of(0.6, 0.5), all.doubleColumn(ResultsStore.TEST_ACCURACY).asList());
        assertTrue(!names.equals(all.columnNames()));
    }

    @Test
    void aMissingOrForeignFileGetsOneLine() throws IOException {
        ScratchnetException missing = assertThrows(ScratchnetException.class, () -> ResultsStore.read(dir.resolve("none.csv")));
        assertTrue(missing.getMessage().contains("does not exist; run the sweep"), missing.getMessage());
        Path foreign = dir.resolve("runs.csv");
        Files.writeString(foreign, "a,b\n1,2\n");
        ScratchnetException other = assertThrows(ScratchnetException.class,
                () -> ResultsStore.publish(ResultsStore.runs("q4", List.of(run(16, BatchNormMode.OFF, 0, 1, 0.7))), foreign));
        assertTrue(other.getMessage().contains("does not hold the columns"), other.getMessage());
        assertEquals("a,b\n1,2\n", Files.readString(foreign), "nothing overwritten");
    }

    @Test
    void byConfigurationAveragesOverSeeds() {
        List<SweepRun> runs = List.of(run(16, BatchNormMode.OFF, 0, 1, 0.90), run(16, BatchNormMode.OFF, 0, 2, 0.92),
                run(16, BatchNormMode.OFF, 0, 3, 0.97), run(32, BatchNormMode.OFF, 0, 1, 0.5));
        Table t = io.github.scratchnet.stats.SeedSummary.of(ResultsStore.runs("q4", runs),
                List.of(ResultsStore.BATCH_SIZE, ResultsStore.TEST_ACCURACY));
        assertEquals(2, t.rowCount());
        assertEquals(3, ((Number) t.column("Seeds").get(0)).intValue());
        assertEquals(0.93, t.doubleColumn("Test Accuracy").get(0), 1e-12);
        // sample std of 0.90, 0.92, 0.97: mean 0.93, squares 0.0009 + 0.0001 + 0.0016 = 0.0026, / 2 = 0.0013
        assertEquals(Math.sqrt(0.0013), t.doubleColumn("Test Accuracy Std").get(0), 1e-12);
    }
}
