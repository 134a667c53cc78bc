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
    private static final Map<String, List<String>> FLAGS = Map.ofEntries(
            Map.entry("layers", List.of("--layers")),
            Map.entry("learningRate", List.of("--lr")),
            Map.entry("batchSize", List.of("--batch-sizes", "--batch-size")),
            Map.entry("maxEpochs", List.of("--max-epochs")),
            Map.entry("batchNorm", List.of("--batchnorm-modes", "--batchnorm")),
            Map.entry("l2", List.of("--l2-values", "--l2")),
            Map.entry("patience", List.of("--patience")),
            Map.entry("evalEvery", List.of("--eval-every")),
            Map.entry("minDelta", List.of("--min-delta")),
            Map.entry("seed", List.of("--seeds", "--seed")),
            Map.entry("dataSet", List.of("--dataset")));

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
