package io.github.scratchnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.Idx;
import io.github.scratchnet.data.MnistFiles;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.ModelFile;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.train.TrainConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input ends with one line on stderr that names the problem, a non-zero exit
 * code and no stack trace. The data cases use a folder of links to the real MNIST files with one
 * file replaced by a small crafted IDX file (or left out).
 */
class BadInputTest {
    @TempDir static Path tmp;
    private static final Path REAL = Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist")).toAbsolutePath();
    private static final String TRAIN_IMAGES = MnistFiles.TRAIN_IMAGES;
    private static final String TRAIN_LABELS = MnistFiles.TRAIN_LABELS;
    private static final String TEST_LABELS = MnistFiles.TEST_LABELS;

    static Path aFile;
    static Path goodModel;

    @BeforeAll
    static void files() throws IOException {
        aFile = Files.writeString(tmp.resolve("a-file"), "not a folder");
        goodModel = tmp.resolve("good.npz");
        ModelFile.save(Network.initialize(TrainConfig.reportLayers(), BatchNormMode.OFF, 1), goodModel);
        ModelFile.save(Network.initialize(new int[] {784, 5, 3}, BatchNormMode.OFF, 1), tmp.resolve("three-classes.npz"));
        ModelFile.save(Network.initialize(TrainConfig.reportLayers(), BatchNormMode.OFF, 1), DataSetKind.FASHION_MNIST,
                tmp.resolve("fashion.npz"));
        Files.write(tmp.resolve("corrupt.npz"), Arrays.copyOf(Files.readAllBytes(goodModel), 300));
        ModelFile.save(Network.initialize(TrainConfig.reportLayers(), BatchNormMode.FULL, 1), tmp.resolve("bn.npz"));
    }

