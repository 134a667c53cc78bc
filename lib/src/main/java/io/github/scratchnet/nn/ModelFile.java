package io.github.scratchnet.nn;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.Npz;
import io.github.scratchnet.data.NpzWriter;
import io.github.scratchnet.optim.Optimizer;
import io.github.scratchnet.optim.OptimizerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Saves a {@link Network} as a NumPy {@code .npz} file and loads it back.
 *
 * <p>Arrays are in the report's orientation so that NumPy users can use them directly:
 * {@code W<l>} is {@code (n_l, n_{l-1})}, {@code b<l>} is {@code (n_l, 1)}, all float64. With
 * batchnorm each hidden layer also has {@code running_mean<l>} and {@code running_var<l>}, full
 * batchnorm adds {@code gamma<l>} and {@code beta<l>} (all {@code (n_l, 1)}); the scalars
 * {@code bn_eps} and {@code bn_mode} ({@code "off"}, {@code "normalize"}, {@code "full"}) are
 * always written, and so is the string {@code dataset}: the {@link DataSetKind#label()} of the data
 * the network was trained on ({@code "mnist"}, {@code "fashion-mnist"}). A file without it (written
 * before data sets had names) counts as MNIST. The strings {@code softmax}, {@code cross_entropy},
 * {@code bn_form} and {@code l2_scope} record the network's {@link Formulas} (a file without them
 * computes with the sound ones). The string {@code activation} records the hidden layers'
 * {@link Activation#label()} ({@code relu}, {@code tanh}, ...; a file without it is ReLU).
 *
 * <p>With the optimiser that trained it, a file also records the optimiser: the string
 * {@code optimizer} (its text form, {@code sgd}, {@code momentum}, {@code adam,beta2=0.99}), the
 * scalars {@code opt_lr} and {@code opt_step} (steps taken), and each state array under
 * {@code opt_<state>_<parameter>} in the parameter's own orientation ({@code opt_velocity_W1} for
 * momentum, {@code opt_m_W1} and {@code opt_v_W1} for Adam, shaped like {@code W1}); plain SGD has
 * none. A file without them holds no optimiser state.
 */
public final class ModelFile {
    private ModelFile() {}

    /** Name of the string entry that records the data set. */
    public static final String DATASET = "dataset";
    /** Names of the string entries that record the network's {@link Formulas}; absent (older files): the sound ones. */
    public static final String SOFTMAX = "softmax";
    public static final String CROSS_ENTROPY = "cross_entropy";
    public static final String BN_FORM = "bn_form";
    public static final String L2_SCOPE = "l2_scope";
    /** Name of the string entry that records the hidden activation; absent (older files): ReLU. */
    public static final String ACTIVATION = "activation";

    /** Name of the string entry that records the optimiser's text form. */
    public static final String OPTIMIZER = "optimizer";
    /** Prefix of the optimiser's entries: {@code opt_lr}, {@code opt_step}, {@code opt_m_W1}. */
    public static final String OPT = "opt_";

    /** {@link #save(Network, DataSetKind, Path)} of a network trained on MNIST. */
    public static void save(Network net, Path file) {
        save(net, DataSetKind.MNIST, file);
    }

    /** Writes {@code net}, trained on {@code dataSet}, to {@code file}. */
    public static void save(Network net, DataSetKind dataSet, Path file) {
        save(net, null, dataSet, file);
    }

