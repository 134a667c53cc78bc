package io.github.scratchnet.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scratchnet.experiment.ResultsStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class OriginalReportTest {
    @Test
    void eachQuestionHasSixBatchSizesWithTheSummaryColumns() {
        for (String q : List.of(OriginalReport.Q4, OriginalReport.Q5, OriginalReport.Q6_L2, OriginalReport.Q6_L2_BATCHNORM)) {
            Table t = OriginalReport.question(q, true);
            assertEquals(6, t.rowCount(), q);
            assertEquals(ResultsStore.REPORT_COLUMNS_WITH_LAMBDA, t.columnNames());
        }
        Table q4 = OriginalReport.question(OriginalReport.Q4, false);
        assertEquals(0.9212, q4.doubleColumn(ResultsStore.TEST_ACCURACY).get(0), 0);
        assertEquals(7.640679e7, OriginalReport.question(OriginalReport.Q6_L2_BATCHNORM, true)
                .doubleColumn(ResultsStore.TRAIN_COST).get(0), 1);
    }
}
