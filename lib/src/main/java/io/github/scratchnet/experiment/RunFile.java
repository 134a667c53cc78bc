package io.github.scratchnet.experiment;

import io.github.scratchnet.IoErrors;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.scratchnet.ScratchnetException;
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
import java.util.function.Function;

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
        return read(file, RunFile::decode);
    }

    /**
     * {@link #read(Path)} with the decoding step open to tests. Only what means a damaged or
     * unreadable file becomes {@link Invalid}: an I/O error, text that is not JSON, and a missing
     * key, wrong type or refused value (a {@link Damaged}); any other exception is a bug here and
     * propagates, so that a sweep does not quietly retrain runs that it failed to read.
     */
    static Stored read(Path file, Function<JsonObject, Stored> decoder) throws Invalid {
        String name = file.getFileName().toString();
        JsonObject o;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(in);
            if (!root.isJsonObject()) throw new Invalid(name + " does not hold a JSON object");
            o = root.getAsJsonObject();
        } catch (IOException e) {
            throw new Invalid("cannot read " + name + " (" + IoErrors.describe(e) + ")");
        } catch (JsonParseException e) {
            throw new Invalid(name + " is not valid JSON (" + IoErrors.message(e) + ")");
        }
        try {
            if (!FORMAT.equals(string(o, "format"))) throw new Invalid(name + " is not a run file of format " + FORMAT);
            return decoder.apply(o);
        } catch (Damaged e) {
            throw new Invalid(name + " " + e.getMessage());
        }
    }

    /** The content of a run file whose format has been checked; {@link Damaged} for anything wrong in it. */
    private static Stored decode(JsonObject o) {
        TrainConfig config = configFrom(object(o, "config"));
        String id = string(o, "id");
        if (!id.equals(RunId.of(config))) throw new Damaged("names run " + id + " but holds the configuration of " + RunId.of(config));
        JsonObject s = object(o, "summary");
        String stop = string(s, "stop_reason");
        try {
            StopReason.valueOf(stop.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw damaged("'stop_reason' is " + stop + ", not a stop reason");
        }
        RunSummary summary = new RunSummary(integer(s, "batch_size"), string(s, "batchnorm"), number(s, "l2"),
                longInteger(s, "seed"), integer(s, "epochs"),
                // files from before protocols counted every epoch from 1
                s.has("epoch_number") ? integer(s, "epoch_number") : integer(s, "epochs"), longInteger(s, "iterations"),
                number(s, "train_time_s"), number(s, "train_cost"), number(s, "train_accuracy"),
                number(s, "val_cost"), number(s, "val_accuracy"), number(s, "test_accuracy"), stop);
        if (summary.batchSize() != config.batchSize() || summary.seed() != config.seed()
                || !summary.batchNorm().equals(config.batchNorm().label()) || summary.lambda() != config.l2()) {
            throw new Damaged("has a summary that contradicts its configuration");
        }
        List<Check> history = new ArrayList<>();
        JsonElement h = get(o, "history");
        if (!h.isJsonArray()) throw damaged("'history' is not a list");
        for (JsonElement e : h.getAsJsonArray()) {
            if (!e.isJsonObject()) throw damaged("a history entry is not an object");
            JsonObject c = e.getAsJsonObject();
            history.add(new Check(longInteger(c, "step"), integer(c, "epoch"), number(c, "train_cost"),
                    number(c, "val_cost"), number(c, "val_accuracy"), number(c, "seconds")));
        }
        return new Stored(id, config, summary, history);
    }

    /**
     * Something in a run file that our writer would not have put there: the file was not written
     * whole, or by something else. The message follows the file's name.
     */
    private static final class Damaged extends RuntimeException {
        Damaged(String messageAfterName) {
            super(messageAfterName);
        }
    }

    /** Missing keys, wrong types and refused values all mean the file was not written by us whole. */
    private static Damaged damaged(String what) {
        return new Damaged("is incomplete or damaged (" + what + ")");
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
            Object v = type == Integer.class ? integer(o, key) : type == Long.class ? longInteger(o, key)
                    : type == Double.class ? number(o, key) : type == Boolean.class ? bool(o, key)
                    : type == int[].class ? ints(o, key) : parse(s, string(o, key));
            s.set(b, v);
        }
        try {
            return b.build();
        } catch (ScratchnetException e) {
            // values each fine alone but refused by the configuration (a negative learning rate, a bad mix)
            throw damaged(IoErrors.message(e));
        }
    }

    private static Object parse(Setting s, String text) {
        try {
            return s.parse(text);
        } catch (IllegalArgumentException | ScratchnetException e) {
            // Setting.parse's documented refusals of text that is not a value
            throw damaged("'" + s.fileKey() + "': " + IoErrors.message(e));
        }
    }

    private static int[] ints(JsonObject o, String key) {
        JsonElement e = get(o, key);
        if (!e.isJsonArray()) throw damaged("'" + key + "' is not a list");
        JsonArray a = e.getAsJsonArray();
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = toInt(key, toLong(key, a.get(i)));
        return v;
    }

    private static JsonElement get(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw damaged("no '" + key + "'");
        return e;
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = get(o, key);
        if (!e.isJsonObject()) throw damaged("'" + key + "' is not an object");
        return e.getAsJsonObject();
    }

    private static JsonPrimitive primitive(String key, JsonElement e) {
        if (!e.isJsonPrimitive()) throw damaged("'" + key + "' is not a single value");
        return e.getAsJsonPrimitive();
    }

    private static String string(JsonObject o, String key) {
        return primitive(key, get(o, key)).getAsString();
    }

    private static boolean bool(JsonObject o, String key) {
        JsonPrimitive p = primitive(key, get(o, key));
        if (!p.isBoolean()) throw damaged("'" + key + "' is not true or false");
        return p.getAsBoolean();
    }

    // NaN and the infinities come back as text (Gson reads the bare NaN that encode writes as a string).
    private static double number(JsonObject o, String key) {
        try {
            return primitive(key, get(o, key)).getAsDouble();
        } catch (NumberFormatException e) {
            throw damaged("'" + key + "' is not a number");
        }
    }

    private static long longInteger(JsonObject o, String key) {
        return toLong(key, get(o, key));
    }

    private static int integer(JsonObject o, String key) {
        return toInt(key, longInteger(o, key));
    }

    private static long toLong(String key, JsonElement e) {
        try {
            return primitive(key, e).getAsLong();
        } catch (NumberFormatException ex) {
            throw damaged("'" + key + "' is not a whole number");
        }
    }

    private static int toInt(String key, long v) {
        if (v != (int) v) throw damaged("'" + key + "' is out of range");
        return (int) v;
    }
}
