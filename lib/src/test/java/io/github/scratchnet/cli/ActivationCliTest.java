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

/** {@code train --activation tanh --save}, then {@code evaluate} of the file: the same network, the same accuracy. */
class ActivationCliTest {
    @TempDir Path tmp;
    private static final String DATA = Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist")).toAbsolutePath().toString();

    @Test
    void aTanhModelIsEvaluatedAsTanh() {
        Path model = tmp.resolve("tanh.npz");
        Cli.Result train = Cli.run("train", "--data-dir", DATA, "--activation", "tanh", "--batchnorm", "full",
                "--max-epochs", "1", "--batch-size", "256", "--save", model.toString(), "--json", "--quiet");
        assertEquals(0, train.exit(), train.err());
        List<String> out = train.out().lines().toList();
        JsonObject result = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        assertEquals("tanh", result.get("activation").getAsString());
        assertEquals("sound,init=xavier", result.get("protocol").getAsString(), "tanh's own initialisation");
        double trained = result.get("test_accuracy").getAsDouble();
        assertTrue(trained > 0.3, "one epoch of tanh learns (chance is 0.1): " + trained);
        assertEquals("tanh", Npz.read(model).string("activation"));

        Cli.Result eval = Cli.run("evaluate", "--data-dir", DATA, "--model", model.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertEquals(String.format(Locale.ROOT, "test accuracy %.4f (10000 images)", trained), eval.out().strip());
    }
}
