package io.github.scratchnet.cli;

import io.github.scratchnet.train.Setting;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.ParseResult;

/**
 * The command-line flags of the library's parameter names, so that an error about {@code batchSize}
 * reads {@code --batch-size} (or {@code --batch-sizes} in a sweep that was given that list). The
 * flags of the training settings are those their declarations give ({@link Setting#flag}).
 */
final class Flags {
    /** The parameters that are not training settings. */
    private static final Map<String, List<String>> OTHERS = Map.of("dataSet", List.of("--dataset"));

    private Flags() {}

    /** Per parameter, its flags: the list option first, so a sweep names the one the user typed. */
    static List<String> of(String parameter) {
        return Setting.forParameter(parameter).map(s -> Stream.concat(s.listFlag().stream(), Stream.of(s.flag())).toList())
                .orElse(OTHERS.getOrDefault(parameter, List.of()));
    }

    /**
     * The flag the user typed for {@code parameter} in the command that ran, else the one that
     * command has, else the parameter's own name.
     */
    static String of(String parameter, ParseResult parsed) {
        List<String> flags = of(parameter);
        ParseResult command = parsed;
        while (command.hasSubcommand()) command = command.subcommand();
        for (String flag : flags) {
            if (command.hasMatchedOption(flag)) return flag;
        }
        for (String flag : flags) {
            if (command.commandSpec().findOption(flag) != null) return flag;
        }
        return parameter;
    }
}
