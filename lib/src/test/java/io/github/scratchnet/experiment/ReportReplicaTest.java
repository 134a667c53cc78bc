package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.viz.OriginalReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ReportReplicaTest {
    @TempDir
    Path dir;

    // Q4 at batch 32 as the report printed it: epoch 11, iteration 14200, 0.889245 / 0.872292 / 0.8796
    private static SweepRun q4Batch32(long iteration, double trainAccuracy, double testAccuracy) {
        TrainConfig c = ReportReplica.config(OriginalReport.Q4, 32, 42);
        RunSummary s = new RunSummary(32, "off", 0, 42, 12, 11, iteration, 7.5, 0.41, trainAccuracy, 0.45,
                8_374.0 / 9_600, testAccuracy, "early_stopping");
        List<Check> history = List.of(new Check(14_100, 12, 0.6, 0.451711, 0.87, 7.4),
                new Check(14_200, 12, 0.520210, 0.451611, 0.872292, 7.5));
        return SweepRun.of(c, s, history);
    }

    @Test
    void theReportsRunsAreItsFourTablesUnderItsProtocol() {
        List<TrainConfig> all = ReportReplica.configs(42);
        assertEquals(24, all.size());
        assertTrue(all.stream().allMatch(c -> c.protocol().equals(Protocol.REPORT) && c.seed() == 42));
        TrainConfig last = all.get(23);
        assertEquals(OriginalReport.Q6_L2_BATCHNORM, ReportReplica.question(last));
        assertEquals(BatchNormMode.NORMALIZE, last.batchNorm());
        assertEquals(0.05, last.l2());
        assertEquals(512, last.batchSize());
        assertThrows(IllegalArgumentException.class, () -> ReportReplica.config("q7", 16, 42));
    }

    @Test
    void aRowMatchesWhenEpochIterationAndPrintedAccuraciesAreEqual() {
        // 34147 of 38400 = 0.8892448, printed 0.889245
        Table t = ReportReplica.table(List.of(q4Batch32(14_200, 34_147.0 / 38_400, 0.8796)));
        assertEquals(1, t.rowCount());
        assertTrue(t.booleanColumn("Match").get(0), t.print());
        assertEquals(0.520210, t.doubleColumn("Train Cost").get(0), "the last check's batch cost");
        assertEquals(0.451611, t.doubleColumn("Validation Cost").get(0), "the last check's validation cost");
        assertEquals(14_200, t.longColumn("Report Iteration").get(0));
        assertEquals(List.of("Question", "Batch Size", "Epoch Number", "Report Epoch Number", "Iteration",
                "Report Iteration"), t.columnNames().subList(0, 6));
    }

    @Test
    void accuraciesAreRoundedAsPythonPrintsThem() {
        // 8229 of 9600 is 0.857187499999… in binary: Python prints 0.857187 (the report's L2 + batchnorm
        // row at batch 16), where rounding the decimal 0.8571875 half up would give 0.857188
        TrainConfig c = ReportReplica.config(OriginalReport.Q6_L2_BATCHNORM, 16, 42);
        RunSummary s = new RunSummary(16, "normalize", 0.05, 42, 100, 99, 240_001, 230, 7.6e7, 32_986.0 / 38_400, 1.27e5,
                8_229.0 / 9_600, 0.8587, "max_epochs");
        Table t = ReportReplica.table(List.of(SweepRun.of(c, s, List.of(new Check(240_000, 100, 7.64e7, 1.27e5, 0.86, 230)))));
        assertTrue(t.booleanColumn("Match").get(0), t.print());
    }

    @Test
    void anIterationOrAnAccuracyOffByItsLastPrintedDigitIsAMiss() {
        assertFalse(ReportReplica.table(List.of(q4Batch32(14_300, 34_147.0 / 38_400, 0.8796))).booleanColumn("Match").get(0));
        assertFalse(ReportReplica.table(List.of(q4Batch32(14_200, 34_148.0 / 38_400, 0.8796))).booleanColumn("Match").get(0));
        assertFalse(ReportReplica.table(List.of(q4Batch32(14_200, 34_147.0 / 38_400, 0.8797))).booleanColumn("Match").get(0));
    }

    @Test
    void publishingAQuestionReplacesItsRowsAndKeepsTheOthers() {
        Path csv = dir.resolve("report-replica.csv");
        Table q4 = ReportReplica.table(List.of(q4Batch32(14_200, 34_147.0 / 38_400, 0.8796)));
        ReportReplica.publish(q4, csv);
        Table again = ReportReplica.publish(ReportReplica.table(List.of(q4Batch32(14_300, 0.5, 0.5))), csv);
        assertEquals(1, again.rowCount());
        assertEquals(14_300, again.longColumn("Iteration").get(0));
        assertFalse(ResultsStore.read(csv).booleanColumn("Match").get(0));
    }

    @Test
    void departuresNameTheFirstCheckWhereTheValidationCostsPart() throws Exception {
        Path twin = dir.resolve("twin.json");
        java.nio.file.Files.writeString(twin, "{\"runs\": [{\"question\": \"q4\", \"batch_size\": 32, \"checks\": ["
                + "[14100, 0.6, 0.451711], [14200, 0.520210, 0.451711]]}]}");
        Table t = ReportReplica.departures(List.of(q4Batch32(14_200, 34_147.0 / 38_400, 0.8796)), twin);
        assertEquals(1, t.rowCount());
        assertEquals(2, t.intColumn("Checks (PyTorch)").get(0));
        assertEquals(14_200, t.longColumn("First Departing Step").get(0), "the first check agrees, the second does not");
        assertEquals(1e-4 / 0.451711, t.doubleColumn("Largest Relative Difference").get(0), 1e-12);
        Path none = dir.resolve("none.json");
        java.nio.file.Files.writeString(none, "{\"runs\": []}");
        assertThrows(io.github.scratchnet.ScratchnetException.class,
                () -> ReportReplica.departures(List.of(q4Batch32(14_200, 0.5, 0.5)), none));
    }
}
