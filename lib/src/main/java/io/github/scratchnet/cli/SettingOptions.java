package io.github.scratchnet.cli;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.optim.OptimizerSpec;
import io.github.scratchnet.train.Setting;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The command-line options of the training settings, made from their declarations ({@link
 * Setting}): {@code --batch-size B} for each, and in a sweep {@code --batch-sizes B,...} for each
 * setting with a list option. A command gets them from one of the model transformers below; what
 * the user gave comes back as a {@link TrainConfig.Builder} that holds only those settings, so the
 * others keep the builder's defaults (a seed left unset is the protocol's). The optimiser's fields
 * have options of their own as well: {@code --momentum 0.95} is {@code --optimizer
 * momentum,momentum=0.95} when {@code --optimizer momentum} is given, and in a sweep it changes each
 * listed optimiser it belongs to.
 */
final class SettingOptions {
    private SettingOptions() {}

    /** Every setting: {@code train} and {@code sweep}. */
    static final class All implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return add(spec, EnumSet.allOf(Setting.class));
        }
    }

    /**
     * Every setting and the list options of a sweep, one per setting that has one (a command's own
     * transformer takes the place of its mixin's, so this one adds {@link All}'s options too).
     */
    static final class Lists implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            add(spec, EnumSet.allOf(Setting.class));
            for (Setting s : Setting.values()) {
                s.listFlag().ifPresent(flag -> spec.addOption(OptionSpec.builder(flag).paramLabel(s.paramLabel() + ",...")
                        .description(s.listHelp()).type(Object.class)
                        .converters(text -> converted(() -> s.parseList(text))).build()));
            }
            return spec;
        }
    }

    /** What {@code bench} times: batch size, seed, protocol and optimiser. */
    static final class Bench implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return add(spec, EnumSet.of(Setting.BATCH_SIZE, Setting.SEED, Setting.PROTOCOL, Setting.OPTIMIZER));
        }
    }

    /** The protocol, whose formulas {@code evaluate} computes with. */
    static final class ProtocolOnly implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return add(spec, EnumSet.of(Setting.PROTOCOL));
        }
    }

    private static CommandSpec add(CommandSpec spec, Set<Setting> settings) {
        for (Setting s : settings) {
            if (spec.findOption(s.flag()) != null) continue; // added by a mixin's transformer already
            OptionSpec.Builder o = OptionSpec.builder(s.flag()).description(s.help());
            if (s.valueClass() == Boolean.class) {
                o.type(boolean.class).arity("0");
            } else {
                o.paramLabel(s.paramLabel()).type(Object.class).converters(text -> converted(() -> s.parse(text)));
            }
            spec.addOption(o.build());
        }
        if (settings.contains(Setting.OPTIMIZER)) {
            for (String key : OptimizerSpec.fieldKeys()) {
                if (spec.findOption("--" + key) != null) continue;
                spec.addOption(OptionSpec.builder("--" + key).paramLabel("X").type(Double.class)
                        .description(OptimizerSpec.fieldHelp(key).replace("optimizer ", "--optimizer ")).build());
            }
        }
        return spec;
    }

    /** The optimiser fields given as options of their own ({@code --momentum 0.95}), by key, in their order. */
    private static Map<String, Double> optimizerFields(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, Double> out = new LinkedHashMap<>();
        for (String key : OptimizerSpec.fieldKeys()) {
            if (spec.findOption("--" + key) != null && parsed.hasMatchedOption("--" + key)) {
                out.put(key, spec.findOption("--" + key).getValue());
            }
        }
        return out;
    }

    /**
     * {@code optimizer} with the fields of {@code fields} that belong to its kind set; with
     * {@code strict}, a field of another kind is an error.
     */
    private static OptimizerSpec withFields(OptimizerSpec optimizer, Map<String, Double> fields, boolean strict) {
        OptimizerSpec out = optimizer;
        for (Map.Entry<String, Double> f : fields.entrySet()) {
            String flag = "--" + f.getKey();
            OptimizerSpec.Kind kind = OptimizerSpec.fieldKind(f.getKey());
            if (kind != optimizer.kind()) {
                if (!strict) continue;
                throw new ScratchnetException(flag + " applies to --optimizer " + kind.label() + ", not "
                        + optimizer.kind().label() + "; add --optimizer " + kind.label() + " or drop " + flag);
            }
            try {
                out = out.with(f.getKey(), f.getValue());
            } catch (InvalidParameterException e) {
                throw new ScratchnetException(e.getMessage().replace("optimizer field " + f.getKey(), flag)
                        .replace("optimizer ", "--optimizer "));
            }
        }
        return out;
    }

    /** A value, or picocli's usage error with the parser's one-line message. */
    private static Object converted(Supplier<Object> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The settings given on the command line of {@code spec}. */
    static TrainConfig.Builder builder(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        TrainConfig.Builder b = TrainConfig.builder();
        for (Setting s : Setting.values()) {
            if (spec.findOption(s.flag()) != null && parsed.hasMatchedOption(s.flag())) {
                s.set(b, spec.findOption(s.flag()).getValue());
            }
        }
        Map<String, Double> fields = optimizerFields(spec);
        if (!fields.isEmpty() && !list(spec, Setting.OPTIMIZER).isPresent()) {
            OptimizerSpec given = parsed.hasMatchedOption(Setting.OPTIMIZER.flag())
                    ? (OptimizerSpec) spec.findOption(Setting.OPTIMIZER.flag()).getValue() : OptimizerSpec.SGD;
            b.optimizer(withFields(given, fields, true));
        }
        return b;
    }

    /**
     * The validated configuration of the settings given on the command line of {@code spec}.
     *
     * @throws InvalidParameterException for a nonsense value, or one the protocol overrides (a
     *     split seed under split=report)
     */
    static TrainConfig config(CommandSpec spec) {
        TrainConfig c = builder(spec).build();
        ParseResult parsed = spec.commandLine().getParseResult();
        for (Setting s : Setting.values()) {
            if (spec.findOption(s.flag()) == null || !parsed.hasMatchedOption(s.flag())) continue;
            Object given = spec.findOption(s.flag()).getValue();
            if (s == Setting.OPTIMIZER) given = withFields((OptimizerSpec) given, optimizerFields(spec), true);
            if (!s.format(given).equals(s.text(c))) {
                throw new InvalidParameterException(s.parameter(), s.parameter() + " " + s.format(given)
                        + " does not apply under protocol " + c.protocol() + ", which makes it " + s.text(c)
                        + "; drop " + s.parameter() + " or change the protocol");
            }
        }
        return c;
    }

    /**
     * The values of a setting's list option, when it was given; the listed optimisers with the
     * fields given as options set on each one they belong to.
     */
    static Optional<List<?>> list(CommandSpec spec, Setting s) {
        Optional<String> flag = s.listFlag();
        if (flag.isEmpty() || !spec.commandLine().getParseResult().hasMatchedOption(flag.get())) return Optional.empty();
        List<?> values = (List<?>) spec.findOption(flag.get()).getValue();
        Map<String, Double> fields = optimizerFields(spec);
        if (s != Setting.OPTIMIZER || fields.isEmpty()) return Optional.of(values);
        for (String key : fields.keySet()) {
            OptimizerSpec.Kind kind = OptimizerSpec.fieldKind(key);
            if (values.stream().noneMatch(v -> ((OptimizerSpec) v).kind() == kind)) {
                throw new ScratchnetException("--" + key + " applies to optimizer " + kind.label() + ", which "
                        + flag.get() + " does not list; add it to " + flag.get() + " or drop --" + key);
            }
        }
        List<Object> out = new ArrayList<>();
        for (Object v : values) out.add(withFields((OptimizerSpec) v, fields, false));
        return Optional.of(out);
    }
}
