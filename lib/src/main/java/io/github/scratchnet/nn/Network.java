package io.github.scratchnet.nn;

import io.github.scratchnet.ScratchnetException;
import java.util.Arrays;
import io.github.scratchnet.random.TorchGenerator;
import java.util.Random;

/**
 * A feed-forward network: layer sizes, the batchnorm mode, the hidden layers' {@link Activation}
 * (ReLU unless given), the trained {@link Parameters} and the batchnorm {@link RunningStats}. The
 * output layer uses softmax.
 *
 * <p>The network holds state only; the arithmetic lives in the layer classes that {@link Propagator}
 * composes (forward and backward on a batch) and in {@link Evaluator} (cost and accuracy on a
 * whole data set).
 */
public final class Network {
    /** Added to the batch variance before the square root, as in common frameworks. */
    public static final double BN_EPSILON = 1e-5;
    /** Weight of the old value when the running statistics are updated after a batch. */
    public static final double BN_MOMENTUM = 0.9;

    private final int[] sizes;
    private final BatchNormMode batchNorm;
    private final Activation activation;
    private final Formulas formulas;
    private final Parameters parameters;
    private final RunningStats runningStats;

    /** A network with the given parameters and running statistics (taken over, not copied), computing with {@link Formulas#SOUND}. */
    public Network(int[] sizes, BatchNormMode batchNorm, Parameters parameters, RunningStats runningStats) {
        this(sizes, batchNorm, Formulas.SOUND, parameters, runningStats);
    }

    /** A ReLU network with the given formulas, parameters and running statistics (taken over, not copied). */
    public Network(int[] sizes, BatchNormMode batchNorm, Formulas formulas, Parameters parameters,
            RunningStats runningStats) {
        this(sizes, batchNorm, Activation.RELU, formulas, parameters, runningStats);
    }

    /** A network with the given activation, formulas, parameters and running statistics (taken over, not copied). */
    public Network(int[] sizes, BatchNormMode batchNorm, Activation activation, Formulas formulas, Parameters parameters,
            RunningStats runningStats) {
        LayerSizes.requireValid(sizes);
        java.util.Objects.requireNonNull(activation, "activation");
        if (!Arrays.equals(sizes, parameters.sizes())) {
            throw new ScratchnetException("parameters have layer sizes " + Arrays.toString(parameters.sizes())
                    + " but the network expects " + Arrays.toString(sizes) + "; load the matching model");
        }
        if ((batchNorm == BatchNormMode.FULL) != parameters.hasScaleShift() && sizes.length > 2) {
            throw new ScratchnetException("batchnorm mode " + batchNorm.label()
                    + " does not match the parameters (gamma/beta " + (parameters.hasScaleShift() ? "present" : "absent")
                    + "); use the mode the model was trained with");
        }
        if (batchNorm == BatchNormMode.FULL && formulas.batchNorm() == Formulas.BatchNormForm.REPORT) {
            throw new ScratchnetException("the report's batchnorm normalises after the activation and has no full form;"
                    + " use batchnorm normalize, or the standard batchnorm form");
        }
        this.sizes = sizes.clone();
        this.batchNorm = batchNorm;
        this.activation = activation;
        this.formulas = formulas;
        this.parameters = parameters;
        this.runningStats = runningStats;
    }

    /**
     * A ReLU network with He-normal weights (standard deviation {@code sqrt(2 / n(l-1))}), zero
     * biases, unit batchnorm scale and zero shift. Weights are drawn row by row of the report's {@code W}.
     */
    public static Network initialize(int[] sizes, BatchNormMode batchNorm, long seed) {
        return initialize(sizes, batchNorm, Formulas.SOUND, Initialization.HE, seed);
    }

    /** {@link #initialize(int[], BatchNormMode, Activation, Formulas, Initialization, long)} of a ReLU network. */
    public static Network initialize(int[] sizes, BatchNormMode batchNorm, Formulas formulas, Initialization init,
            long seed) {
        return initialize(sizes, batchNorm, Activation.RELU, formulas, init, seed);
    }

