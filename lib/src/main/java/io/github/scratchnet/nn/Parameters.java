package io.github.scratchnet.nn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The trainable parameters of a network, or a gradient of the same shapes.
 *
 * <p>Layer {@code l} runs from 1 to {@code L}. Weights are stored input-major, {@code wt(l)} of
 * shape {@code n(l-1) x n(l)}: the transpose of the report's {@code W}, so that a batch with one
 * sample per row multiplies it directly and the sparse first layer reads contiguous rows.
 * {@link #weight(int)} gives the report's orientation. Biases are {@code 1 x n(l)} rows; the
 * batchnorm scale and shift ({@code FULL} mode only) exist for hidden layers.
 */
public final class Parameters {
    private final int[] sizes;
    private final DMatrixRMaj[] wt;
    private final DMatrixRMaj[] b;
    private final DMatrixRMaj[] gamma;
    private final DMatrixRMaj[] beta;

    /** All-zero parameters for the given layer sizes; {@code scaleShift} adds gamma and beta. */
    public Parameters(int[] sizes, boolean scaleShift) {
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        wt = new DMatrixRMaj[layers + 1];
        b = new DMatrixRMaj[layers + 1];
        gamma = new DMatrixRMaj[layers + 1];
        beta = new DMatrixRMaj[layers + 1];
        for (int l = 1; l <= layers; l++) {
            wt[l] = new DMatrixRMaj(sizes[l - 1], sizes[l]);
            b[l] = new DMatrixRMaj(1, sizes[l]);
            if (scaleShift && l < layers) {
                gamma[l] = new DMatrixRMaj(1, sizes[l]);
                beta[l] = new DMatrixRMaj(1, sizes[l]);
            }
        }
    }

    /** Zeros of the same shapes as {@code like}. */
    public static Parameters zerosLike(Parameters like) {
        return new Parameters(like.sizes, like.hasScaleShift());
    }

    public int layers() {
        return sizes.length - 1;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public int size(int l) {
        return sizes[l];
    }

    public boolean hasScaleShift() {
        return layers() > 1 && gamma[1] != null;
    }

    /** Weights of layer {@code l}, input-major ({@code n(l-1) x n(l)}); live, not a copy. */
    public DMatrixRMaj wt(int l) {
        return wt[l];
    }

    /** Bias of layer {@code l} as a {@code 1 x n(l)} row; live, not a copy. */
    public DMatrixRMaj b(int l) {
        return b[l];
    }

    /** The array {@code part} of layer {@code l} (null for a gamma or beta that is not trained); live, not a copy. */
    public DMatrixRMaj array(Part part, int l) {
        return switch (part) {
            case WEIGHT -> wt[l];
            case BIAS -> b[l];
            case GAMMA -> gamma[l];
            case BETA -> beta[l];
        };
    }

    /** Batchnorm scale of hidden layer {@code l} ({@code 1 x n(l)}), or null when not trained. */
    public DMatrixRMaj gamma(int l) {
        return gamma[l];
    }

    /** Batchnorm shift of hidden layer {@code l} ({@code 1 x n(l)}), or null when not trained. */
    public DMatrixRMaj beta(int l) {
        return beta[l];
    }

    /** The report's {@code W} of layer {@code l}: {@code n(l) x n(l-1)}, a copy. */
    public DMatrixRMaj weight(int l) {
        return CommonOps_DDRM.transpose(wt[l], null);
    }

    /** The report's {@code b} of layer {@code l}: an {@code n(l) x 1} column, a copy. */
    public DMatrixRMaj bias(int l) {
        return CommonOps_DDRM.transpose(b[l], null);
    }

    /** Sum of squared weights over all layers (biases and batchnorm parameters excluded). */
    public double sumOfSquaredWeights() {
        double sum = 0;
        for (int l = 1; l <= layers(); l++) {
            for (double w : wt[l].data) sum += w * w;
        }
        return sum;
    }

    /**
     * Sum of the squares of every weight and bias (not of gamma and beta), the report's L2 sum: its
     * {@code param_dict_2vec} stacked W and b of every layer.
     */
    public double sumOfSquaredWeightsAndBiases() {
        double sum = sumOfSquaredWeights();
        for (int l = 1; l <= layers(); l++) {
            for (double v : b[l].data) sum += v * v;
        }
        return sum;
    }

    /** Every array with its report name (W1, b1, gamma1, beta1, ...), in a fixed order. */
    public List<Named> named() {
        List<Named> list = new ArrayList<>();
        for (int l = 1; l <= layers(); l++) {
            list.add(new Named("W" + l, wt[l]));
            list.add(new Named("b" + l, b[l]));
            if (gamma[l] != null) {
                list.add(new Named("gamma" + l, gamma[l]));
                list.add(new Named("beta" + l, beta[l]));
            }
        }
        return list;
    }

    /** Copies every value of {@code other} (same shapes) into this. */
    public void setTo(Parameters other) {
        List<Named> mine = named();
        List<Named> theirs = other.named();
        for (int i = 0; i < mine.size(); i++) mine.get(i).matrix().setTo(theirs.get(i).matrix());
    }

    /** A deep copy. */
    public Parameters copy() {
        Parameters p = zerosLike(this);
        p.setTo(this);
        return p;
    }

    /** The kinds of trained array a layer has: {@code Wt}, {@code b} and, with full batchnorm, {@code gamma} and {@code beta}. */
    public enum Part { WEIGHT, BIAS, GAMMA, BETA }

    /** An array of parameters and the name the report gives it ({@code W} names the stored transpose). */
    public record Named(String name, DMatrixRMaj matrix) {}
}
