package io.github.scratchnet.train;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.nn.Activation;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.optim.OptimizerSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The type of a {@link Setting}: its Java class and its text form, read and written. */
final class SettingType<T> {
    static final SettingType<Integer> INT = new SettingType<>(Integer.class, "a whole number", Integer::valueOf, String::valueOf);
    static final SettingType<Long> LONG = new SettingType<>(Long.class, "a whole number", Long::valueOf, String::valueOf);
    static final SettingType<Double> DOUBLE = new SettingType<>(Double.class, "a number", Double::valueOf, String::valueOf);
    static final SettingType<Boolean> BOOLEAN = new SettingType<>(Boolean.class, "true or false", SettingType::bool,
            String::valueOf);
    static final SettingType<int[]> INTS = new SettingType<>(int[].class, "whole numbers separated by commas",
            SettingType::ints, a -> joined(a, ","));
    static final SettingType<BatchNormMode> BATCHNORM = new SettingType<>(BatchNormMode.class,
            "a batchnorm mode; use off, normalize or full", BatchNormMode::parse, BatchNormMode::label);
    static final SettingType<Activation> ACTIVATION = new SettingType<>(Activation.class,
            "an activation; use relu, tanh, sigmoid or leaky-relu", Activation::parse, Activation::label);
    /** Protocol's own messages say which part is wrong: they are kept. */
    static final SettingType<Protocol> PROTOCOL = new SettingType<>(Protocol.class, null, Protocol::parse, Protocol::toString);

    /** Like the protocol's, the optimiser's messages say which part is wrong. */
    static final SettingType<OptimizerSpec> OPTIMIZER = new SettingType<>(OptimizerSpec.class, null, OptimizerSpec::parse,
            OptimizerSpec::toString);

    final Class<T> valueClass;
    private final String what;
    private final Function<String, T> parse;
    private final Function<T, String> format;

    private SettingType(Class<T> valueClass, String what, Function<String, T> parse, Function<T, String> format) {
        this.valueClass = valueClass;
        this.what = what;
        this.parse = parse;
        this.format = format;
    }

    T parse(String text) {
        if (what == null) return parse.apply(text);
        try {
            return parse.apply(text);
        } catch (NumberFormatException | ScratchnetException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + what);
        }
    }

    String format(Object value) {
        return format.apply(valueClass.cast(value));
    }

    static String joined(int[] values, String separator) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(separator));
    }

    private static int[] ints(String text) {
        return Arrays.stream(text.split(",", -1)).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private static Boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new NumberFormatException(text);
        };
    }
}
