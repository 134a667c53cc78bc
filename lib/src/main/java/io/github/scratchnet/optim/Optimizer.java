package io.github.scratchnet.optim;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.nn.Parameters;
import io.github.scratchnet.nn.Parameters.Part;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The update rule of one network's {@link Parameters} and the state it keeps per parameter: the
 * layers compute the gradients, then the optimiser moves each array by them ({@link #step}, or
 * array by array with {@link #update} inside the engine's fused step). Made by {@link
 * OptimizerSpec#create}; not thread-safe across steps, but the updates of one step may run on
 * different threads for disjoint arrays or ranges.
 */
public abstract class Optimizer {
    private final OptimizerSpec spec;
    private final double learningRate;
    private final Parameters params;
    private long steps;

    Optimizer(OptimizerSpec spec, double learningRate, Parameters params) {
        this.spec = spec;
        this.learningRate = learningRate;
        this.params = params;
    }

    /** What this optimiser is: its kind and parameters. */
    public final OptimizerSpec spec() {
        return spec;
    }

    public final double learningRate() {
        return learningRate;
    }

    /** The parameters this optimiser moves; live, not a copy. */
    public final Parameters parameters() {
        return params;
    }

    /** Steps started so far (Adam's bias correction counts them). */
    public final long steps() {
        return steps;
    }

    /** Starts a step: called once, before the step's {@link #update}s. */
    public final void startStep() {
        steps++;
    }

    /**
     * Moves elements {@code [from, to)} of array {@code part} of layer {@code l} by the same
     * elements of {@code grads}, the gradient of the cost; {@link #startStep} must have begun the step.
     */
    public abstract void update(Parameters grads, Part part, int l, int from, int to);

    /** {@link #update} of a whole array; nothing for a gamma or beta the network does not train. */
    public final void update(Parameters grads, Part part, int l) {
        DMatrixRMaj a = params.array(part, l);
        if (a != null) update(grads, part, l, 0, a.getNumElements());
    }

    /** One step of every array by {@code grads} (PyTorch's {@code optimizer.step()} after {@code backward()}). */
    public final void step(Parameters grads) {
        startStep();
        for (int l = 1; l <= params.layers(); l++) {
            for (Part part : Part.values()) update(grads, part, l);
        }
    }

    /** The state arrays, each a set of arrays shaped like the parameters, by name ({@code velocity}, {@code m}, {@code v}); live. */
    public abstract List<State> state();

    /** An optimiser of the same kind for {@code other} (parameters of the same shapes), with a copy of this one's state. */
    public final Optimizer copyFor(Parameters other) {
        Optimizer copy = spec.create(learningRate, other);
        copy.setTo(this);
        return copy;
    }

    /**
     * Overwrites this optimiser's state and step count with {@code other}'s (same kind and shapes),
     * as restore-best does with the parameters.
     */
    public final void setTo(Optimizer other) {
        if (!other.spec.equals(spec)) {
            throw new ScratchnetException("cannot copy the state of optimizer " + other.spec + " into " + spec);
        }
        List<State> mine = state();
        List<State> theirs = other.state();
        for (int i = 0; i < mine.size(); i++) mine.get(i).arrays().setTo(theirs.get(i).arrays());
        steps = other.steps;
    }

    /** Sets the step count, for state read back from a file. */
    public final void resumeAt(long steps) {
        if (steps < 0) throw new ScratchnetException("an optimizer's step count cannot be negative, got " + steps);
        this.steps = steps;
    }

    @Override
    public String toString() {
        return spec + " lr=" + learningRate + " steps=" + steps;
    }

    /** One kind of state: its name ({@code velocity}) and its arrays, one per parameter array. */
    public record State(String name, Parameters arrays) {}
}
