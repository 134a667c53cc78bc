package io.github.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import io.github.scratchnet.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST in the repository's data/fashion-mnist (system property
 * {@code scratchnet.fashionDataDir}), installed there from Debian's package when only that is
 * present; skipped when neither is there (this machine has no other way to get it).
 */
class FashionMnistRealDataTest {
    private static final DataSetKind SET = DataSetKind.FASHION_MNIST;
    private static Path dataDir;

    @BeforeAll
    static void locate() {
        dataDir = Path.of(System.getProperty("scratchnet.fashionDataDir", "../data/fashion-mnist"));
        boolean there = DataSetKind.FILE_NAMES.stream().allMatch(n -> Files.isRegularFile(dataDir.resolve(n))
                || Files.isRegularFile(dataDir.resolve(n + ".gz")));
        assumeTrue(there || Files.isDirectory(SET.debianPackage().dir()),
                "Fashion-MNIST is not in " + dataDir + " and Debian's dataset-fashion-mnist is not installed");
        DataFiles.ensure(SET, dataDir);
    }

    @Test
    void theDebianPackagesGzippedFilesReadDirectly() {
        Path pkg = SET.debianPackage().dir();
        assumeTrue(Files.isDirectory(pkg), "Debian's dataset-fashion-mnist is not installed");
        Dataset test = Idx.readDataset(pkg.resolve("t10k-images-idx3-ubyte.gz"), pkg.resolve("t10k-labels-idx1-ubyte.gz"),
                Mnist.CLASSES);
        assertEquals(Mnist.TEST_SIZE, test.size());
        assertEquals(Mnist.FEATURES, test.features());
    }

    @Test
    void splitsLikeMnist() {
        MnistSplits d = SET.load(dataDir, 1);
        assertEquals(Mnist.TRAIN_SIZE, d.train().size());
        assertEquals(Mnist.VALIDATION_SIZE, d.validation().size());
        assertEquals(Mnist.TEST_SIZE, d.test().size());
    }

    @Test
    void fewThousandImagesReachSeventyPercent() {
        MnistSplits data = SET.load(dataDir, 1, 4000);
        TrainConfig config = TrainConfig.report(32, 1).toBuilder().learningRate(0.05).maxEpochs(10).patience(0).build();
        TrainingResult r = new Trainer(config).fit(data.train(), data.validation(), data.test());
        assertTrue(r.validationAccuracy() >= 0.70, "validation accuracy " + r.validationAccuracy());
    }
}
