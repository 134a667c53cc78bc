package io.github.scratchnet.train;

import io.github.scratchnet.nn.Activation;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.optim.OptimizerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every setting of a training run, declared once, in the order of {@link TrainConfig}'s components
 * (in the spirit of OLCUT's {@code @Config}: the same declaration drives the command line, the
 * stored record and the tables). A constant says: the setting's name in the library (the
 * component, and the parameter an {@link io.github.scratchnet.InvalidParameterException} names),
 * its type, text form and default; its command-line option (and, for a sweep axis, its list
 * option); its part in a run's id; its key in a run file; and its column in the results store.
 * {@link TrainConfig}'s builder, equality and {@code toString}, the command line's options and the
 * flag its errors name, {@code RunId}, {@code RunFile}, {@code ResultsStore} and {@code SweepGrid}
 * read this list, so a new setting is a component of {@link TrainConfig}, its builder method, a
 * constant here and its behaviour.
 */
public enum Setting {
    LAYERS(of("layers", SettingType.INTS, TrainConfig::layers, TrainConfig.reportLayers()).names("layers", "layers")
            .cli("--layers", "N", "layer sizes, input first")
            .column("Layers", false, String.class, c -> SettingType.joined(c.layers(), "-"))),
    LEARNING_RATE(of("learningRate", SettingType.DOUBLE, TrainConfig::learningRate, 0.009).names("lr", "learning_rate")
            .cli("--lr", "RATE", "learning rate").column("Learning Rate", false)),
    BATCH_SIZE(of("batchSize", SettingType.INT, TrainConfig::batchSize, 128).names("batch", "batch_size").named("bs")
            .cli("--batch-size", "B", "samples per step").list("--batch-sizes", "batch sizes to sweep")
            .column("Batch Size", true)),
    MAX_EPOCHS(of("maxEpochs", SettingType.INT, TrainConfig::maxEpochs, 100).names("maxEpochs", "max_epochs")
            .cli("--max-epochs", "E", "upper bound on epochs").column("Max Epochs", false)),
    BATCHNORM(of("batchNorm", SettingType.BATCHNORM, TrainConfig::batchNorm, BatchNormMode.OFF)
            .names("batchnorm", "batchnorm").named("bn-").cli("--batchnorm", "MODE", "off, normalize (the report's) or full")
            .list("--batchnorm-modes", "batchnorm modes to sweep: off, normalize, full")
            .column("Batchnorm", true)),
    L2(of("l2", SettingType.DOUBLE, TrainConfig::l2, 0.0).names("l2", "l2").named("l2-").cli("--l2", "LAMBDA", "L2 lambda")
            .list("--l2-values", "L2 lambdas to sweep").column("Lambda", true)),
    PATIENCE(of("patience", SettingType.INT, TrainConfig::patience, 100).names("patience", "patience")
            .cli("--patience", "STEPS", "steps without validation improvement before stopping; 0 = never")
            .column("Patience (checks)", true, Integer.class, TrainConfig::patienceInChecks)),
    EVAL_EVERY(of("evalEvery", SettingType.INT, TrainConfig::evalEvery, 100).names("evalEvery", "eval_every")
            .cli("--eval-every", "STEPS", "steps between validation checks")
            .column("Eval Every", false)),
    MIN_DELTA(of("minDelta", SettingType.DOUBLE, TrainConfig::minDelta, 0.0).names("minDelta", "min_delta")
            .cli("--min-delta", "COST", "smallest improvement that counts")),
    RESTORE_BEST(of("restoreBest", SettingType.BOOLEAN, TrainConfig::restoreBest, false)
            .names("restoreBest", "restore_best").cli("--restore-best", null, "put back the parameters of the best check when stopping")
            .column("Restore Best", true)),
    SEED(of("seed", SettingType.LONG, TrainConfig::seed, null).names("seed", "seed").named("seed")
            .cli("--seed", "SEED", "drives initialisation and the order of the batches")
            .defaultText(Protocol.SOUND.defaultSeed() + "; " + Protocol.REPORT.defaultSeed() + " under --protocol report")
            .list("--seeds", "seeds to sweep").column("Seed", true)),
    SPLIT_SEED(of("splitSeed", SettingType.LONG, TrainConfig::splitSeed, null).names("splitSeed", "split_seed")
            .cli("--split-seed", "SEED", "drives the training/validation split; keep it fixed to compare seeds on the"
                    + " same images (under protocol field split=report the split follows --seed)")
            .defaultText("--seed").shownWhen(c -> c.splitSeed() != c.seed())
            // the report's split follows the seed: hashed as such, so the seeds of one configuration share its id
            .idText(c -> c.protocol().split() == Protocol.Split.REPORT ? "seed" : Long.toString(c.splitSeed()))
            .optionalInFile().column("Split Seed", true)),
    // No fixed default: unset, it is the sound protocol with the activation's default initialisation
    // (Protocol.sound), which is Protocol.SOUND for ReLU.
    PROTOCOL(of("protocol", SettingType.PROTOCOL, TrainConfig::protocol, null)
            .names("protocol", "protocol").named("")
            .cli("--protocol", "NAME[,FIELD=CHOICE]", "report (the report's code) or sound (the engine's), optionally"
                    + " with fields changed, e.g. report,init=he; its init field applies as given (sound is init=he)")
            .defaultText("sound; sound,init=xavier with --activation tanh or sigmoid")
            .list("--protocols", "protocols to sweep, e.g. report,sound or report,init=he,sound")
            .since(Protocol.SOUND).shownWhen(c -> !c.protocol().equals(Protocol.SOUND))
            .column("Protocol", false)),
    ACTIVATION(of("activation", SettingType.ACTIVATION, TrainConfig::activation, Activation.RELU)
            .names("activation", "activation").named("act-")
            .cli("--activation", "NAME", "hidden activation: relu, tanh, sigmoid or leaky-relu; without --protocol it"
                    + " comes with its default initialisation (He for the ReLU family, Xavier for tanh and sigmoid)")
            .list("--activations", "hidden activations to sweep: relu, tanh, sigmoid, leaky-relu")
            .since(Activation.RELU).shownWhen(c -> c.activation() != Activation.RELU)
            .column("Activation", false)),
    // added after runs were stored, all with plain SGD: their ids, files and rows keep theirs
    OPTIMIZER(of("optimizer", SettingType.OPTIMIZER, TrainConfig::optimizer, OptimizerSpec.SGD)
            .names("optimizer", "optimizer").named("opt-")
            .cli("--optimizer", "NAME[,FIELD=VALUE]", "sgd, momentum or adam, optionally with fields changed, e.g."
                    + " momentum,momentum=0.95 or adam,beta2=0.99 (or --momentum, --beta1, --beta2, --epsilon)")
            .list("--optimizers", "optimizers to sweep, e.g. sgd,momentum,adam or sgd,adam,beta2=0.99")
            .since(OptimizerSpec.SGD).shownWhen(c -> !c.optimizer().equals(OptimizerSpec.SGD))
            .column("Optimizer", false));

