package io.github.scratchnet.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * The command-line flags of the library's parameter names, so that an error about {@code batchSize}
 * reads {@code --batch-size} (or {@code --batch-sizes} in a sweep that was given that list).
 */
final class Flags {
    /** Per parameter, its flags: list options first, so a sweep names the one the user typed. */
    private static final Map<String, List<String>> FLAGS = Map.of(
            "layers", List.of("--layers"),
            "learningRate", List.of("--lr"),
            "batchSize", List.of("--batch-sizes", "--batch-size"),
            "maxEpochs", List.of("--max-epochs"),
            "batchNorm", List.of("--batchnorm-modes", "--batchnorm"),
            "l2", List.of("--l2-values", "--l2"),
            "patience", List.of("--patience"),
            "evalEvery", List.of("--eval-every"),
            "minDelta", List.of("--min-delta"),
            "seed", List.of("--seeds", "--seed"));

    private Flags() {}

    /**
     * The flag the user typed for {@code parameter} in the command that ran, else the one that
     * command has, else the parameter's own name.
     */
    static String of(String parameter, ParseResult parsed) {
        List<String> flags = FLAGS.getOrDefault(parameter, List.of());
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
