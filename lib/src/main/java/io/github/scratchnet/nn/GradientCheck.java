package io.github.scratchnet.nn;

import io.github.scratchnet.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Central finite differences against {@link Propagator#backward}: for every entry θ of every parameter
 * array, {@code (J(θ+h) - J(θ-h)) / 2h} is compared with the analytic gradient, where J is the
 * training-mode cost including the L2 term. Used by the tests and shown in the walkthrough
 * notebook; it costs two forward passes per parameter, so use it on small networks.
 */
public final class GradientCheck {
    /** The finite-difference step: small enough for O(h²) truncation, large enough for rounding. */
    public static final double H = 1e-5;

    /** One row of the comparison table: parameter name | max abs diff | relative error. */
    public record Row(String name, double maxAbsDiff, double relativeError) {
        @Override
        public String toString() {
            return String.format("%-7s | %.3e | %.3e", name, maxAbsDiff, relativeError);
        }
    }

    private GradientCheck() {}

    /** Compares every gradient of {@code net} on all of {@code data} (one batch) with finite differences. */
    public static List<Row> run(Network net, Dataset data, double lambda) {
        return run(net, data, lambda, lambda);
    }

    /** As {@link #run(Network, Dataset, double)}, but the analytic side may use another lambda: a planted error. */
    public static List<Row> run(Network net, Dataset data, double lambda, double analyticLambda) {
        Propagator propagator = new Propagator(net, data.size());
        Parameters grads = Parameters.zerosLike(net.parameters());
        propagator.forward(data, null, 0, data.size(), true);
        propagator.backward(analyticLambda, grads);
        List<Row> rows = new ArrayList<>();
        List<Parameters.Named> params = net.parameters().named();
        List<Parameters.Named> analytic = grads.named();
        for (int k = 0; k < params.size(); k++) {
            rows.add(compare(params.get(k).name(), params.get(k).matrix(), analytic.get(k).matrix(),
                    () -> cost(propagator, net, data, lambda)));
        }
        return rows;
    }

    /**
     * Moves every entry of {@code theta} by ±{@link #H} in place (and back), and compares
     * {@code (J(θ+h) - J(θ-h)) / 2h} with {@code analytic}: the check of one parameter array for
     * any cost function {@code cost} that reads {@code theta}.
     */
    public static Row compare(String name, DMatrixRMaj theta, DMatrixRMaj analytic, DoubleSupplier cost) {
        double diff2 = 0, a2 = 0, n2 = 0, maxAbs = 0;
        for (int i = 0; i < theta.getNumElements(); i++) {
            double saved = theta.data[i];
            theta.data[i] = saved + H;
            double plus = cost.getAsDouble();
            theta.data[i] = saved - H;
            double minus = cost.getAsDouble();
            theta.data[i] = saved;
            double numeric = (plus - minus) / (2 * H);
            double d = analytic.data[i] - numeric;
            diff2 += d * d;
            a2 += analytic.data[i] * analytic.data[i];
            n2 += numeric * numeric;
            maxAbs = Math.max(maxAbs, Math.abs(d));
        }
        double denominator = Math.sqrt(a2) + Math.sqrt(n2);
        // A gradient that is zero by construction (the bias in front of full batchnorm) has no
        // scale to be relative to: judge it by its absolute difference instead.
        double rel = denominator < 1e-8 ? maxAbs : Math.sqrt(diff2) / denominator;
        return new Row(name, maxAbs, rel);
    }

    /** The training-mode cost J of {@code net} on {@code data}, L2 term included. */
    public static double cost(Propagator propagator, Network net, Dataset data, double lambda) {
        propagator.forward(data, null, 0, data.size(), true);
        return propagator.crossEntropy() + lambda / (2.0 * data.size()) * net.l2SumOfSquares();
    }
}
