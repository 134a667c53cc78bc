package io.github.scratchnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}, {@code evaluate} and {@code bench} on the full MNIST, one short epoch each. */
class TrainEvaluateTest {
    @TempDir Path tmp;
    private static final String DATA = Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist")).toAbsolutePath().toString();

    @Test
    void evaluatePrintsTheTestAccuracyOfTheTrainingResult() {
        Path model = tmp.resolve("models").resolve("m.npz");
        Cli.Result train = Cli.run("train", "--data-dir", DATA, "--max-epochs", "1", "--batch-size", "256",
                "--save", model.toString(), "--json");
        assertEquals(0, train.exit(), train.err());
        // Not a terminal here: a line per validation check, as before the progress bar existed.
        assertTrue(train.err().contains("epoch   1  step     100"), train.err());
        List<String> out = train.out().lines().toList();
        JsonObject result = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        double trained = result.get("test_accuracy").getAsDouble();
        assertEquals("sound", result.get("protocol").getAsString());
        assertEquals(result.get("epochs").getAsInt(), result.get("epoch_number").getAsInt(), "sound epochs count from 1");
        assertEquals(1, result.get("epochs").getAsInt());
        assertEquals(188, result.get("iterations").getAsLong(), "48000 images in batches of 256");

        Cli.Result eval = Cli.run("evaluate", "--data-dir", DATA, "--model", model.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertEquals(String.format(Locale.ROOT, "test accuracy %.4f (10000 images)", trained), eval.out().strip());
    }

    @Test
    void aReportRowFromTheCommandLineAndItsModelEvaluatedAgain() {
        // Q5, batch 16, the report's cheapest row: epoch 1 (from 0), iteration 3500, test 0.6316
        Path model = tmp.resolve("q5-16.npz");
        Cli.Result train = Cli.run("train", "--data-dir", DATA, "--protocol", "report", "--batch-size", "16",
                "--batchnorm", "normalize", "--save", model.toString(), "--json", "--quiet");
        assertEquals(0, train.exit(), train.err());
        List<String> out = train.out().lines().toList();
        JsonObject result = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        assertEquals("report", result.get("protocol").getAsString());
        assertEquals(42, result.get("seed").getAsLong());
        assertEquals(1, result.get("epoch_number").getAsInt());
        assertEquals(3500, result.get("iterations").getAsLong());
        assertEquals(0.6316, result.get("test_accuracy").getAsDouble(), 1e-9);
        // the file records the report's formulas: its batchnorm scores the test set with its own statistics
        Cli.Result eval = Cli.run("evaluate", "--data-dir", DATA, "--model", model.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertEquals("test accuracy 0.6316 (10000 images)", eval.out().strip());
    }

    @Test
    void trainSaysWhenARunDiverges() {
        Cli.Result r = Cli.run("train", "--data-dir", DATA, "--lr", "1e6", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("stopped: diverged after epoch 1, "), r.out());
    }

    @Test
    void benchEndsWithAJsonLineNamingItsWorkload() {
        Cli.Result r = Cli.run("bench", "--data-dir", DATA, "--batch-size", "4096", "--epochs", "2", "--warmup", "0",
                "--threads", "1", "--json");
        assertEquals(0, r.exit(), r.err());
        List<String> out = r.out().lines().toList();
        JsonObject line = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        assertEquals("mnist", line.get("dataset").getAsString());
        assertEquals("sound", line.get("protocol").getAsString());
        assertEquals(4096, line.get("batch_size").getAsInt());
        assertEquals(2, line.get("epochs").getAsInt());
        assertEquals(2, line.getAsJsonArray("epoch_seconds").size());
        assertEquals(1, line.get("threads").getAsInt());
    }
}