    /** A data folder with links to the real files, {@code name} replaced by {@code content} (null: absent). */
    private static String dataDir(String caseName, String name, byte[] content) {
        try {
            Path d = Files.createDirectories(tmp.resolve("data-" + caseName));
            for (String n : MnistFiles.NAMES) {
                if (n.equals(name)) {
                    if (content != null) Files.write(d.resolve(n), content);
                } else {
                    Files.createSymbolicLink(d.resolve(n), REAL.resolve(n));
                }
            }
            return d.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] labels(int count, int value) {
        ByteBuffer b = ByteBuffer.allocate(8 + count).putInt(Idx.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) b.put((byte) (i == count / 2 ? value : i % 10));
        return b.array();
    }

    private static byte[] realPrefix(String name, int bytes) {
        try (var in = Files.newInputStream(REAL.resolve(name))) {
            return in.readNBytes(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        // data
        c.add(Arguments.of("missing data folder", List.of("train", "--data-dir", tmp.resolve("nowhere").toString()),
                List.of("does not exist", "`make data`")));
        c.add(Arguments.of("missing file", List.of("train", "--data-dir", dataDir("missing", TEST_LABELS, null)),
                List.of("lacks " + TEST_LABELS, "`make data`")));
        c.add(Arguments.of("truncated file", List.of("train", "--data-dir", dataDir("truncated", TRAIN_LABELS,
                realPrefix(TRAIN_LABELS, 1000))), List.of(TRAIN_LABELS, "`make data`")));
        byte[] wrongMagic = ByteBuffer.allocate(16 + 4).putInt(0x00000ABC).putInt(1).putInt(2).putInt(2).array();
        c.add(Arguments.of("wrong magic", List.of("train", "--data-dir", dataDir("magic", TRAIN_IMAGES, wrongMagic)),
                List.of(TRAIN_IMAGES, "`make data`")));
        c.add(Arguments.of("image/label count mismatch", List.of("train", "--data-dir",
                dataDir("mismatch", TRAIN_LABELS, labels(59_999, 3))), List.of(TRAIN_LABELS, "`make data`")));
        c.add(Arguments.of("label out of range", List.of("train", "--data-dir",
                dataDir("label", TEST_LABELS, labels(10_000, 11))), List.of(TEST_LABELS, "`make data`")));
        c.add(Arguments.of("evaluate without data folder", List.of("evaluate", "--model", goodModel.toString(),
                "--data-dir", tmp.resolve("nowhere").toString()), List.of("does not exist", "`make data`")));
        c.add(Arguments.of("missing Fashion-MNIST folder", List.of("train", "--dataset", "fashion-mnist", "--data-dir",
                tmp.resolve("nowhere").toString()), List.of("Fashion-MNIST folder", "does not exist", "`make data`")));
        // options
        for (String command : List.of("train", "sweep", "evaluate", "bench")) {
            c.add(Arguments.of("unknown data set in " + command, List.of(command, "--dataset", "cifar"),
                    List.of("'cifar' is not a data set; use mnist or fashion-mnist")));
        }
        c.add(Arguments.of("unknown option", List.of("train", "--frobnicate"), List.of("Unknown option: '--frobnicate'")));
        // protocols, refused before any data is read
        for (String command : List.of("train", "sweep", "evaluate", "bench")) {
            List<String> args = new ArrayList<>(List.of(command, "--protocol", "bogus"));
            if (command.equals("evaluate")) args.addAll(List.of("--model", goodModel.toString()));
            c.add(Arguments.of("unknown protocol in " + command, args, List.of("'--protocol'", "unknown protocol 'bogus'")));
        }
        c.add(Arguments.of("unknown protocol field", List.of("train", "--protocol", "report,frob=1"),
                List.of("'--protocol'", "'frob=1' is not FIELD=CHOICE")));
        c.add(Arguments.of("unknown protocol choice", List.of("train", "--protocol", "report,init=lecun"),
                List.of("'--protocol'", "init has no choice 'lecun'; use one of")));
        c.add(Arguments.of("unknown protocol in a list", List.of("sweep", "--protocols", "report,init=he,bogus"),
                List.of("'--protocols'", "unknown protocol 'bogus'")));
        c.add(Arguments.of("report protocol with full batchnorm", List.of("train", "--protocol", "report", "--batchnorm", "full"),
                List.of("--protocol field batchnorm=report", "has no full form")));
        c.add(Arguments.of("report protocol with restore-best", List.of("train", "--protocol", "report", "--restore-best"),
                List.of("--restore-best does not apply to protocol field stopping=cost-change")));
        c.add(Arguments.of("report protocols with restore-best in a sweep", List.of("sweep", "--protocols", "sound,report",
                "--restore-best"), List.of("--restore-best does not apply to protocol field stopping=cost-change")));
        c.add(Arguments.of("split seed under the report's split", List.of("train", "--protocol", "report", "--split-seed", "3"),
                List.of("--split-seed 3 does not apply under protocol report", "drop --split-seed")));
        c.add(Arguments.of("protocol and protocols", List.of("sweep", "--protocol", "report", "--protocols", "sound"),
                List.of("either --protocol or --protocols")));
        c.add(Arguments.of("report's batchnorm in evaluate", List.of("evaluate", "--protocol", "report", "--model",
                tmp.resolve("bn.npz").toString()), List.of("--protocol field batchnorm=report", "bn.npz")));
        c.add(Arguments.of("malformed number", List.of("train", "--lr", "abc"), List.of("'--lr'", "'abc'")));
        c.add(Arguments.of("malformed list", List.of("sweep", "--seeds", "1,x"), List.of("'--seeds'", "'x'")));
        c.add(Arguments.of("batch size 0", List.of("train", "--batch-size", "0"), List.of("--batch-size must be positive", "e.g. 128")));
        c.add(Arguments.of("batch size over the training set", List.of("train", "--batch-size", "48001"),
                List.of("--batch-size 48001 is larger than the training set (48000", "choose at most")));
        c.add(Arguments.of("sweep batch size over the subset", List.of("sweep", "--max-train", "1000", "--batch-sizes",
                "64,1001", "--out", tmp.resolve("never").toString()), List.of("--batch-sizes 1001 is larger than the training set (1000")));
        for (String lr : List.of("0", "-1", "NaN", "Infinity")) {
            c.add(Arguments.of("learning rate " + lr, List.of("train", "--lr", lr),
                    List.of("--lr must be a positive finite number", "0.009")));
        }
        c.add(Arguments.of("negative lambda", List.of("train", "--l2", "-0.5"), List.of("--l2 must be zero or positive")));
        c.add(Arguments.of("negative lambda in a sweep", List.of("sweep", "--l2-values", "0,-1"),
                List.of("--l2-values must be zero or positive")));
        c.add(Arguments.of("zero layer", List.of("train", "--layers", "784,0,10"), List.of("--layers sizes must be positive", "e.g. 784,20,7,5,10")));
        c.add(Arguments.of("negative layer", List.of("train", "--layers", "784,-5,10"), List.of("--layers sizes must be positive")));
        c.add(Arguments.of("first layer not 784", List.of("train", "--layers", "100,20,10"),
                List.of("first layer has 100 units", "start --layers with 784")));
        c.add(Arguments.of("last layer not 10", List.of("sweep", "--layers", "784,20,5"),
                List.of("last layer has 5 units", "end --layers with 10")));
        c.add(Arguments.of("one layer", List.of("train", "--layers", "784"), List.of("--layers needs at least two sizes")));
        c.add(Arguments.of("eval-every 0", List.of("train", "--eval-every", "0"), List.of("--eval-every must be positive")));
        c.add(Arguments.of("unknown batchnorm mode", List.of("train", "--batchnorm", "sometimes"),
                List.of("'sometimes' is not a batchnorm mode")));
        c.add(Arguments.of("unknown batchnorm mode in a list", List.of("sweep", "--batchnorm-modes", "off,sometimes"),
                List.of("'sometimes' is not a batchnorm mode")));
        c.add(Arguments.of("unknown activation", List.of("train", "--activation", "foo"),
                List.of("'foo' is not an activation; use relu, tanh, sigmoid or leaky-relu")));
        c.add(Arguments.of("unknown activation in a list", List.of("sweep", "--activations", "relu,foo"),
                List.of("'foo' is not an activation")));
        c.add(Arguments.of("parallel 0", List.of("sweep", "--parallel", "0"), List.of("--parallel must be at least 1")));
        c.add(Arguments.of("single and list option", List.of("sweep", "--batch-size", "64", "--batch-sizes", "32,64"),
                List.of("either --batch-size or --batch-sizes")));
        c.add(Arguments.of("max-train 0", List.of("sweep", "--max-train", "0"), List.of("at least 1")));
        for (String shard : List.of("0/2", "3/2", "a/b")) {
            c.add(Arguments.of("shard " + shard, List.of("sweep", "--shard", shard, "--out", tmp.resolve("never").toString()),
                    List.of("--shard", shard.equals("a/b") ? "is not of the form K/N" : "does not exist")));
        }
        c.add(Arguments.of("MNIST folder given as Fashion-MNIST", List.of("train", "--dataset", "fashion-mnist",
                "--data-dir", REAL.toString()), List.of("is the MNIST file, not the Fashion-MNIST one",
                "set --dataset to mnist, or use a folder that holds Fashion-MNIST")));
        // output
        c.add(Arguments.of("--out under a file", List.of("sweep", "--max-train", "1000", "--data-dir", REAL.toString(),
                "--out", aFile.resolve("sweep").toString()), List.of("cannot create the output folder", "choose another --out")));
        c.add(Arguments.of("--out is a file", List.of("sweep", "--max-train", "1000", "--data-dir", REAL.toString(),
                "--out", aFile.toString()), List.of("cannot create the output folder", "not a folder")));
        c.add(Arguments.of("--save under a file", List.of("train", "--data-dir", REAL.toString(), "--save",
                aFile.resolve("m.npz").toString()), List.of("cannot save the model", "choose another --save")));
        // models
        c.add(Arguments.of("corrupt model", List.of("evaluate", "--model", tmp.resolve("corrupt.npz").toString()),
                List.of("corrupt.npz")));
        c.add(Arguments.of("model for other data", List.of("evaluate", "--model", tmp.resolve("three-classes.npz").toString()),
                List.of("does not fit MNIST", "last layer has 3 units", "evaluate a model trained on MNIST")));
        c.add(Arguments.of("model of the other data set", List.of("evaluate", "--model", tmp.resolve("fashion.npz").toString()),
                List.of("fashion.npz was trained on Fashion-MNIST, not MNIST", "--dataset fashion-mnist")));
        c.add(Arguments.of("MNIST model on Fashion-MNIST", List.of("evaluate", "--dataset", "fashion-mnist", "--model",
                goodModel.toString()), List.of("good.npz was trained on MNIST, not Fashion-MNIST", "--dataset mnist")));
        c.add(Arguments.of("missing model", List.of("evaluate", "--model", tmp.resolve("none.npz").toString()),
                List.of("does not exist")));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneClearLineAndANonZeroExit(String name, List<String> args, List<String> phrases) {
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertNotEquals(0, r.exit(), name);
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), "exactly one line on stderr, got:\n" + r.err());
        String line = lines.get(0);
        for (String p : phrases) assertTrue(line.contains(p), "'" + p + "' missing in: " + line);
        assertFalse(line.contains("Exception") || line.contains("at io.github") || line.contains("\tat "), line);
        assertTrue(line.startsWith("error: "), line);
        assertEquals("", r.out(), "nothing on stdout");
    }
}