    private final Decl d;

    Setting(Decl d) {
        this.d = d;
    }

    /** The name of the setting in the library: its {@link TrainConfig} component and builder method. */
    public String parameter() {
        return d.parameter;
    }

    /** {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@code int[]}, or a type with a text form. */
    public Class<?> valueClass() {
        return d.type.valueClass;
    }

    /** The value in {@code c}. */
    public Object get(TrainConfig c) {
        return d.get.apply(c);
    }

    /** The default of a fresh builder, or null where it follows another setting (seed, split seed). */
    public Object defaultValue() {
        return d.defaultValue instanceof int[] a ? a.clone() : d.defaultValue;
    }

    /** Puts {@code value} (of {@link #valueClass}) on {@code b}. */
    public TrainConfig.Builder set(TrainConfig.Builder b, Object value) {
        if (value != null && !d.type.valueClass.isInstance(value)) {
            throw new IllegalArgumentException(parameter() + " takes a " + d.type.valueClass.getSimpleName() + ", got " + value);
        }
        return b.put(this, value instanceof int[] a ? a.clone() : value);
    }

    /** The text form of {@code value}: what {@link #parse} reads, {@code toString} and run ids write. */
    public String format(Object value) {
        return d.type.format(value);
    }

    /** The text form of this setting's value in {@code c}. */
    public String text(TrainConfig c) {
        return format(get(c));
    }