    /** Writes {@code net}, trained on {@code dataSet}, and the state of its {@code optimizer} (null: none) to {@code file}. */
    public static void save(Network net, Optimizer optimizer, DataSetKind dataSet, Path file) {
        Parameters p = net.parameters();
        NpzWriter w = Npz.writer();
        for (int l = 1; l <= net.layers(); l++) {
            w.matrix("W" + l, p.weight(l));
            w.matrix("b" + l, p.bias(l));
        }
        if (net.batchNorm() != BatchNormMode.OFF) {
            for (int l = 1; l < net.layers(); l++) {
                w.matrix("running_mean" + l, column(net.runningStats().mean(l)));
                w.matrix("running_var" + l, column(net.runningStats().var(l)));
                if (net.batchNorm() == BatchNormMode.FULL) {
                    w.matrix("gamma" + l, column(p.gamma(l)));
                    w.matrix("beta" + l, column(p.beta(l)));
                }
            }
        }
        w.scalar("bn_eps", Network.BN_EPSILON);
        w.string("bn_mode", net.batchNorm().label());
        w.string(DATASET, dataSet.label());
        Formulas f = net.formulas();
        w.string(SOFTMAX, f.softmax().label());
        w.string(CROSS_ENTROPY, f.crossEntropy().label());
        w.string(BN_FORM, f.batchNorm().label());
        w.string(L2_SCOPE, f.l2().label());
        w.string(ACTIVATION, net.activation().label());
        if (optimizer != null) {
            w.string(OPTIMIZER, optimizer.spec().toString());
            w.scalar(OPT + "lr", optimizer.learningRate());
            w.scalar(OPT + "step", optimizer.steps());
            for (Optimizer.State s : optimizer.state()) {
                for (Parameters.Named a : s.arrays().named()) w.matrix(OPT + s.name() + "_" + a.name(), reportOrientation(a));
            }
        }
        w.write(file);
    }

    // W is stored input-major (Wt): the file has the report's W; every other array is a column
    private static DMatrixRMaj reportOrientation(Parameters.Named a) {
        return CommonOps_DDRM.transpose(a.matrix(), null);
    }

    /**
     * The optimiser recorded in {@code file}, with its state, made for {@code net} (the network
     * loaded from the same file); empty for a file without one.
     *
     * @throws ScratchnetException when the file's optimiser entries are damaged
     */
    public static Optional<Optimizer> optimizer(Path file, Network net) {
        Npz npz = Npz.read(file);
        if (!npz.contains(OPTIMIZER)) return Optional.empty();
        Optimizer opt;
        try {
            opt = OptimizerSpec.parse(npz.string(OPTIMIZER)).create(npz.scalar(OPT + "lr"), net.parameters());
        } catch (ScratchnetException e) {
            throw corrupt(file, "its optimizer entries are wrong (" + e.getMessage() + ")");
        }
        double steps = npz.scalar(OPT + "step");
        if (!(steps >= 0) || steps != Math.rint(steps)) throw corrupt(file, "its " + OPT + "step is " + steps);
        for (Optimizer.State s : opt.state()) {
            for (Parameters.Named a : s.arrays().named()) {
                String name = OPT + s.name() + "_" + a.name();
                if (!npz.contains(name)) throw corrupt(file, "its optimizer " + opt.spec() + " lacks " + name);
                DMatrixRMaj m = CommonOps_DDRM.transpose(npz.matrix(name), null);
                if (m.numRows != a.matrix().numRows || m.numCols != a.matrix().numCols) {
                    throw corrupt(file, name + " is " + m.numCols + "x" + m.numRows + ", not shaped like its parameter");
                }
                a.matrix().setTo(m);
            }
        }
        opt.resumeAt((long) steps);
        return Optional.of(opt);
    }

    /** The data set a model file was trained on; MNIST when the file does not say. */
    public static DataSetKind dataSet(Path file) {
        return dataSet(file, Npz.read(file));
    }

    private static DataSetKind dataSet(Path file, Npz npz) {
        if (!npz.contains(DATASET)) return DataSetKind.MNIST;
        String label = npz.string(DATASET);
        try {
            return DataSetKind.parse(label);
        } catch (ScratchnetException e) {
            throw corrupt(file, "its " + DATASET + " entry names an unknown data set '" + label + "'");
        }
    }

    /**
     * Loads {@code file} and makes sure it was trained on {@code expected}: a network trained on
     * one data set means nothing on the other, although the shapes fit.
     *
     * @throws ScratchnetException naming both data sets and the remedy
     */
    public static Network load(Path file, DataSetKind expected) {
        Npz npz = Npz.read(file);
        DataSetKind trained = dataSet(file, npz);
        if (trained != expected) {
            throw new ScratchnetException("model " + file + " was trained on " + trained.displayName() + ", not "
                    + expected.displayName() + "; evaluate it with --dataset " + trained.label()
                    + ", or give a model trained on " + expected.displayName());
        }
        return load(file, npz);
    }

