package io.github.scratchnet.report;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.nn.Parameters;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import io.github.scratchnet.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The report's functions, one Java method each, in the report's layout: {@code X} is
 * features x samples, {@code Y} one-hot classes x samples, {@code W<l>} is {@code n_l x n_{l-1}}
 * and {@code b<l>} is {@code n_l x 1}; parameters and gradients are maps keyed as in the report
 * ({@code "W1"}, {@code "b1"}, {@code "dW1"}, ...).
 *
 * <p>This is the readable version, written for the walkthrough notebook: every step allocates its
 * result. Training ({@link #lLayerModel}) runs on the fast engine in {@code nn}/{@code train}, and
 * a test keeps the two equal to rounding error.
 */
public final class ReportNetwork {
    private ReportNetwork() {}

    /** What {@code linearForward} keeps for the backward pass. */
    public record LinearCache(DMatrixRMaj a, DMatrixRMaj w, DMatrixRMaj b) {}

    /** What a hidden layer keeps: its linear cache, its pre-activation and, with batchnorm, its normalisation. */
    public record LayerCache(LinearCache linear, DMatrixRMaj z, BatchnormCache batchnorm) {}

    /** What {@code applyBatchnorm} keeps: the normalised output and 1/sqrt(var + eps) per unit. */
    public record BatchnormCache(DMatrixRMaj normalized, double[] invStd) {}

    /** An output with its cache. */
    public record Forward<C>(DMatrixRMaj output, C cache) {}

    /** Gradients of a linear layer. */
    public record LinearGradients(DMatrixRMaj dAPrev, DMatrixRMaj dW, DMatrixRMaj db) {}

    /** He-normal weights ({@code N(0, 2/n_{l-1})}), zero biases, drawn as {@link Network#initialize} draws them. */
    public static Map<String, DMatrixRMaj> initializeParameters(int[] layerDims, long seed) {
        return toReport(Network.initialize(layerDims, BatchNormMode.OFF, seed).parameters());
    }

    /** {@code Z = W·A + b} (b broadcast over the samples). */
    public static Forward<LinearCache> linearForward(DMatrixRMaj a, DMatrixRMaj w, DMatrixRMaj b) {
        if (w.numCols != a.numRows || b.numRows != w.numRows) {
            throw new ScratchnetException("linearForward: W is " + w.numRows + "x" + w.numCols + ", A is "
                    + a.numRows + "x" + a.numCols + ", b is " + b.numRows + "x" + b.numCols
                    + "; W needs as many columns as A has rows and b one row per row of W");
        }
        DMatrixRMaj z = new DMatrixRMaj(w.numRows, a.numCols);
        CommonOps_DDRM.mult(w, a, z);
        for (int i = 0; i < z.numRows; i++) {
            for (int j = 0; j < z.numCols; j++) z.add(i, j, b.get(i, 0));
        }
        return new Forward<>(z, new LinearCache(a, w, b));
    }

    /** {@code A = max(Z, 0)}; the cache is Z. */
    public static Forward<DMatrixRMaj> relu(DMatrixRMaj z) {
        DMatrixRMaj a = z.copy();
        for (int i = 0; i < a.getNumElements(); i++) a.data[i] = Math.max(a.data[i], 0);
        return new Forward<>(a, z);
    }

    /** Column-wise softmax, shifted by each column's maximum so large logits cannot overflow. */
    public static Forward<DMatrixRMaj> softmax(DMatrixRMaj z) {
        DMatrixRMaj a = new DMatrixRMaj(z.numRows, z.numCols);
        for (int j = 0; j < z.numCols; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < z.numRows; i++) max = Math.max(max, z.get(i, j));
            double sum = 0;
            for (int i = 0; i < z.numRows; i++) {
                double e = Math.exp(z.get(i, j) - max);
                a.set(i, j, e);
                sum += e;
            }
            for (int i = 0; i < z.numRows; i++) a.set(i, j, a.get(i, j) / sum);
        }
        return new Forward<>(a, z);
    }

    /** A linear layer followed by {@code "relu"} or {@code "softmax"}. */
    public static Forward<LayerCache> linearActivationForward(DMatrixRMaj aPrev, DMatrixRMaj w, DMatrixRMaj b, String activation) {
        Forward<LinearCache> lin = linearForward(aPrev, w, b);
        Forward<DMatrixRMaj> act = switch (activation) {
            case "relu" -> relu(lin.output());
            case "softmax" -> softmax(lin.output());
            default -> throw new ScratchnetException("unknown activation '" + activation + "'; use relu or softmax");
        };
        return new Forward<>(act.output(), new LayerCache(lin.cache(), lin.output(), null));
    }

    /**
     * The report's batchnorm: each unit (row) normalised by its mean and variance over the batch
     * (columns), no learnable scale or shift.
     */
    public static Forward<BatchnormCache> applyBatchnorm(DMatrixRMaj a) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        double[] invStd = new double[a.numRows];
        int m = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double mean = 0, var = 0;
            for (int j = 0; j < m; j++) mean += a.get(i, j);
            mean /= m;
            for (int j = 0; j < m; j++) var += (a.get(i, j) - mean) * (a.get(i, j) - mean);
            var /= m;
            invStd[i] = 1 / Math.sqrt(var + Network.BN_EPSILON);
            for (int j = 0; j < m; j++) out.set(i, j, (a.get(i, j) - mean) * invStd[i]);
        }
        return new Forward<>(out, new BatchnormCache(out, invStd));
    }

    /** ReLU layers (each followed by {@code applyBatchnorm} when asked), then a softmax layer. */
    public static Forward<List<LayerCache>> lModelForward(DMatrixRMaj x, Map<String, DMatrixRMaj> parameters, boolean useBatchnorm) {
        int layers = layerCount(parameters);
        List<LayerCache> caches = new ArrayList<>();
        DMatrixRMaj a = x;
        for (int l = 1; l < layers; l++) {
            Forward<LayerCache> f = linearActivationForward(a, parameters.get("W" + l), parameters.get("b" + l), "relu");
            a = f.output();
            BatchnormCache bn = null;
            if (useBatchnorm) {
                bn = applyBatchnorm(a).cache();
                a = bn.normalized();
            }
            caches.add(new LayerCache(f.cache().linear(), f.cache().z(), bn));
        }
        Forward<LayerCache> out = linearActivationForward(a, parameters.get("W" + layers), parameters.get("b" + layers), "softmax");
        caches.add(out.cache());
        return new Forward<>(out.output(), caches);
    }

    /**
     * Mean cross-entropy {@code -1/m Σ y·log(AL)} plus {@code lambda/(2m)·Σ W²}. Probabilities are
     * floored at the smallest normal double, so a confident mistake costs about 708, not infinity.
     */
    public static double computeCost(DMatrixRMaj al, DMatrixRMaj y, Map<String, DMatrixRMaj> parameters, double lambda) {
        int m = al.numCols;
        double sum = 0;
        for (int i = 0; i < al.getNumElements(); i++) {
            if (y.data[i] != 0) sum += y.data[i] * Math.log(Math.max(al.data[i], Double.MIN_NORMAL));
        }
        double cost = -sum / m;
        if (lambda != 0) {
            double squares = 0;
            for (int l = 1; l <= layerCount(parameters); l++) {
                for (double w : parameters.get("W" + l).data) squares += w * w;
            }
            cost += lambda / (2.0 * m) * squares;
        }
        return cost;
    }

    /** {@code dW = dZ·Aᵀ/m + (λ/m)·W}, {@code db = Σ_columns dZ / m}, {@code dA_prev = Wᵀ·dZ}. */
    public static LinearGradients linearBackward(DMatrixRMaj dZ, LinearCache cache, double lambda) {
        int m = cache.a().numCols;
        DMatrixRMaj dW = new DMatrixRMaj(cache.w().numRows, cache.w().numCols);
        CommonOps_DDRM.multTransB(1.0 / m, dZ, cache.a(), dW);
        if (lambda != 0) CommonOps_DDRM.addEquals(dW, lambda / m, cache.w());
        DMatrixRMaj db = new DMatrixRMaj(dZ.numRows, 1);
        CommonOps_DDRM.sumRows(dZ, db);
        CommonOps_DDRM.scale(1.0 / m, db);
        DMatrixRMaj dAPrev = new DMatrixRMaj(cache.w().numCols, dZ.numCols);
        CommonOps_DDRM.multTransA(cache.w(), dZ, dAPrev);
        return new LinearGradients(dAPrev, dW, db);
    }

    /** {@code dZ = dA ⊙ [Z > 0]}. */
    public static DMatrixRMaj reluBackward(DMatrixRMaj dA, DMatrixRMaj z) {
        DMatrixRMaj dZ = dA.copy();
        for (int i = 0; i < dZ.getNumElements(); i++) if (z.data[i] <= 0) dZ.data[i] = 0;
        return dZ;
    }

    /** Softmax and cross-entropy differentiated together: {@code dZ = AL - Y}. */
    public static DMatrixRMaj softmaxBackward(DMatrixRMaj al, DMatrixRMaj y) {
        DMatrixRMaj dZ = new DMatrixRMaj(al.numRows, al.numCols);
        CommonOps_DDRM.subtract(al, y, dZ);
        return dZ;
    }

    /** Backward of {@code applyBatchnorm}: {@code dA = invStd·(dÂ - mean(dÂ) - Â·mean(dÂ⊙Â))} per unit. */
    public static DMatrixRMaj batchnormBackward(DMatrixRMaj dNormalized, BatchnormCache cache) {
        int m = dNormalized.numCols;
        DMatrixRMaj dA = new DMatrixRMaj(dNormalized.numRows, m);
        DMatrixRMaj xhat = cache.normalized();
        for (int i = 0; i < dA.numRows; i++) {
            double meanD = 0, meanDX = 0;
            for (int j = 0; j < m; j++) {
                meanD += dNormalized.get(i, j);
                meanDX += dNormalized.get(i, j) * xhat.get(i, j);
            }
            meanD /= m;
            meanDX /= m;
            for (int j = 0; j < m; j++) {
                dA.set(i, j, cache.invStd()[i] * (dNormalized.get(i, j) - meanD - xhat.get(i, j) * meanDX));
            }
        }
        return dA;
    }

    /** The gradient of one layer from the gradient of its output ({@code "relu"}) or from {@code dZ} ({@code "softmax"}). */
    public static LinearGradients linearActivationBackward(DMatrixRMaj d, LayerCache cache, String activation, double lambda) {
        DMatrixRMaj dZ = switch (activation) {
            case "relu" -> reluBackward(cache.batchnorm() == null ? d : batchnormBackward(d, cache.batchnorm()), cache.z());
            case "softmax" -> d;
            default -> throw new ScratchnetException("unknown activation '" + activation + "'; use relu or softmax");
        };
        return linearBackward(dZ, cache.linear(), lambda);
    }

    /** Gradients {@code dW<l>}, {@code db<l>} of {@code computeCost(lModelForward(X))}. */
    public static Map<String, DMatrixRMaj> lModelBackward(DMatrixRMaj al, DMatrixRMaj y, List<LayerCache> caches, double lambda) {
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        int layers = caches.size();
        LinearGradients g = linearActivationBackward(softmaxBackward(al, y), caches.get(layers - 1), "softmax", lambda);
        grads.put("dW" + layers, g.dW());
        grads.put("db" + layers, g.db());
        for (int l = layers - 1; l >= 1; l--) {
            g = linearActivationBackward(g.dAPrev(), caches.get(l - 1), "relu", lambda);
            grads.put("dW" + l, g.dW());
            grads.put("db" + l, g.db());
        }
        return grads;
    }

    /** {@code θ ← θ - learningRate·dθ}, in place; returns {@code parameters}. */
    public static Map<String, DMatrixRMaj> updateParameters(Map<String, DMatrixRMaj> parameters, Map<String, DMatrixRMaj> grads, double learningRate) {
        for (Map.Entry<String, DMatrixRMaj> e : parameters.entrySet()) {
            CommonOps_DDRM.addEquals(e.getValue(), -learningRate, grads.get("d" + e.getKey()));
        }
        return parameters;
    }

    /**
     * Trains with mini-batch SGD and early stopping on the validation set: the report's
     * {@code L_layer_model}, run on the fast engine. {@code useBatchnorm} selects the report's
     * normalisation ({@link BatchNormMode#NORMALIZE}).
     */
    public static TrainingResult lLayerModel(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj xVal, DMatrixRMaj yVal,
            int[] layerDims, double learningRate, int numEpochs, int batchSize, boolean useBatchnorm, double lambda, long seed) {
        TrainConfig config = TrainConfig.report(batchSize, seed).toBuilder().layers(layerDims).learningRate(learningRate)
                .maxEpochs(numEpochs).l2(lambda)
                .batchNorm(useBatchnorm ? BatchNormMode.NORMALIZE : BatchNormMode.OFF).build();
        return new Trainer(config).fit(Dataset.fromColumns(x, y), Dataset.fromColumns(xVal, yVal), null);
    }

    /** Accuracy of {@code parameters} on {@code X}, {@code Y} (no batchnorm). */
    public static double predict(DMatrixRMaj x, DMatrixRMaj y, Map<String, DMatrixRMaj> parameters) {
        DMatrixRMaj al = lModelForward(x, parameters, false).output();
        int right = 0;
        for (int j = 0; j < al.numCols; j++) {
            int best = 0, label = 0;
            for (int i = 1; i < al.numRows; i++) {
                if (al.get(i, j) > al.get(best, j)) best = i;
                if (y.get(i, j) > y.get(label, j)) label = i;
            }
            if (best == label) right++;
        }
        return (double) right / al.numCols;
    }

    /** The report's parameter map ({@code W<l>}, {@code b<l>}) of a trained network; copies. */
    public static Map<String, DMatrixRMaj> toReport(Parameters p) {
        Map<String, DMatrixRMaj> map = new LinkedHashMap<>();
        for (int l = 1; l <= p.layers(); l++) {
            map.put("W" + l, p.weight(l));
            map.put("b" + l, p.bias(l));
        }
        return map;
    }

    private static int layerCount(Map<String, DMatrixRMaj> parameters) {
        int l = 0;
        while (parameters.containsKey("W" + (l + 1))) l++;
        if (l == 0) throw new ScratchnetException("parameters hold no W1; build them with initializeParameters");
        return l;
    }
}
