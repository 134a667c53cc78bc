package io.github.scratchnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.scratchnet.data.Npz;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code train --optimizer} on MNIST, its model file read back by {@code evaluate}; bad optimiser values. */
class OptimizerCliTest {
    @TempDir Path tmp;
    private static final String DATA = Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist")).toAbsolutePath().toString();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"adam,--lr,0.001", "momentum,--momentum,0.8"})
    void trainSavesAndEvaluateReadsTheModel(String optimizer, String flag, String value) {
        Path model = tmp.resolve(optimizer + ".npz");
        Cli.Result train = Cli.run("train", "--data-dir", DATA, "--max-epochs", "1", "--batch-size", "512",
                "--optimizer", optimizer, flag, value, "--save", model.toString(), "--json", "--quiet");
        assertEquals(0, train.exit(), train.err());
        List<String> out = train.out().lines().toList();
        JsonObject result = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        String expected = optimizer.equals("momentum") ? "momentum,momentum=0.8" : "adam";
        assertEquals(expected, result.get("optimizer").getAsString());
        double trained = result.get("test_accuracy").getAsDouble();
        assertTrue(trained > 0.2, "better than chance after 94 steps: test accuracy " + trained);
        Npz npz = Npz.read(model);
        assertEquals(expected, npz.string("optimizer"));
        assertEquals(94, npz.scalar("opt_step"), "48000 images in batches of 512");

        Cli.Result eval = Cli.run("evaluate", "--data-dir", DATA, "--model", model.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertEquals(String.format(Locale.ROOT, "test accuracy %.4f (10000 images)", trained), eval.out().strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--optimizer momentum --momentum 1.5|--momentum must be at least 0 and below 1, got 1.5",
        "--optimizer adam --beta2 1|--beta2 must be at least 0 and below 1, got 1.0",
        "--optimizer adam --epsilon -1|--epsilon must be positive and finite, got -1.0",
        "--momentum 0.5|--momentum applies to --optimizer momentum, not sgd; add --optimizer momentum or drop --momentum",
        "--optimizer rmsprop|unknown optimizer 'rmsprop'; use sgd, momentum or adam",
        "--optimizer adam,momentum=0.5|optimizer field momentum belongs to momentum, not adam"})
    void badOptimizerValuesGiveOneClearLine(String args, String phrase) {
        List<String> argv = new java.util.ArrayList<>(List.of("train", "--data-dir", DATA, "--max-epochs", "1"));
        argv.addAll(List.of(args.split(" ")));
        Cli.Result r = Cli.run(argv.toArray(String[]::new));
        assertTrue(r.exit() != 0);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(phrase), r.err());
    }

    @Test
    void aSweepListsOptimizersAndSetsTheirFields() {
        Path out = tmp.resolve("sweep");
        String[] args = {"sweep", "--data-dir", DATA, "--max-train", "2000", "--max-epochs", "1", "--batch-size", "128",
            "--optimizers", "sgd,momentum,adam", "--momentum", "0.5", "--parallel", "2", "--out", out.toString(), "--quiet"};
        Cli.Result first = Cli.run(args);
        assertEquals(0, first.exit(), first.err());
        try (var files = java.nio.file.Files.list(out.resolve("runs"))) {
            List<String> ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertEquals(3, ids.size(), ids.toString());
            assertTrue(ids.stream().anyMatch(n -> n.contains("_opt-momentum.momentum-0.5_")), ids.toString());
            assertTrue(ids.stream().anyMatch(n -> n.contains("_opt-adam_")), ids.toString());
            assertTrue(ids.stream().anyMatch(n -> !n.contains("opt-")), "plain SGD keeps the id it always had: " + ids);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // the same command again resumes: every run is reused
        Cli.Result again = Cli.run(args);
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("sweep: 3 runs (3 reused, 0 computed)"), again.out());
    }
}
