package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.MnistFiles;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.nn.BatchNormMode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rows of the report's tables, replayed under {@link Protocol#REPORT} on the real MNIST: epoch,
 * iteration and accuracies equal to what the report printed. The cheaper rows of each kind (no
 * batchnorm, batchnorm, L2 with batchnorm to the last epoch) keep the suite short;
 * {@code results/report-replica.csv} holds all 24.
 */
class ReportProtocolReplayTest {
    private static MnistSplits data;

    @BeforeAll
    static void load() {
        Path dir = MnistFiles.ensure(Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist")));
        data = DataSetKind.MNIST.loadReportSplit(dir, 42, Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0} batch {1}")
    @CsvSource({
        // question, batch, batchnorm, lambda, epoch (from 0), iteration, train acc, validation acc, test acc
        "q4, 32, OFF, 0, 11, 14200, 0.889245, 0.872292, 0.8796",
        "q5, 16, NORMALIZE, 0, 1, 3500, 0.631823, 0.637083, 0.6316",
        "q6-l2-batchnorm, 512, NORMALIZE, 0.05, 99, 7501, 0.853750, 0.850417, 0.8539",
    })
    void aRowOfTheReportsTables(String question, int batch, BatchNormMode mode, double lambda, int epoch,
            long iteration, double trainAccuracy, double validationAccuracy, double testAccuracy) {
        TrainConfig config = TrainConfig.builder().protocol(Protocol.REPORT).batchSize(batch).batchNorm(mode).l2(lambda)
                .build();
        assertEquals(42, config.seed(), "the report's seed is the protocol's default");
        TrainingResult r = new Trainer(config, 2).fit(data.train(), data.validation(), data.test());
        assertEquals(epoch, r.epochNumber(), "epoch");
        assertEquals(iteration, r.iteration(), "iteration");
        assertEquals(trainAccuracy, r.trainAccuracy(), 5e-7, "train accuracy");
        assertEquals(validationAccuracy, r.validationAccuracy(), 5e-7, "validation accuracy");
        assertEquals(testAccuracy, r.testAccuracy(), 5e-5, "test accuracy");
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"42"})
    void theReportsSplitHas38400And9600Images(long seed) {
        assertEquals(38400, data.train().size());
        assertEquals(9600, data.validation().size());
        assertEquals(10000, data.test().size());
    }
}