    /** Loads a network from {@code file}, whatever data set it was trained on. */
    public static Network load(Path file) {
        return load(file, Npz.read(file));
    }

    private static Network load(Path file, Npz npz) {
        BatchNormMode mode = npz.contains("bn_mode") ? BatchNormMode.parse(npz.string("bn_mode")) : BatchNormMode.OFF;
        List<Integer> sizes = new ArrayList<>();
        for (int l = 1; npz.contains("W" + l); l++) {
            DMatrixRMaj w = npz.matrix("W" + l);
            if (l == 1) sizes.add(w.numCols);
            if (w.numCols != sizes.get(l - 1)) {
                throw corrupt(file, "W" + l + " has " + w.numCols + " columns but layer " + (l - 1) + " has "
                        + sizes.get(l - 1) + " units");
            }
            sizes.add(w.numRows);
        }
        if (sizes.size() < 2) throw corrupt(file, "it holds no weight array W1");
        int[] n = sizes.stream().mapToInt(Integer::intValue).toArray();
        Parameters p = new Parameters(n, mode == BatchNormMode.FULL);
        RunningStats stats = new RunningStats(n);
        for (int l = 1; l < n.length; l++) {
            p.wt(l).setTo(CommonOps_DDRM.transpose(npz.matrix("W" + l), null));
            copyVector(file, npz, "b" + l, p.b(l));
            if (l < n.length - 1 && mode != BatchNormMode.OFF) {
                copyVector(file, npz, "running_mean" + l, stats.mean(l));
                copyVector(file, npz, "running_var" + l, stats.var(l));
                if (mode == BatchNormMode.FULL) {
                    copyVector(file, npz, "gamma" + l, p.gamma(l));
                    copyVector(file, npz, "beta" + l, p.beta(l));
                }
            }
        }
        return new Network(n, mode, activation(file, npz), formulas(file, npz), p, stats);
    }

    // The formulas a file records, entry by entry; the sound one where an entry is absent.
    private static Formulas formulas(Path file, Npz npz) {
        Formulas s = Formulas.SOUND;
        try {
            return new Formulas(
                    choice(npz, SOFTMAX, Formulas.Softmax.values(), Formulas.Softmax::label, s.softmax()),
                    choice(npz, CROSS_ENTROPY, Formulas.CrossEntropy.values(), Formulas.CrossEntropy::label, s.crossEntropy()),
                    choice(npz, BN_FORM, Formulas.BatchNormForm.values(), Formulas.BatchNormForm::label, s.batchNorm()),
                    choice(npz, L2_SCOPE, Formulas.L2Scope.values(), Formulas.L2Scope::label, s.l2()));
        } catch (IllegalArgumentException e) {
            throw corrupt(file, e.getMessage());
        }
    }

    // The activation a file records; ReLU, the only one before activations were a choice, where absent.
    private static Activation activation(Path file, Npz npz) {
        try {
            return choice(npz, ACTIVATION, Activation.values(), Activation::label, Activation.RELU);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, e.getMessage());
        }
    }

    private static <E> E choice(Npz npz, String entry, E[] values, java.util.function.Function<E, String> label, E absent) {
        if (!npz.contains(entry)) return absent;
        String text = npz.string(entry);
        for (E v : values) if (label.apply(v).equals(text)) return v;
        throw new IllegalArgumentException("its " + entry + " entry '" + text + "' is not a known choice");
    }

    private static DMatrixRMaj column(DMatrixRMaj row) {
        return CommonOps_DDRM.transpose(row, null);
    }

    private static void copyVector(Path file, Npz npz, String name, DMatrixRMaj target) {
        DMatrixRMaj v = npz.matrix(name);
        if (v.getNumElements() != target.getNumElements()) {
            throw corrupt(file, name + " has " + v.getNumElements() + " values, expected " + target.getNumElements());
        }
        System.arraycopy(v.data, 0, target.data, 0, target.getNumElements());
    }

    private static ScratchnetException corrupt(Path file, String what) {
        return new ScratchnetException("model file " + file + " does not describe a network: " + what
                + "; save the model again with `train --save`");
    }
}