    /**
     * A value from its text form.
     *
     * @throws IllegalArgumentException (or an {@link io.github.scratchnet.InvalidParameterException}) with a one-line message
     */
    public Object parse(String text) {
        return d.type.parse(text);
    }

    /**
     * Values separated by commas; a part {@code FIELD=CHOICE} belongs to the value before it, so
     * {@code report,init=he,sound} is two protocols.
     */
    public List<Object> parseList(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : text.split(",", -1)) {
            if (p.contains("=") && !parts.isEmpty()) parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "," + p);
            else parts.add(p);
        }
        List<Object> out = new ArrayList<>();
        for (String p : parts) out.add(parse(p));
        return out;
    }

    /** The command-line option, e.g. {@code --batch-size}. */
    public String flag() {
        return d.flag;
    }

    /** The option's value label ({@code B}), or null for a switch. */
    public String paramLabel() {
        return d.paramLabel;
    }

    /** The option's help, with its default. */
    public String help() {
        if (d.type == SettingType.BOOLEAN) return d.help;
        return d.help + " (default: " + (d.defaultText != null ? d.defaultText : format(d.defaultValue)) + ")";
    }

    /** The sweep's list option ({@code --batch-sizes}), for a setting a sweep can vary from the command line. */
    public Optional<String> listFlag() {
        return Optional.ofNullable(d.listFlag);
    }

    /** The list option's help. */
    public String listHelp() {
        return d.listHelp + " (default: " + d.flag + ")";
    }

    /** The key of this setting in a run file's configuration. */
    public String fileKey() {
        return d.fileKey;
    }

    /** Whether a run file may lack the key (files from before the setting existed): the builder's default applies. */
    public boolean optionalInFile() {
        return d.optionalInFile;
    }

    /** The key of this setting in {@code toString} and in the hashed part of a run id ({@code lr}, {@code batch}). */
    public String key() {
        return d.key;
    }

    /** The prefix of this setting in the readable part of a run id ({@code bs}), or empty when it is hashed. */
    public Optional<String> idPrefix() {
        return Optional.ofNullable(d.idPrefix);
    }

    /** The text a run id gives this setting's value in {@code c}. */
    public String idText(TrainConfig c) {
        return d.idText != null ? d.idText.apply(c) : text(c);
    }

    /**
     * True when {@code c} has the value every run had before this setting existed: run ids leave it
     * out, so those runs keep their ids.
     */
    public boolean isLegacy(TrainConfig c) {
        return d.legacy != null && d.legacy.equals(get(c));
    }

    /** Whether {@code toString} shows this setting for {@code c} (the split seed only when it differs from the seed). */
    public boolean shownIn(TrainConfig c) {
        return d.shown.test(c);
    }

    /** The results-store column, or empty for a setting without one. */
    public Optional<String> column() {
        return Optional.ofNullable(d.column);
    }

    /** Whether the column comes with the settings before the report's figures (else after them). */
    public boolean leadingColumn() {
        return d.leading;
    }

    /** The class of the column's cells: Integer, Long, Double, Boolean or String. */
    public Class<?> cellClass() {
        return d.cellClass;
    }

    /** The column's cell for {@code c}. */
    public Object cell(TrainConfig c) {
        return d.cell.apply(c);
    }

    /** The cell of a run made before this setting existed, or empty when there were none. */
    public Optional<Object> legacyCell() {
        return d.legacy == null ? Optional.empty() : Optional.of(cell(set(TrainConfig.builder(), d.legacy).build()));
    }

    /** The setting of a library parameter name ({@code batchSize}), if there is one. */
    public static Optional<Setting> forParameter(String parameter) {
        return Arrays.stream(values()).filter(s -> s.parameter().equals(parameter)).findFirst();
    }

    boolean sameValue(TrainConfig a, TrainConfig b) {
        Object x = get(a);
        Object y = get(b);
        // 0.0 and -0.0 are the same setting, as they always were
        return x instanceof Double dx && y instanceof Double dy ? dx.doubleValue() == dy.doubleValue() : Objects.deepEquals(x, y);
    }

    int hashOf(TrainConfig c) {
        Object v = get(c);
        return v instanceof int[] a ? Arrays.hashCode(a) : v instanceof Double x ? Double.hashCode(x + 0.0) : v.hashCode();
    }

    /** {@code layers=784,20,7,5,10 lr=0.009 batch=128 ...}: the settings {@link #shownIn} {@code c}. */
    static String describe(TrainConfig c) {
        return Arrays.stream(values()).filter(s -> s.shownIn(c)).map(s -> s.key() + "=" + s.text(c))
                .collect(Collectors.joining(" "));
    }

    private static <T> Decl of(String parameter, SettingType<T> type, Function<TrainConfig, T> get, T defaultValue) {
        return new Decl(parameter, type, get::apply, defaultValue);
    }

    /** One constant's declaration, filled in by name. */
    private static final class Decl {
        final String parameter;
        final SettingType<?> type;
        final Function<TrainConfig, Object> get;
        final Object defaultValue;
        String key;
        String flag;
        String paramLabel;
        String help;
        String defaultText;
        String listFlag;
        String listHelp;
        String fileKey;
        boolean optionalInFile;
        String idPrefix;
        Function<TrainConfig, String> idText;
        Object legacy;
        Predicate<TrainConfig> shown = c -> true;
        String column;
        boolean leading;
        Class<?> cellClass;
        Function<TrainConfig, Object> cell;

        Decl(String parameter, SettingType<?> type, Function<TrainConfig, Object> get, Object defaultValue) {
            this.parameter = parameter;
            this.type = type;
            this.get = get;
            this.defaultValue = defaultValue;
        }

        /** The key in {@code toString} and run-id hashes, and the key in run files. */
        Decl names(String k, String inFile) {
            key = k;
            fileKey = inFile;
            return this;
        }

        Decl cli(String f, String label, String h) {
            flag = f;
            paramLabel = label;
            help = h;
            return this;
        }

        Decl defaultText(String t) {
            defaultText = t;
            return this;
        }

        Decl list(String f, String h) {
            listFlag = f;
            listHelp = h;
            return this;
        }

        Decl optionalInFile() {
            optionalInFile = true;
            return this;
        }

        /** Readable in run ids: the prefix, then the value (hashed with the rest otherwise). */
        Decl named(String prefix) {
            idPrefix = prefix;
            return this;
        }

        Decl idText(Function<TrainConfig, String> t) {
            idText = t;
            return this;
        }

        /** Added after runs were stored, all of which had {@code value}: files without it, ids and rows that keep theirs. */
        Decl since(Object value) {
            legacy = value;
            return optionalInFile();
        }

        Decl shownWhen(Predicate<TrainConfig> p) {
            shown = p;
            return this;
        }

        /** The value as its cell: numbers and booleans as they are, everything else as its text. */
        Decl column(String name, boolean lead) {
            boolean plain = Number.class.isAssignableFrom(type.valueClass) || type.valueClass == Boolean.class;
            return column(name, lead, plain ? type.valueClass : String.class,
                    plain ? get : c -> type.format(get.apply(c)));
        }

        Decl column(String name, boolean lead, Class<?> cls, Function<TrainConfig, ?> c) {
            column = name;
            leading = lead;
            cellClass = cls;
            cell = c::apply;
            return this;
        }
    }
}
