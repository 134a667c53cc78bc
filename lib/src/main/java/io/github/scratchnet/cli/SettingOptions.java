package io.github.scratchnet.cli;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.train.Setting;
import io.github.scratchnet.train.TrainConfig;
import java.util.EnumSet;
import java.util.List;
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
 * others keep the builder's defaults (a seed left unset is the protocol's).
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

    /** What {@code bench} times: batch size, seed and protocol. */
    static final class Bench implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return add(spec, EnumSet.of(Setting.BATCH_SIZE, Setting.SEED, Setting.PROTOCOL));
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
        return spec;
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
            if (!s.format(given).equals(s.text(c))) {
                throw new InvalidParameterException(s.parameter(), s.parameter() + " " + s.format(given)
                        + " does not apply under protocol " + c.protocol() + ", which makes it " + s.text(c)
                        + "; drop " + s.parameter() + " or change the protocol");
            }
        }
        return c;
    }

    /** The values of a setting's list option, when it was given. */
    static Optional<List<?>> list(CommandSpec spec, Setting s) {
        Optional<String> flag = s.listFlag();
        if (flag.isEmpty() || !spec.commandLine().getParseResult().hasMatchedOption(flag.get())) return Optional.empty();
        return Optional.of((List<?>) spec.findOption(flag.get()).getValue());
    }
}
