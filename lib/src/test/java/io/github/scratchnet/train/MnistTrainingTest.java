package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Real MNIST (fetched when absent): a few thousand images are enough to learn the digits. */
class MnistTrainingTest {
    @Test
    void fewThousandImagesReachEightyFivePercent() {
        MnistSplits data = Mnist.load(Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist")), 1, 4000);
        TrainConfig config = TrainConfig.report(32, 1).toBuilder().learningRate(0.05).maxEpochs(15).patience(0).build();
        TrainingResult r = new Trainer(config).fit(data.train(), data.validation(), data.test());
        assertTrue(r.validationAccuracy() >= 0.85, "validation accuracy " + r.validationAccuracy());
    }
}
