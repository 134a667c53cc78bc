package io.github.scratchnet.optim;

import io.github.scratchnet.nn.Parameters;
import io.github.scratchnet.nn.Parameters.Part;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) with bias correction, in PyTorch's form: first and second moments
 * per parameter and the number of steps {@code t},
 * {@code m ← β1·m + (1-β1)·dθ}, {@code v ← β2·v + (1-β2)·dθ²},
 * {@code θ ← θ - (rate/(1-β1ᵗ))·m / (√v/√(1-β2ᵗ) + ε)}. Both moments start at zero.
 */
public final class Adam extends Optimizer {
    private final Parameters m;
    private final Parameters v;

    Adam(OptimizerSpec spec, double learningRate, Parameters params) {
        super(spec, learningRate, params);
        m = Parameters.zerosLike(params);
        v = Parameters.zerosLike(params);
    }

    @Override
    public void update(Parameters grads, Part part, int l, int from, int to) {
        double[] theta = parameters().array(part, l).data;
        double[] grad = grads.array(part, l).data;
        double[] m1 = m.array(part, l).data;
        double[] m2 = v.array(part, l).data;
        OptimizerSpec s = spec();
        double b1 = s.beta1();
        double b2 = s.beta2();
        double eps = s.epsilon();
        // the bias corrections of step t: rate/(1-β1ᵗ) and √(1-β2ᵗ)
        double stepSize = learningRate() / (1 - Math.pow(b1, steps()));
        double sqrtCorrection2 = Math.sqrt(1 - Math.pow(b2, steps()));
        // m ← β1·m + (1-β1)·dθ; v ← β2·v + (1-β2)·dθ²; θ ← θ - stepSize·m/(√v/√(1-β2ᵗ) + ε)
        for (int e = from; e < to; e++) {
            double g = grad[e];
            m1[e] = b1 * m1[e] + (1 - b1) * g;
            m2[e] = b2 * m2[e] + (1 - b2) * g * g;
            theta[e] -= stepSize * m1[e] / (Math.sqrt(m2[e]) / sqrtCorrection2 + eps);
        }
    }

    @Override
    public List<State> state() {
        return List.of(new State("m", m), new State("v", v));
    }
}