    /**
     * A fresh network with hidden activation {@code activation}, computing with {@code formulas}, its
     * weights drawn by {@code init} from {@code seed} (the activation's own is
     * {@link Activation#defaultInitialization()}); zero biases, unit batchnorm scale and zero shift.
     */
    public static Network initialize(int[] sizes, BatchNormMode batchNorm, Activation activation, Formulas formulas,
            Initialization init, long seed) {
        LayerSizes.requireValid(sizes);
        Parameters p = new Parameters(sizes, batchNorm == BatchNormMode.FULL);
        switch (init) {
            case HE -> normal(p, sizes, seed, false);
            case XAVIER -> normal(p, sizes, seed, true);
            case WIDTH_SCALED -> widthScaled(p, sizes, seed);
        }
        for (int l = 1; l < sizes.length; l++) if (p.gamma(l) != null) p.gamma(l).fill(1.0);
        return new Network(sizes, batchNorm, activation, formulas, p, new RunningStats(sizes));
    }

    // He: W(l) ~ N(0, 2/n(l-1)); Xavier: W(l) ~ N(0, 2/(n(l-1) + n(l))); drawn row by row of the report's W
    private static void normal(Parameters p, int[] sizes, long seed, boolean xavier) {
        Random random = new Random(seed);
        for (int l = 1; l < sizes.length; l++) {
            double std = Math.sqrt(2.0 / (xavier ? sizes[l - 1] + sizes[l] : sizes[l - 1]));
            for (int out = 0; out < sizes[l]; out++) {
                for (int in = 0; in < sizes[l - 1]; in++) {
                    p.wt(l).set(in, out, random.nextGaussian() * std);
                }
            }
        }
    }

    // W(l) = randn(n(l), n(l-1)) / n(l), PyTorch's stream after manual_seed(seed), layer after layer
    private static void widthScaled(Parameters p, int[] sizes, long seed) {
        double[][] w = TorchGenerator.widthScaledWeights(seed, sizes);
        for (int l = 1; l < sizes.length; l++) {
            double[] row = w[l - 1];
            int in = sizes[l - 1];
            for (int out = 0; out < sizes[l]; out++) {
                for (int i = 0; i < in; i++) p.wt(l).set(i, out, row[out * in + i]);
            }
        }
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public int layers() {
        return sizes.length - 1;
    }

    public BatchNormMode batchNorm() {
        return batchNorm;
    }

    /** The function of the hidden layers. */
    public Activation activation() {
        return activation;
    }

    /** The formulas of its softmax, cost, batchnorm and L2 term. */
    public Formulas formulas() {
        return formulas;
    }

    /**
     * Whether inference needs whole-set statistics: the report's batchnorm normalises every set it
     * scores with that set's own mean and deviation, so the set cannot be cut into chunks.
     */
    public boolean scoresWholeSets() {
        return batchNorm != BatchNormMode.OFF && formulas.batchNorm() == Formulas.BatchNormForm.REPORT;
    }

    /** The L2 sum {@code Σθ²} of the cost: weights, or weights and biases, as the formulas say. */
    public double l2SumOfSquares() {
        return formulas.l2() == Formulas.L2Scope.WEIGHTS ? parameters.sumOfSquaredWeights()
                : parameters.sumOfSquaredWeightsAndBiases();
    }

    /** The trained parameters; live, not a copy. */
    public Parameters parameters() {
        return parameters;
    }

    /** The batchnorm running statistics; live, not a copy. */
    public RunningStats runningStats() {
        return runningStats;
    }

    /** A deep copy: parameters and running statistics. */
    public Network copy() {
        RunningStats stats = new RunningStats(sizes);
        stats.setTo(runningStats);
        return new Network(sizes, batchNorm, activation, formulas, parameters.copy(), stats);
    }

    /** Overwrites this network's parameters and running statistics with {@code other}'s. */
    public void setTo(Network other) {
        parameters.setTo(other.parameters);
        runningStats.setTo(other.runningStats);
    }

    @Override
    public String toString() {
        return "Network" + Arrays.toString(sizes) + " batchnorm=" + batchNorm.label()
                + (activation == Activation.RELU ? "" : " activation=" + activation.label())
                + (formulas.equals(Formulas.SOUND) ? "" : " " + formulas);
    }
}
