package io.github.scratchnet.optim;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.nn.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which optimiser a run uses, and its parameters: a value with one text form, the kind followed by
 * the fields that differ from their defaults, as the protocol's: {@code sgd}, {@code momentum}
 * ({@code momentum=0.9}), {@code momentum,momentum=0.95}, {@code adam} ({@code beta1=0.9,
 * beta2=0.999, epsilon=1e-8}), {@code adam,beta2=0.99}. A field belongs to one kind: {@code
 * momentum} to {@code momentum}, {@code beta1}, {@code beta2} and {@code epsilon} to {@code adam};
 * the fields of the other kinds keep their defaults. The learning rate is the run's own setting.
 *
 * @param kind the update rule
 * @param momentum the velocity's decay μ of {@link Kind#MOMENTUM}, in [0, 1)
 * @param beta1 the first moment's decay of {@link Kind#ADAM}, in [0, 1)
 * @param beta2 the second moment's decay of {@link Kind#ADAM}, in [0, 1)
 * @param epsilon added to Adam's {@code √v̂}, positive
 */
public record OptimizerSpec(Kind kind, double momentum, double beta1, double beta2, double epsilon) {
    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    /** Plain SGD, the default. */
    public static final OptimizerSpec SGD = of(Kind.SGD);
    /** SGD with momentum 0.9. */
    public static final OptimizerSpec MOMENTUM = of(Kind.MOMENTUM);
    /** Adam with β1 0.9, β2 0.999, ε 1e-8. */
    public static final OptimizerSpec ADAM = of(Kind.ADAM);

    /** The update rules. */
    public enum Kind {
        SGD, MOMENTUM, ADAM;

        /** The name in text forms and model files: {@code sgd}, {@code momentum}, {@code adam}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The fields of the text form: their key, the kind they belong to and their default. */
    private enum Field {
        MOMENTUM("momentum", Kind.MOMENTUM, DEFAULT_MOMENTUM),
        BETA1("beta1", Kind.ADAM, DEFAULT_BETA1),
        BETA2("beta2", Kind.ADAM, DEFAULT_BETA2),
        EPSILON("epsilon", Kind.ADAM, DEFAULT_EPSILON);

        final String key;
        final Kind kind;
        final double defaultValue;

        Field(String key, Kind kind, double defaultValue) {
            this.key = key;
            this.kind = kind;
            this.defaultValue = defaultValue;
        }

        double of(OptimizerSpec s) {
            return switch (this) {
                case MOMENTUM -> s.momentum;
                case BETA1 -> s.beta1;
                case BETA2 -> s.beta2;
                case EPSILON -> s.epsilon;
            };
        }
    }

    public OptimizerSpec {
        if (kind == null) kind = Kind.SGD;
        requireDecay("momentum", momentum);
        requireDecay("beta1", beta1);
        requireDecay("beta2", beta2);
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new InvalidParameterException("optimizer", "optimizer field epsilon must be positive and finite, got "
                    + epsilon + "; the default is 1e-8");
        }
        double[] given = {momentum, beta1, beta2, epsilon};
        for (Field f : Field.values()) {
            if (f.kind != kind && !same(given[f.ordinal()], f.defaultValue)) {
                throw new InvalidParameterException("optimizer", "optimizer field " + f.key + " belongs to "
                        + f.kind.label() + ", not " + kind.label() + "; drop it or use optimizer " + f.kind.label());
            }
        }
    }

    /** The keys of the fields, in their order: {@code momentum, beta1, beta2, epsilon}. */
    public static List<String> fieldKeys() {
        return java.util.Arrays.stream(Field.values()).map(f -> f.key).toList();
    }

    /** The kind field {@code key} belongs to. */
    public static Kind fieldKind(String key) {
        return field(key).kind;
    }

    /** What field {@code key} means, with its kind and default, for a command line's help. */
    public static String fieldHelp(String key) {
        Field f = field(key);
        String what = switch (f) {
            case MOMENTUM -> "momentum's decay of the velocity, in [0, 1)";
            case BETA1 -> "Adam's decay of the first moment, in [0, 1)";
            case BETA2 -> "Adam's decay of the second moment, in [0, 1)";
            case EPSILON -> "Adam's epsilon, added to the root of the second moment, positive";
        };
        return what + " (with optimizer " + f.kind.label() + "; default: " + f.defaultValue + ")";
    }

    /** This value with field {@code key} set to {@code value}; the field must belong to this kind. */
    public OptimizerSpec with(String key, double value) {
        field(key);
        return parse(this + "," + key + "=" + value);
    }

    private static Field field(String key) {
        for (Field f : Field.values()) if (f.key.equals(key)) return f;
        throw new IllegalArgumentException("no optimizer field " + key);
    }

    /** The kind with every field at its default. */
    public static OptimizerSpec of(Kind kind) {
        return new OptimizerSpec(kind, DEFAULT_MOMENTUM, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * The value of a text form: the kind, then {@code FIELD=VALUE} parts separated by commas.
     *
     * @throws InvalidParameterException naming the part that is wrong and what is allowed
     */
    public static OptimizerSpec parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*");
        Kind kind = null;
        for (Kind k : Kind.values()) if (k.label().equals(parts[0])) kind = k;
        if (kind == null) {
            throw new InvalidParameterException("optimizer", "unknown optimizer '" + parts[0]
                    + "'; use sgd, momentum or adam, optionally followed by fields, e.g. momentum,momentum=0.95 or adam,beta2=0.99");
        }
        double[] values = {DEFAULT_MOMENTUM, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON};
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            Field field = null;
            for (Field f : Field.values()) if (f.key.equals(kv[0])) field = f;
            if (field == null || kv.length < 2) {
                throw new InvalidParameterException("optimizer", "optimizer part '" + parts[i] + "' is not FIELD=VALUE with"
                        + " FIELD one of momentum (for momentum), beta1, beta2, epsilon (for adam)");
            }
            try {
                values[field.ordinal()] = Double.parseDouble(kv[1]);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("optimizer", "optimizer field " + field.key + " takes a number, got '"
                        + kv[1] + "'");
            }
        }
        return new OptimizerSpec(kind, values[0], values[1], values[2], values[3]);
    }

    /** The optimiser of {@code params} with this rule, its state at zero. */
    public Optimizer create(double learningRate, Parameters params) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new InvalidParameterException("learningRate", "learningRate must be a positive finite number, got "
                    + learningRate);
        }
        return switch (kind) {
            case SGD -> new Sgd(learningRate, params);
            case MOMENTUM -> new Momentum(this, learningRate, params);
            case ADAM -> new Adam(this, learningRate, params);
        };
    }

    /** {@code adam,beta2=0.99}: the kind and the fields that differ from their defaults. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(kind.label());
        for (Field f : Field.values()) {
            double v = f.of(this);
            if (!same(v, f.defaultValue)) parts.add(f.key + "=" + v);
        }
        return String.join(",", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerSpec s && s.kind == kind && same(s.momentum, momentum) && same(s.beta1, beta1)
                && same(s.beta2, beta2) && same(s.epsilon, epsilon);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    private static boolean same(double a, double b) {
        return a == b;
    }

    private static void requireDecay(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidParameterException("optimizer", "optimizer field " + field + " must be at least 0 and below 1, got "
                    + value + "; e.g. 0.9");
        }
    }
}
