package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The replay printed as the report printed it, and its verdict (the tables of {@link ReportReplica#table}). */
class ReportReplicaPrintTest {
    /** Two rows of a replica table: batch size 16 matches; 32 trained one epoch more. */
    static Table rows() {
        Table t = Table.create("replica").addColumns(StringColumn.create("Question", "q4", "q4"),
                IntColumn.create("Batch Size", 16, 32), IntColumn.create("Epoch Number", 11, 12),
                IntColumn.create("Report Epoch Number", 11, 11), LongColumn.create("Iteration", 1000, 1000),
                LongColumn.create("Report Iteration", 1000, 1000));
        t.addColumns(DoubleColumn.create("Train Cost", 0.3, 0.4), DoubleColumn.create("Report Train Cost", 0.3003, 0.4),
                DoubleColumn.create("Train Accuracy", 0.9, 0.8), DoubleColumn.create("Report Train Accuracy", 0.9, 0.8),
                DoubleColumn.create("Validation Cost", 0.35, 0.45), DoubleColumn.create("Report Validation Cost", 0.35, 0.45),
                DoubleColumn.create("Validation Accuracy", 0.91, 0.81),
                DoubleColumn.create("Report Validation Accuracy", 0.91, 0.81),
                DoubleColumn.create("Test Accuracy", 0.9212, 0.87964), DoubleColumn.create("Report Test Accuracy", 0.9212, 0.8796),
                BooleanColumn.create("Match", true, false));
        return t;
    }

    @Test
    void printedAtTheReportsDigits() {
        assertEquals("0.8796", ReportReplica.printed("Test Accuracy", 0.87964), "a count out of 10000: four decimals");
        assertEquals("0.500000", ReportReplica.printed("Train Accuracy", 0.5));
        assertEquals("0.123457", ReportReplica.printed("Train Cost", 0.123456789), "six significant digits");
        Table p = ReportReplica.asPrinted(rows(), "printed", List.of("Batch Size", "Test Accuracy", "Train Cost"));
        assertEquals("printed", p.name());
        assertEquals(List.of(16, 32), p.intColumn("Batch Size").asList());
        assertEquals(List.of("0.9212", "0.8796"), p.stringColumn("Test Accuracy").asList());
        assertEquals(List.of("0.300000", "0.400000"), p.stringColumn("Train Cost").asList());
        assertEquals(List.of("Batch Size", "Test Accuracy", "Report Test Accuracy", "Match"),
                ReportReplica.besideReport(List.of("Batch Size"), List.of("Test Accuracy"), "Match"));
        assertEquals(List.of("Train Cost", "Report Train Cost"), ReportReplica.besideReport(List.of(), List.of("Train Cost"), null));
    }

    @Test
    void verdictCountsMatchesAndNamesWhatDiffers() {
        String v = ReportReplica.verdict(rows());
        assertTrue(v.startsWith("<p><b>Replayed:</b> 1 of 2 rows match the report's"), v);
        assertTrue(v.contains("<li>q4, batch size 32: epoch number 12 against 11</li>"), v);
        // 0.3 / 0.3003 − 1 = −0.000999
        assertTrue(v.contains("differ from the report's by a relative 1.0e-03 at most (train cost, q4 at batch size 16)"), v);
    }

    static SweepRun withTrainCosts(int batchSize, double... costs) {
        TrainConfig c = ReportReplica.config("q4", batchSize, 42);
        List<Check> h = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) h.add(new Check(100L * i, 1, costs[i], 1, 0.5, i));
        return SweepRun.of(c, new RunSummary(batchSize, BatchNormMode.OFF.label(), 0, 42, 1, 100, 1, 0.3, 0.9, 0.35, 0.89,
                0.9, "early_stopping"), h);
    }

    @Test
    void plateauBeforeTheCostFirstFallsBelow() {
        String p = ReportReplica.plateau(List.of(withTrainCosts(16, 2.3, 2.5, 2.1, 1.0), withTrainCosts(32, 2.0),
                withTrainCosts(64, 2.3, 2.3)), 2.2);
        assertEquals("<ul><li>batch size 16: 2.40 on average over checks 0 to 1 (steps 0 to 100), first below 2.2 at check 2"
                + " (step 200) of 4</li><li>batch size 32: below 2.2 from the first check on</li><li>batch size 64: 2.30 on"
                + " average, never below 2.2 in its 2 checks</li></ul>", p);
    }
}
