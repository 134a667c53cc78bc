package io.github.scratchnet.experiment;

import io.github.scratchnet.IoErrors;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.scratchnet.Version;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.StopReason;
import io.github.scratchnet.train.TrainConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON file of one finished run, {@code runs/<id>.json}: the configuration, the summary
 * (with {@link RunSummary#toJson}'s keys), the full history, the stop reason and the library
 * version. NaN (a diverged run's costs) is written as the bare {@code NaN} that Python's
 * {@code json} module and pandas read.
 */
final class RunFile {
    static final String FORMAT = "scratchnet-run/1";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting()
            .disableHtmlEscaping().create();

    /** What a run file holds. */
    record Stored(String id, TrainConfig config, RunSummary summary, List<Check> history) {}

    /** Why a run file cannot be used; the message is one line for the user. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason);
        }
    }

    private RunFile() {}

    static byte[] encode(TrainConfig config, RunSummary summary, List<Check> history, String modelFileName) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("id", RunId.of(config));
        o.addProperty("version", Version.VERSION);
        o.addProperty("finished_at", Instant.now().toString());
        o.add("config", configJson(config));
        o.addProperty("seed", config.seed());
        o.addProperty("stop_reason", summary.stopReason());
        o.add("summary", GSON.toJsonTree(summary.toJson()));
        JsonArray h = new JsonArray();
        for (Check c : history) {
            JsonObject e = new JsonObject();
            e.addProperty("step", c.step());
            e.addProperty("epoch", c.epoch());
            e.addProperty("train_cost", c.trainCost());
            e.addProperty("val_cost", c.validationCost());
            e.addProperty("val_accuracy", c.validationAccuracy());
            e.addProperty("seconds", c.seconds());
            h.add(e);
        }
        o.add("history", h);
        if (modelFileName != null) o.addProperty("model", modelFileName);
        return (GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static Stored read(Path file) throws Invalid {
        JsonObject o;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(in);
            if (!root.isJsonObject()) throw new Invalid(file.getFileName() + " does not hold a JSON object");
            o = root.getAsJsonObject();
        } catch (IOException e) {
            throw new Invalid("cannot read " + file.getFileName() + " (" + IoErrors.describe(e) + ")");
        } catch (RuntimeException e) {
            throw new Invalid(file.getFileName() + " is not valid JSON (" + IoErrors.message(e) + ")");
        }
        try {
            if (!FORMAT.equals(string(o, "format"))) {
                throw new Invalid(file.getFileName() + " is not a run file of format " + FORMAT);
            }
            TrainConfig config = configFrom(object(o, "config"));
            String id = string(o, "id");
            if (!id.equals(RunId.of(config))) {
                throw new Invalid(file.getFileName() + " names run " + id + " but holds the configuration of "
                        + RunId.of(config));
            }
            JsonObject s = object(o, "summary");
            String stop = string(s, "stop_reason");
            StopReason.valueOf(stop.toUpperCase(Locale.ROOT));
            RunSummary summary = new RunSummary(integer(s, "batch_size"), string(s, "batchnorm"), number(s, "l2"),
                    get(s, "seed").getAsLong(), integer(s, "epochs"), get(s, "iterations").getAsLong(),
                    number(s, "train_time_s"), number(s, "train_cost"), number(s, "train_accuracy"),
                    number(s, "val_cost"), number(s, "val_accuracy"), number(s, "test_accuracy"), stop);
            if (summary.batchSize() != config.batchSize() || summary.seed() != config.seed()
                    || !summary.batchNorm().equals(config.batchNorm().label()) || summary.lambda() != config.l2()) {
                throw new Invalid(file.getFileName() + " has a summary that contradicts its configuration");
            }
            List<Check> history = new ArrayList<>();
            JsonElement h = get(o, "history");
            if (!h.isJsonArray()) throw new Invalid(file.getFileName() + ": history is not a list");
            for (JsonElement e : h.getAsJsonArray()) {
                JsonObject c = e.getAsJsonObject();
                history.add(new Check(get(c, "step").getAsLong(), integer(c, "epoch"), number(c, "train_cost"),
                        number(c, "val_cost"), number(c, "val_accuracy"), number(c, "seconds")));
            }
            return new Stored(id, config, summary, history);
        } catch (Invalid e) {
            throw e;
        } catch (RuntimeException e) {
            // Missing keys, wrong types and out-of-range values all mean the file was not written by us whole.
            throw new Invalid(file.getFileName() + " is incomplete or damaged (" + IoErrors.message(e) + ")");
        }
    }

    static JsonObject configJson(TrainConfig c) {
        JsonObject o = new JsonObject();
        JsonArray layers = new JsonArray();
        for (int n : c.layers()) layers.add(n);
        o.add("layers", layers);
        o.addProperty("learning_rate", c.learningRate());
        o.addProperty("batch_size", c.batchSize());
        o.addProperty("max_epochs", c.maxEpochs());
        o.addProperty("batchnorm", c.batchNorm().label());
        o.addProperty("l2", c.l2());
        o.addProperty("patience", c.patience());
        o.addProperty("eval_every", c.evalEvery());
        o.addProperty("min_delta", c.minDelta());
        o.addProperty("restore_best", c.restoreBest());
        o.addProperty("seed", c.seed());
        o.addProperty("split_seed", c.splitSeed());
        return o;
    }

    static TrainConfig configFrom(JsonObject o) {
        JsonArray a = get(o, "layers").getAsJsonArray();
        int[] layers = new int[a.size()];
        for (int i = 0; i < layers.length; i++) layers[i] = a.get(i).getAsInt();
        return TrainConfig.builder().layers(layers).learningRate(number(o, "learning_rate"))
                .batchSize(integer(o, "batch_size")).maxEpochs(integer(o, "max_epochs"))
                .batchNorm(BatchNormMode.parse(string(o, "batchnorm"))).l2(number(o, "l2"))
                .patience(integer(o, "patience")).evalEvery(integer(o, "eval_every")).minDelta(number(o, "min_delta"))
                .restoreBest(get(o, "restore_best").getAsBoolean()).seed(get(o, "seed").getAsLong())
                // files written before the split had a seed of its own were split by the run's seed
                .splitSeed(o.has("split_seed") ? get(o, "split_seed").getAsLong() : get(o, "seed").getAsLong()).build();
    }

    private static JsonElement get(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException("no '" + key + "'");
        return e;
    }

    private static JsonObject object(JsonObject o, String key) {
        return get(o, key).getAsJsonObject();
    }

    private static String string(JsonObject o, String key) {
        return get(o, key).getAsString();
    }

    private static double number(JsonObject o, String key) {
        return get(o, key).getAsDouble();
    }

    private static int integer(JsonObject o, String key) {
        JsonElement e = get(o, key);
        long v = e.getAsLong();
        if (v != (int) v) throw new IllegalArgumentException("'" + key + "' is out of range");
        return (int) v;
    }
}
