package io.github.scratchnet.train;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.nn.Activation;
import io.github.scratchnet.nn.Formulas;
import io.github.scratchnet.nn.Initialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a training run does besides its hyper-parameters, one named field per choice. Two are
 * named: {@link #REPORT}, the procedure of the report's code (replayed to the iteration), and
 * {@link #SOUND}, the engine's own. Any mix is a valid protocol, so that one choice can be
 * weighed at a time; its text form is a name followed by the fields that differ from it, e.g.
 * {@code report,init=he} ({@link #parse}, {@link #toString}).
 *
 * @param split how the 60000 training images become training and validation sets
 * @param init how weights are drawn
 * @param order whether the batches are cut from a new order every epoch
 * @param softmax how probabilities are formed
 * @param cost how a sample's cross-entropy is taken
 * @param batchNorm what batchnorm computes (its statistics at inference, and whether it is differentiated)
 * @param l2 which parameters the L2 term of the cost counts
 * @param stopping when training stops, and what a check records as the training cost
 * @param counting how the epoch and the iteration of a result are counted
 */
public record Protocol(
        Split split,
        Initialization init,
        BatchOrder order,
        Formulas.Softmax softmax,
        Formulas.CrossEntropy cost,
        Formulas.BatchNormForm batchNorm,
        Formulas.L2Scope l2,
        Stopping stopping,
        Counting counting) {

    /** The report's code, fact by fact (issue #16; the notebooks' "report's protocol" section). */
    public static final Protocol REPORT = new Protocol(Split.REPORT, Initialization.WIDTH_SCALED, BatchOrder.FIXED,
            Formulas.Softmax.UNSHIFTED, Formulas.CrossEntropy.LOG_PLUS_MILLI, Formulas.BatchNormForm.REPORT,
            Formulas.L2Scope.ALL_PARAMETERS, Stopping.COST_CHANGE, Counting.REPORT);
    /** The engine's own choices, bit for bit those of the runs before protocols existed. */
    public static final Protocol SOUND = new Protocol(Split.SEEDED, Initialization.HE, BatchOrder.RESHUFFLED,
            Formulas.Softmax.SHIFTED, Formulas.CrossEntropy.EXACT, Formulas.BatchNormForm.STANDARD,
            Formulas.L2Scope.WEIGHTS, Stopping.PATIENCE, Counting.PLAIN);

    /**
     * The engine's own choices for a network of {@code activation}: {@link #SOUND} with the
     * activation's {@link Activation#defaultInitialization() default initialisation}, so
     * {@link #SOUND} itself for ReLU and leaky ReLU, {@code sound,init=xavier} for tanh and sigmoid.
     * A configuration that names no protocol gets this one.
     */
    public static Protocol sound(Activation activation) {
        Initialization init = activation.defaultInitialization();
        return init == SOUND.init ? SOUND : new Protocol(SOUND.split, init, SOUND.order, SOUND.softmax, SOUND.cost,
                SOUND.batchNorm, SOUND.l2, SOUND.stopping, SOUND.counting);
    }

    /** The default seed of each protocol: the report's one seed was 42, the engine's runs start at 1. */
    public long defaultSeed() {
        return split == Split.REPORT || init == Initialization.WIDTH_SCALED ? 42 : 1;
    }

    public Protocol {
        Object[] all = {split, init, order, softmax, cost, batchNorm, l2, stopping, counting};
        for (int i = 0; i < all.length; i++) {
            if (all[i] == null) {
                throw new InvalidParameterException("protocol", "protocol field " + Field.values()[i].key
                        + " is missing; give every field, or start from Protocol.REPORT or Protocol.SOUND");
            }
        }
    }

    /** The formulas the network computes with under this protocol. */
    public Formulas formulas() {
        return new Formulas(softmax, cost, batchNorm, l2);
    }

    /** How the training images are split. */
    public enum Split {
        /**
         * The report's: NumPy's {@code RandomState(seed).permutation(60000)} sets its first 12000
         * aside (never used) and keeps the other 48000 in that order; PyTorch's
         * {@code randperm(48000)} after {@code manual_seed(seed)} takes 38400 of them for training
         * and 9600 for validation.
         */
        REPORT("report"),
        /** 48000 for training and 12000 for validation, shuffled by the split seed. */
        SEEDED("seeded");

        private final String label;

        Split(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The order of the training samples within an epoch. */
    public enum BatchOrder {
        /** The same order every epoch, batches cut from it front to back (the report's). */
        FIXED("fixed"),
        /** A new order every epoch, from a stream of the seed. */
        RESHUFFLED("reshuffled");

        private final String label;

        BatchOrder(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** When training stops, and what a check records. */
    public enum Stopping {
        /**
         * The report's: stop at the first check (from the second on) whose validation cost differs
         * from the previous check's by less than {@link #COST_CHANGE_THRESHOLD}; a check records the
         * last batch's cost (its output before the update) with the L2 term of the updated
         * parameters. Patience, minimum change and restore-best do not apply.
         */
        COST_CHANGE("cost-change"),
        /** Stop when the validation cost has not improved for {@code patience} steps; a check records the last batch's cost before the update. */
        PATIENCE("patience");

        private final String label;

        Stopping(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The report's stopping threshold on the change of the validation cost between two checks. */
    public static final double COST_CHANGE_THRESHOLD = 1e-4;

    /** How a result counts its epoch and its iteration. */
    public enum Counting {
        /**
         * The report's tables: the epoch from 0, and the step counter, which is one past the last
         * step when all epochs ran (7501 for 75 batches × 100 epochs).
         */
        REPORT("report"),
        /** The epoch from 1, and the number of steps taken. */
        PLAIN("plain");

        private final String label;

        Counting(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The fields by their text keys, in declaration order. */
    enum Field {
        SPLIT("split", Protocol::split, Split.values(), Split::label),
        INIT("init", Protocol::init, Initialization.values(), Initialization::label),
        ORDER("order", Protocol::order, BatchOrder.values(), BatchOrder::label),
        SOFTMAX("softmax", Protocol::softmax, Formulas.Softmax.values(), Formulas.Softmax::label),
        COST("cost", Protocol::cost, Formulas.CrossEntropy.values(), Formulas.CrossEntropy::label),
        BATCHNORM("batchnorm", Protocol::batchNorm, Formulas.BatchNormForm.values(), Formulas.BatchNormForm::label),
        L2("l2", Protocol::l2, Formulas.L2Scope.values(), Formulas.L2Scope::label),
        STOPPING("stopping", Protocol::stopping, Stopping.values(), Stopping::label),
        COUNTING("counting", Protocol::counting, Counting.values(), Counting::label);

        final String key;
        private final Function<Protocol, Object> get;
        private final Object[] choices;
        private final Function<Object, String> label;

        @SuppressWarnings("unchecked")
        <E> Field(String key, Function<Protocol, E> get, E[] choices, Function<E, String> label) {
            this.key = key;
            this.get = (Function<Protocol, Object>) get;
            this.choices = choices;
            this.label = (Function<Object, String>) label;
        }

        String labelOf(Protocol p) {
            return label.apply(get.apply(p));
        }

        Object parse(String text) {
            List<String> names = new ArrayList<>();
            for (Object c : choices) {
                if (label.apply(c).equals(text)) return c;
                names.add(label.apply(c));
            }
            throw new InvalidParameterException("protocol", "protocol field " + key + " has no choice '" + text
                    + "'; use one of " + String.join(", ", names));
        }
    }

    /** Every field with the text of its choice, in declaration order: {@code split=report, init=width-scaled, …}. */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Field f : Field.values()) m.put(f.key, f.labelOf(this));
        return m;
    }

    /**
     * {@code report}, {@code sound}, or one of them followed by changed fields:
     * {@code report,init=he,order=reshuffled}. Keys: split, init, order, softmax, cost, batchnorm,
     * l2, stopping, counting.
     *
     * @throws InvalidParameterException naming {@code protocol}, for an unknown name, key or choice
     */
    public static Protocol parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*");
        Protocol base = switch (parts[0]) {
            case "report" -> REPORT;
            case "sound" -> SOUND;
            default -> throw new InvalidParameterException("protocol", "unknown protocol '" + parts[0]
                    + "'; use report or sound, optionally followed by fields to change, e.g. report,init=he");
        };
        Object[] values = new Object[Field.values().length];
        for (Field f : Field.values()) values[f.ordinal()] = f.get.apply(base);
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            Field field = null;
            for (Field f : Field.values()) if (f.key.equals(kv[0])) field = f;
            if (field == null || kv.length < 2) {
                throw new InvalidParameterException("protocol", "protocol part '" + parts[i] + "' is not FIELD=CHOICE with"
                        + " FIELD one of split, init, order, softmax, cost, batchnorm, l2, stopping, counting");
            }
            values[field.ordinal()] = field.parse(kv[1]);
        }
        return new Protocol((Split) values[0], (Initialization) values[1], (BatchOrder) values[2],
                (Formulas.Softmax) values[3], (Formulas.CrossEntropy) values[4], (Formulas.BatchNormForm) values[5],
                (Formulas.L2Scope) values[6], (Stopping) values[7], (Counting) values[8]);
    }

    /** This protocol with one field changed, by its text key and choice ({@code with("init", "he")}). */
    public Protocol with(String key, String choice) {
        return parse(this + "," + key + "=" + choice);
    }

    /** The named protocol with the fewest changes ({@code report} on a tie), then the changes. */
    @Override
    public String toString() {
        List<String> fromReport = changesFrom(REPORT);
        List<String> fromSound = changesFrom(SOUND);
        boolean report = fromReport.size() <= fromSound.size();
        List<String> parts = new ArrayList<>();
        parts.add(report ? "report" : "sound");
        parts.addAll(report ? fromReport : fromSound);
        return String.join(",", parts);
    }

    private List<String> changesFrom(Protocol base) {
        List<String> out = new ArrayList<>();
        for (Field f : Field.values()) {
            String mine = f.labelOf(this);
            if (!mine.equals(f.labelOf(base))) out.add(f.key + "=" + mine);
        }
        return out;
    }
}
