package io.github.scratchnet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A nonsense value of one named parameter, e.g. {@code batchSize} or {@code layers}. The message
 * names the parameter as the library spells it, because that is what a notebook user typed; the
 * command line puts its own flag in its place with {@link #messageNaming}.
 */
public final class InvalidParameterException extends ScratchnetException {
    private final String parameter;

    /** {@code message} names the parameter with the word {@code parameter} (and with no other word). */
    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter's name as the library spells it (a {@code TrainConfig} component, or {@code dataSet}). */
    public String parameter() {
        return parameter;
    }

    /** The message with the parameter's name replaced by {@code alias}, e.g. a command-line flag. */
    public String messageNaming(String alias) {
        return getMessage().replaceAll("\\b" + Pattern.quote(parameter) + "\\b", Matcher.quoteReplacement(alias));
    }
}
