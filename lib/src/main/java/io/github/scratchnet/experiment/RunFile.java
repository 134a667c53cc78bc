package io.github.scratchnet.experiment;

import io.github.scratchnet.IoErrors;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.scratchnet.Version;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.Setting;
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
                    get(s, "seed").getAsLong(), integer(s, "epochs"),
                    // files from before protocols counted every epoch from 1
                    s.has("epoch_number") ? integer(s, "epoch_number") : integer(s, "epochs"), get(s, "iterations").getAsLong(),
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

    /** Every setting under its {@link Setting#fileKey}: numbers, booleans and layer lists as such, the rest as text. */
    static JsonObject configJson(TrainConfig c) {
        JsonObject o = new JsonObject();
        for (Setting s : Setting.values()) {
            Object v = s.get(c);
            if (v instanceof Number n) {
                o.addProperty(s.fileKey(), n);
            } else if (v instanceof Boolean b) {
                o.addProperty(s.fileKey(), b);
            } else if (v instanceof int[] a) {
                JsonArray array = new JsonArray();
                for (int n : a) array.add(n);
                o.add(s.fileKey(), array);
            } else {
                o.addProperty(s.fileKey(), s.format(v));
            }
        }
        return o;
    }

    /** The configuration {@link #configJson} wrote; a key of a setting added later may be absent (its default applies). */
    static TrainConfig configFrom(JsonObject o) {
        TrainConfig.Builder b = TrainConfig.builder();
        for (Setting s : Setting.values()) {
            if (s.optionalInFile() && !o.has(s.fileKey())) continue;
            String key = s.fileKey();
            Class<?> type = s.valueClass();
            Object v = type == Integer.class ? integer(o, key) : type == Long.class ? get(o, key).getAsLong()
                    : type == Double.class ? number(o, key) : type == Boolean.class ? get(o, key).getAsBoolean()
                    : type == int[].class ? ints(get(o, key).getAsJsonArray()) : s.parse(string(o, key));
            s.set(b, v);
        }
        return b.build();
    }

    private static int[] ints(JsonArray a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsInt();
        return v;
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
