package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.optim.Sgd;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast paths of {@link Propagator} pinned to readable versions, bit for bit: the blocked kernels
 * to plain loops, a whole forward and backward to {@link ReadablePass}, the fused SGD step to
 * {@code backward} followed by {@link Sgd#update}, and every split across threads to one thread.
 */
class PropagatorFastPathTest {
    static final int[] WIDE = {250, 20, 7, 5, 10}; // the reference shape, with more than two feature chunks
    static final int[] ODD = {13, 3, 11, 2, 6};     // widths that miss every block size

    /** Sparse-ish inputs in [0, 1] (about 60% zeros, like MNIST's pixels), random labels. */
    static Dataset sparseData(int samples, int features, int classes, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[samples][features];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < features; j++) x[i][j] = r.nextDouble() < 0.6 ? 0 : r.nextDouble();
            y[i] = r.nextInt(classes);
        }
        return Dataset.fromRows(x, y, classes);
    }

    /** A network with non-zero biases (and batchnorm scale/shift moved off 1/0). */
    static Network network(int[] sizes, BatchNormMode mode, long seed) {
        Network net = Network.initialize(sizes, mode, seed);
        Random r = new Random(seed + 1);
        Parameters p = net.parameters();
        for (int l = 1; l <= net.layers(); l++) {
            for (int j = 0; j < p.b(l).getNumElements(); j++) {
                p.b(l).data[j] = 0.1 * r.nextGaussian();
                if (p.gamma(l) != null) {
                    p.gamma(l).data[j] = 0.5 + r.nextDouble();
                    p.beta(l).data[j] = 0.3 * r.nextGaussian();
                }
            }
        }
        return net;
    }

    static int[] shuffled(int n, long seed) {
        return Dataset.permutation(n, new Random(seed));
    }

    static void assertSameBits(Parameters expected, Parameters actual, String what) {
        List<Parameters.Named> e = expected.named();
        List<Parameters.Named> a = actual.named();
        assertEquals(e.size(), a.size());
        for (int k = 0; k < e.size(); k++) {
            assertBits(e.get(k).matrix().data, a.get(k).matrix().data, what + " " + e.get(k).name());
        }
    }

    static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                throw new AssertionError(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} kernels")
    @ValueSource(strings = {"scalar", "vector"})
    void blockedKernelsAddInThePlainOrder(String kernels) {
        boolean vector = kernels.equals("vector");
        Random r = new Random(3);
        for (int width = 1; width <= 45; width++) {
            int rowsOfM = 17;
            double[] m = new double[rowsOfM * width];
            for (int i = 0; i < m.length; i++) m[i] = r.nextGaussian();
            int entries = 9;
            int[] row = new int[entries];
            double[] coef = new double[entries];
            for (int q = 0; q < entries; q++) {
                row[q] = r.nextInt(rowsOfM);
                coef[q] = r.nextGaussian();
            }
            double[] init = new double[width + 3];
            for (int i = 0; i < init.length; i++) init[i] = r.nextGaussian();

            // sparse: out[o] += Σ_q coef[q]·m[row[q], o], entries 2..8
            double[] plain = init.clone();
            for (int q = 2; q < entries; q++) {
                for (int o = 0; o < width; o++) plain[3 + o] += coef[q] * m[row[q] * width + o];
            }
            double[] fast = init.clone();
            if (vector) VectorKernels.sparseAccumulate(fast, 3, width, m, row, coef, 2, entries);
            else ScalarKernels.sparseAccumulate(fast, 3, width, m, row, coef, 2, entries);
            assertBits(plain, fast, kernels + " sparse width " + width);

            // dense, strided: out[o] += Σ_k x[1 + 2k]·m[k, o]
            double[] x = new double[2 * rowsOfM + 1];
            for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
            plain = init.clone();
            for (int k = 0; k < rowsOfM; k++) {
                for (int o = 0; o < width; o++) plain[3 + o] += x[1 + 2 * k] * m[k * width + o];
            }
            fast = init.clone();
            if (vector) VectorKernels.denseAccumulate(fast, 3, width, m, x, 1, 2, rowsOfM);
            else ScalarKernels.denseAccumulate(fast, 3, width, m, x, 1, 2, rowsOfM);
            assertBits(plain, fast, kernels + " dense width " + width);

            // scatter: dw[row[q], o] += coef[q]·dz[o] for every unit, zero or not, entries 1..8;
            // dw starts as a gradient does, at +0 (a -0 there would be turned to +0 by an added zero)
            double[] dz = new double[width + 2];
            int[] unit = new int[width + 2];
            int active = 0, rest = width;
            for (int o = 0; o < width; o++) {
                dz[2 + o] = r.nextDouble() < 0.5 ? (r.nextBoolean() ? 0.0 : -0.0) : r.nextGaussian();
                if (dz[2 + o] != 0) unit[1 + active++] = o;
                else unit[1 + --rest] = o;
            }
            double[] dwPlain = new double[rowsOfM * width];
            for (int i = 0; i < dwPlain.length; i++) dwPlain[i] = r.nextDouble() < 0.3 ? 0 : r.nextGaussian();
            double[] dwFast = dwPlain.clone();
            int[] distinct = java.util.stream.IntStream.range(0, rowsOfM).toArray(); // a sample's features differ
            for (int q = 1; q < entries; q++) {
                for (int o = 0; o < width; o++) dwPlain[distinct[q] * width + o] += coef[q] * dz[2 + o];
            }
            if (vector) VectorKernels.scatterRow(dwFast, width, distinct, coef, 1, entries, dz, 2);
            else ScalarKernels.scatterRow(dwFast, width, distinct, coef, 1, entries, dz, 2, unit, 1, active);
            assertBits(dwPlain, dwFast, kernels + " scatter width " + width + " active " + active);
        }
    }

    @Test
    void theVectorKernelsAreOnWhereTheProcessorHasThem() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector, as `make` and the kernel do
        assertEquals(VectorKernels.fitsHardware(), Kernels.vectorised(), Kernels.describe());
    }

    @ParameterizedTest(name = "m={0} threads={1} lambda={2}")
    @CsvSource({"1,1,0", "9,1,0.7", "150,1,0", "150,2,0.7", "150,3,0", "700,2,0"})
    void forwardAndBackwardEqualTheReadableLoops(int m, int threads, double lambda) {
        for (int[] sizes : List.of(WIDE, ODD)) {
            Network net = network(sizes, BatchNormMode.OFF, 8);
            Dataset data = sparseData(m + 40, sizes[0], sizes[sizes.length - 1], 4);
            int[] order = shuffled(data.size(), 5);
            ReadablePass reference = new ReadablePass(net, data, order, 20, 20 + m, lambda);
            try (Propagator propagator = new Propagator(net, m, threads)) {
                Parameters grads = Parameters.zerosLike(net.parameters());
                propagator.forward(data, order, 20, 20 + m, true);
                propagator.backward(lambda, grads);
                assertEquals(Double.doubleToLongBits(reference.costSum), Double.doubleToLongBits(propagator.crossEntropySum()));
                assertEquals(reference.correct, propagator.correct());
                assertBits(reference.probs, java.util.Arrays.copyOf(propagator.probabilities().data, m * sizes[sizes.length - 1]),
                        "probabilities");
                assertSameBits(reference.grads, grads, "gradient");
            }
        }
    }

    @ParameterizedTest(name = "batchnorm={0} m={1} threads={2} lambda={3}")
    @CsvSource({
        "OFF,9,1,0", "OFF,9,1,0.7", "OFF,150,2,0", "OFF,150,2,0.7", "OFF,700,2,0", "OFF,700,1,0.7",
        "NORMALIZE,9,1,0", "NORMALIZE,150,2,0.7", "NORMALIZE,700,2,0",
        "FULL,9,1,0.7", "FULL,150,2,0", "FULL,700,1,0.7"})
    void fusedStepEqualsBackwardThenSgd(BatchNormMode mode, int m, int threads, double lambda) {
        Network fused = network(WIDE, mode, 2);
        Network plain = fused.copy();
        Dataset data = sparseData(3 * m, WIDE[0], WIDE[WIDE.length - 1], 6);
        int[] order = shuffled(data.size(), 7);
        double rate = 0.05;
        try (Propagator a = new Propagator(fused, m, threads); Propagator b = new Propagator(plain, m)) {
            Parameters grads = Parameters.zerosLike(plain.parameters());
            for (int step = 0; step < 3; step++) {
                a.forward(data, order, step * m, step * m + m, true);
                a.backwardAndUpdate(lambda, rate);
                b.forward(data, order, step * m, step * m + m, true);
                b.backward(lambda, grads);
                Sgd.update(plain.parameters(), grads, rate);
                assertEquals(Double.doubleToLongBits(b.crossEntropySum()), Double.doubleToLongBits(a.crossEntropySum()));
                assertSameBits(plain.parameters(), fused.parameters(), "step " + step);
            }
            for (int l = 1; l < WIDE.length - 1; l++) {
                assertBits(plain.runningStats().mean(l).data, fused.runningStats().mean(l).data, "running mean " + l);
                assertBits(plain.runningStats().var(l).data, fused.runningStats().var(l).data, "running var " + l);
            }
        }
    }

    @ParameterizedTest(name = "batchnorm={0}")
    @CsvSource({"OFF", "NORMALIZE", "FULL"})
    void theNumberOfThreadsChangesNothing(BatchNormMode mode) {
        int m = 2 * ThreadSplit.PARALLEL_MIN_ROWS + 7;
        Dataset data = sparseData(m, WIDE[0], WIDE[WIDE.length - 1], 9);
        int[] order = shuffled(m, 10);
        Parameters[] grads = new Parameters[4];
        Network[] stepped = new Network[4];
        double[] cost = new double[4];
        double[] inference = new double[4];
        for (int threads = 1; threads <= 3; threads++) {
            Network net = network(WIDE, mode, 11);
            try (Propagator propagator = new Propagator(net, m, threads)) {
                grads[threads] = Parameters.zerosLike(net.parameters());
                propagator.forward(data, order, 0, m, true);
                propagator.backward(0.3, grads[threads]);
                cost[threads] = propagator.crossEntropySum();
                propagator.backwardAndUpdate(0.3, 0.1);
                propagator.forward(data, order, 0, m, false);
                inference[threads] = propagator.crossEntropySum();
                stepped[threads] = net;
            }
        }
        for (int threads = 2; threads <= 3; threads++) {
            assertEquals(Double.doubleToLongBits(cost[1]), Double.doubleToLongBits(cost[threads]));
            assertEquals(Double.doubleToLongBits(inference[1]), Double.doubleToLongBits(inference[threads]));
            assertSameBits(grads[1], grads[threads], threads + " threads, gradient");
            assertSameBits(stepped[1].parameters(), stepped[threads].parameters(), threads + " threads, after a step");
        }
    }

    @ParameterizedTest(name = "batchnorm={0}")
    @CsvSource({"OFF", "NORMALIZE", "FULL"})
    void inferenceWithoutSoftmaxGivesTheSameCostAndPredictions(BatchNormMode mode) {
        Network net = network(WIDE, mode, 12);
        Dataset data = sparseData(60, WIDE[0], WIDE[WIDE.length - 1], 13);
        Propagator propagator = new Propagator(net, 60);
        propagator.forward(data, null, 0, 60, true); // moves the running statistics off their start
        propagator.forward(data, null, 0, 60, false);
        double cost = propagator.crossEntropySum();
        int correct = propagator.correct();
        int[] predicted = new int[60];
        for (int i = 0; i < 60; i++) predicted[i] = propagator.predicted(i);
        propagator.evaluate(data, 0, 60);
        assertEquals(Double.doubleToLongBits(cost), Double.doubleToLongBits(propagator.crossEntropySum()));
        assertEquals(correct, propagator.correct());
        for (int i = 0; i < 60; i++) assertEquals(predicted[i], propagator.predicted(i));
    }

    /**
     * Forward and backward with batchnorm off in plain loops over dense rows, in the order the
     * formulas read: {@code z = b + Σ_k a_k·W[k]} input by input, {@code dWt = Σ_i a_iᵀ·dz_i} sample by
     * sample, a zero input adding nothing. The fast pass must match it to the bit.
     */
    static final class ReadablePass {
        final double[] probs;
        final Parameters grads;
        double costSum;
        int correct;

        ReadablePass(Network net, Dataset data, int[] order, int from, int to, double lambda) {
            int[] n = net.sizes();
            int layers = n.length - 1;
            int m = to - from;
            Parameters p = net.parameters();
            double[][] x = new double[m][n[0]];
            int[] label = new int[m];
            for (int i = 0; i < m; i++) {
                int s = order[from + i];
                for (int q = data.rowStart(s); q < data.rowEnd(s); q++) x[i][data.columnAt(q)] = data.valueAt(q);
                label[i] = data.label(s);
            }
            // forward: Z = A·Wt + b, A = relu(Z); the output's softmax through log-sum-exp
            double[][][] z = new double[layers + 1][][];
            double[][][] a = new double[layers][][];
            a[0] = x;
            for (int l = 1; l <= layers; l++) {
                z[l] = new double[m][n[l]];
                if (l < layers) a[l] = new double[m][n[l]];
                for (int i = 0; i < m; i++) {
                    for (int o = 0; o < n[l]; o++) {
                        double s = p.b(l).data[o];
                        for (int k = 0; k < n[l - 1]; k++) {
                            if (l == 1 && a[0][i][k] == 0) continue; // the stored entries only
                            s += a[l - 1][i][k] * p.wt(l).data[k * n[l] + o];
                        }
                        z[l][i][o] = s;
                        if (l < layers) a[l][i][o] = Math.max(s, 0);
                    }
                }
            }
            int classes = n[layers];
            probs = new double[m * classes];
            for (int i = 0; i < m; i++) {
                double[] zi = z[layers][i];
                int argmax = 0;
                for (int j = 1; j < classes; j++) if (zi[j] > zi[argmax]) argmax = j;
                double max = zi[argmax];
                double sum = 0;
                for (int j = 0; j < classes; j++) {
                    probs[i * classes + j] = Math.exp(zi[j] - max);
                    sum += probs[i * classes + j];
                }
                for (int j = 0; j < classes; j++) probs[i * classes + j] /= sum;
                costSum += max + Math.log(sum) - zi[label[i]];
                if (argmax == label[i]) correct++;
            }
            // backward: dZ_L = (P - Y)/m; dWt = A(l-1)ᵀ·dZ + (λ/m)·Wt; db = Σ dZ; dZ(l-1) = dZ·Wtᵀ ⊙ [Z > 0]
            grads = Parameters.zerosLike(p);
            double[][] dz = new double[m][classes];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < classes; j++) dz[i][j] = probs[i * classes + j] / m;
                dz[i][label[i]] -= 1.0 / m;
            }
            for (int l = layers; l >= 1; l--) {
                double[] dw = grads.wt(l).data;
                double[] w = p.wt(l).data;
                for (int k = 0; k < n[l - 1]; k++) {
                    for (int o = 0; o < n[l]; o++) {
                        double s = 0;
                        for (int i = 0; i < m; i++) {
                            if (l == 1 && a[0][i][k] == 0) continue;
                            s += a[l - 1][i][k] * dz[i][o];
                        }
                        dw[k * n[l] + o] = lambda == 0 ? s : s + lambda / m * w[k * n[l] + o];
                    }
                }
                for (int o = 0; o < n[l]; o++) {
                    double s = 0;
                    for (int i = 0; i < m; i++) s += dz[i][o];
                    grads.b(l).data[o] = s;
                }
                if (l > 1) {
                    double[][] prev = new double[m][n[l - 1]];
                    for (int i = 0; i < m; i++) {
                        for (int k = 0; k < n[l - 1]; k++) {
                            double s = 0;
                            for (int o = 0; o < n[l]; o++) s += dz[i][o] * w[k * n[l] + o];
                            prev[i][k] = z[l - 1][i][k] > 0 ? s : 0;
                        }
                    }
                    dz = prev;
                }
            }
        }
    }
}
