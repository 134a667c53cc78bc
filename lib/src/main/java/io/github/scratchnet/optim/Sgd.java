package io.github.scratchnet.optim;

import io.github.scratchnet.nn.Parameters;
import io.github.scratchnet.nn.Parameters.Part;
import java.util.List;

/**
 * Plain stochastic gradient descent, {@code θ ← θ + (-rate)·dθ}: no state. The engine's fused
 * step applies it array by array as the gradients are done, and to the sparse first layer by
 * {@link #updateWrittenRows}; tests pin both to {@link #update(Parameters, Parameters, double)}.
 */
public final class Sgd extends Optimizer {
    Sgd(double learningRate, Parameters params) {
        super(OptimizerSpec.SGD, learningRate, params);
    }

    /** Plain SGD of {@code params}, the default optimiser. */
    public static Sgd of(double learningRate, Parameters params) {
        return new Sgd(learningRate, params);
    }

    /** {@code θ ← θ + (-learningRate)·dθ} for every array of {@code params}; allocates nothing. */
    public static void update(Parameters params, Parameters grads, double learningRate) {
        new Sgd(learningRate, params).step(grads);
    }

    // θ ← θ + (-rate)·dθ, element by element
    @Override
    public void update(Parameters grads, Part part, int l, int from, int to) {
        double[] theta = parameters().array(part, l).data;
        double[] grad = grads.array(part, l).data;
        double move = -learningRate();
        for (int e = from; e < to; e++) theta[e] += move * grad[e];
    }

    /**
     * The fused step of rows {@code j0..j1} of a weight array {@code w} ({@code width} values a row)
     * whose gradient {@code dw} holds the data part only, written into the rows marked in
     * {@code touched} (every row when {@code touched} is null) and zero elsewhere:
     * {@code W ← W + (-rate)·(dW + c·W)} with {@code c = λ/m}. A row not written moves by its L2
     * part alone (not at all without L2) and is not read; every row written is set back to zero, so
     * {@code dw} is zero between steps.
     */
    public void updateWrittenRows(double[] w, double[] dw, int width, int j0, int j1, boolean[] touched, double c) {
        double move = -learningRate();
        boolean l2 = c != 0;
        for (int j = j0; j < j1; j++) {
            int jo = j * width;
            if (touched == null || touched[j]) {
                if (touched != null) touched[j] = false;
                for (int e = jo; e < jo + width; e++) {
                    w[e] += move * (l2 ? dw[e] + c * w[e] : dw[e]);
                    dw[e] = 0;
                }
            } else if (l2) {
                for (int e = jo; e < jo + width; e++) w[e] += move * (dw[e] + c * w[e]);
            }
        }
    }

    @Override
    public List<State> state() {
        return List.of();
    }
}
