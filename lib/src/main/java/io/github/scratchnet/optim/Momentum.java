package io.github.scratchnet.optim;

import io.github.scratchnet.nn.Parameters;
import io.github.scratchnet.nn.Parameters.Part;
import java.util.List;

/**
 * SGD with classical momentum, in PyTorch's form: a velocity per parameter,
 * {@code v ← μ·v + dθ}, then {@code θ ← θ + (-rate)·v} (no dampening, not Nesterov). The
 * velocity starts at zero, so the first step is plain SGD's.
 */
public final class Momentum extends Optimizer {
    private final Parameters velocity;

    Momentum(OptimizerSpec spec, double learningRate, Parameters params) {
        super(spec, learningRate, params);
        velocity = Parameters.zerosLike(params);
    }

    // v ← μ·v + dθ; θ ← θ + (-rate)·v
    @Override
    public void update(Parameters grads, Part part, int l, int from, int to) {
        double[] theta = parameters().array(part, l).data;
        double[] grad = grads.array(part, l).data;
        double[] v = velocity.array(part, l).data;
        double mu = spec().momentum();
        double move = -learningRate();
        for (int e = from; e < to; e++) {
            v[e] = mu * v[e] + grad[e];
            theta[e] += move * v[e];
        }
    }

    @Override
    public List<State> state() {
        return List.of(new State("velocity", velocity));
    }
}
