package io.github.scratchnet.nn;

import io.github.scratchnet.ScratchnetException;
import java.util.Arrays;
import java.util.Random;

/**
 * A feed-forward network: layer sizes, the batchnorm mode, the trained {@link Parameters} and the
 * batchnorm {@link RunningStats}. Hidden layers use ReLU, the output layer softmax.
 *
 * <p>The network holds state only; the arithmetic lives in the layer classes that {@link Pass}
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
    private final Parameters parameters;
    private final RunningStats runningStats;

    /** A network with the given parameters and running statistics (taken over, not copied). */
    public Network(int[] sizes, BatchNormMode batchNorm, Parameters parameters, RunningStats runningStats) {
        LayerSizes.requireValid(sizes);
        if (!Arrays.equals(sizes, parameters.sizes())) {
            throw new ScratchnetException("parameters have layer sizes " + Arrays.toString(parameters.sizes())
                    + " but the network expects " + Arrays.toString(sizes) + "; load the matching model");
        }
        if ((batchNorm == BatchNormMode.FULL) != parameters.hasScaleShift() && sizes.length > 2) {
            throw new ScratchnetException("batchnorm mode " + batchNorm.label()
                    + " does not match the parameters (gamma/beta " + (parameters.hasScaleShift() ? "present" : "absent")
                    + "); use the mode the model was trained with");
        }
        this.sizes = sizes.clone();
        this.batchNorm = batchNorm;
        this.parameters = parameters;
        this.runningStats = runningStats;
    }

    /**
     * He-normal weights (standard deviation {@code sqrt(2 / n(l-1))}), zero biases, unit batchnorm
     * scale and zero shift. Weights are drawn row by row of the report's {@code W}.
     */
    public static Network initialize(int[] sizes, BatchNormMode batchNorm, long seed) {
        LayerSizes.requireValid(sizes);
        Parameters p = new Parameters(sizes, batchNorm == BatchNormMode.FULL);
        Random random = new Random(seed);
        for (int l = 1; l < sizes.length; l++) {
            double std = Math.sqrt(2.0 / sizes[l - 1]);
            for (int out = 0; out < sizes[l]; out++) {
                for (int in = 0; in < sizes[l - 1]; in++) {
                    p.wt(l).set(in, out, random.nextGaussian() * std);
                }
            }
            if (p.gamma(l) != null) p.gamma(l).fill(1.0);
        }
        return new Network(sizes, batchNorm, p, new RunningStats(sizes));
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
        return new Network(sizes, batchNorm, parameters.copy(), stats);
    }

    /** Overwrites this network's parameters and running statistics with {@code other}'s. */
    public void setTo(Network other) {
        parameters.setTo(other.parameters);
        runningStats.setTo(other.runningStats);
    }

    @Override
    public String toString() {
        return "Network" + Arrays.toString(sizes) + " batchnorm=" + batchNorm.label();
    }
}
