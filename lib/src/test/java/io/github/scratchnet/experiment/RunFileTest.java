package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.Version;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {
    @TempDir Path dir;

    private final TrainConfig config = TrainConfig.report(32, 7).toBuilder().batchNorm(BatchNormMode.FULL).l2(0.05)
            .layers(784, 12, 10).learningRate(0.1 + 0.2).restoreBest(true).build();
    private final RunSummary summary = new RunSummary(32, "full", 0.05, 7, 2, 150, 1.25, Double.NaN, 0.1 / 3,
            Double.POSITIVE_INFINITY, 0.5, 0.25, "diverged");
    private final List<Check> history = List.of(new Check(100, 1, 2.3, 2.2, 1.0 / 7, 0.5),
            new Check(150, 2, Double.NaN, Double.NaN, Double.NaN, 0.75));

    @Test
    void roundTripsEveryValueExactlyIncludingNaN() throws Exception {
        Path file = dir.resolve("run.json");
        Files.write(file, RunFile.encode(config, summary, history, "run.npz"));
        RunFile.Stored s = RunFile.read(file);
        assertEquals(config, s.config());
        assertEquals(RunId.of(config), s.id());
        assertEquals(summary, s.summary());
        assertEquals(history, s.history());
        String text = Files.readString(file);
        assertTrue(text.contains("\"version\": \"" + Version.VERSION + "\""), text);
        assertTrue(text.contains("\"stop_reason\": \"diverged\""), text);
    }

    @Test
    void aProtocolAndTheEpochNumberRoundTrip() throws Exception {
        TrainConfig mix = TrainConfig.builder().protocol(Protocol.parse("report,init=he")).seed(5).build();
        RunSummary counted = new RunSummary(128, "off", 0, 5, 3, 2, 301, 1.5, 0.3, 0.9, 0.35, 0.89, 0.88, "max_epochs");
        Path file = dir.resolve("mix.json");
        Files.write(file, RunFile.encode(mix, counted, history, null));
        RunFile.Stored s = RunFile.read(file);
        assertEquals(mix, s.config());
        assertEquals(counted, s.summary());
        String text = Files.readString(file);
        assertTrue(text.contains("\"protocol\": \"report,init=he\""), text);
        assertTrue(text.contains("\"epoch_number\": 2"), text);
    }

    @Test
    void filesFromBeforeProtocolsAreSoundRuns() throws Exception {
        String now = new String(RunFile.encode(config, summary, history, null), StandardCharsets.UTF_8);
        String before = now.replace(",\n    \"protocol\": \"sound\"", "").replaceFirst("\n    \"epoch_number\": 2,", "");
        assertTrue(!before.contains("protocol") && !before.contains("epoch_number"), before);
        Path file = dir.resolve("old.json");
        Files.writeString(file, before);
        RunFile.Stored s = RunFile.read(file);
        assertEquals(config, s.config());
        assertEquals(Protocol.SOUND, s.config().protocol());
        assertEquals(summary, s.summary(), "the epoch number of a sound run is its epoch");
    }

    @Test
    void damagedFilesAreRejectedWithAReason() throws Exception {
        String good = new String(RunFile.encode(config, summary, history, null), StandardCharsets.UTF_8);
        assertInvalid(good.substring(0, good.length() / 2), "not valid JSON");
        assertInvalid("", "does not hold a JSON object");
        assertInvalid(good.replace("\"history\"", "\"hist\""), "incomplete or damaged");
        assertInvalid(good.replace("\"format\": \"scratchnet-run/1\"", "\"format\": \"other\""), "format");
        assertInvalid(good.replace("\"id\": \"" + RunId.of(config), "\"id\": \"elsewhere"), "names run elsewhere");
        assertInvalid(good.replace("\"learning_rate\": 0.30000000000000004", "\"learning_rate\": -1"), "incomplete or damaged");
        assertInvalid(good.replaceFirst("\"batch_size\": 32", "\"batch_size\": 64"), "");
        assertInvalid(good.replace("\"protocol\": \"sound\"", "\"protocol\": \"bogus\""), "incomplete or damaged");
    }

    @Test
    void wrongTypesAndValuesAreDamageNotBugs() throws Exception {
        String good = new String(RunFile.encode(config, summary, history, null), StandardCharsets.UTF_8);
        assertInvalid(changed(good, "\"history\": [", "\"history\": [1, "), "a history entry is not an object");
        assertInvalid(changed(good, "\"history\": [", "\"history\": 3, \"x\": ["), "'history' is not a list");
        assertInvalid(changed(good, "\"summary\": {", "\"summary\": [], \"s\": {"), "'summary' is not an object");
        assertInvalid(changed(good, "\"step\": 100", "\"step\": \"a hundred\""), "'step' is not a whole number");
        assertInvalid(changed(good, "\"val_accuracy\": 0.5", "\"val_accuracy\": true"), "'val_accuracy' is not a number");
        assertInvalid(changed(good, "\"restore_best\": true", "\"restore_best\": \"yes\""), "'restore_best' is not true or false");
        assertInvalid(changed(good, "\"layers\": [", "\"layers\": [{}, "), "'layers' is not a single value");
        assertInvalid(changed(good, "\"batch_size\": 32", "\"batch_size\": 3000000000"), "'batch_size' is out of range");
        String stop = "\"stop_reason\": \"diverged\"", bored = "\"stop_reason\": \"bored\"";
        assertInvalid(changed(changed(good, stop, bored), stop, bored), "not a stop reason"); // top level, then the summary's
    }

    @Test
    void aBugWhileReadingPropagatesInsteadOfCallingTheFileDamaged() throws Exception {
        Path file = dir.resolve("run.json");
        Files.write(file, RunFile.encode(config, summary, history, null));
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> RunFile.read(file, o -> { throw new NullPointerException("a bug in the reader"); }));
        assertEquals("a bug in the reader", npe.getMessage());
        assertThrows(IllegalStateException.class, () -> RunFile.read(file, o -> { throw new IllegalStateException("bug"); }));
        assertEquals(config, RunFile.read(file).config(), "the same file, read by the real decoder");
    }

    private static String changed(String text, String from, String to) {
        assertTrue(text.contains(from), "the encoded file has no " + from + ":\n" + text);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private void assertInvalid(String content, String phrase) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);
        RunFile.Invalid e = assertThrows(RunFile.Invalid.class, () -> RunFile.read(file));
        assertTrue(e.getMessage().contains(phrase), e.getMessage());
        assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
