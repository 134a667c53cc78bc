package io.github.scratchnet.nn;

import java.util.Arrays;

/**
 * A dense layer {@code l >= 2}, {@code Z = A(l-1)·Wt + b}, on the activations of the hidden layer
 * below. A width that is not whole vectors runs padded: {@code Wt} and {@code b} are copied into
 * zero-padded arrays at every forward and each sample's product goes through one padded row (the
 * zero columns' sums are dropped): the same sums, without the kernel's one-output-at-a-time
 * leftovers (20 x 7: about 2x faster). Backward runs on {@code Wtᵀ}, refreshed at every backward.
 */
final class DenseLayer extends LinearLayer {
    private final HiddenActivation below;
    private final int paddedWidth;      // n(l) rounded up to whole vectors (n(l) with the scalar kernels)
    private final double[] wPad;        // null when no padding is needed
    private final double[] bPad;
    private final double[] zPad;        // one padded output row per sample: samples go to different threads
    // dWt is summed along its wider side: as dWtᵀ = dZᵀ·A(l-1) when that takes fewer kernel passes
    private final boolean transposedGradient;
    // Backward work, allocated on the first backward.
    private double[] wT;                // Wtᵀ, n(l) x n(l-1)
    private double[] gradT;             // dWtᵀ when it is computed that way round

    DenseLayer(int l, Parameters params, HiddenActivation below, int capacity) {
        super(l, params, capacity);
        this.below = below;
        paddedWidth = Kernels.paddedWidth(width);
        boolean pad = paddedWidth != width;
        wPad = pad ? new double[inputs * paddedWidth] : null;
        bPad = pad ? new double[paddedWidth] : null;
        zPad = pad ? new double[capacity * paddedWidth] : null;
        transposedGradient = width * Kernels.passes(inputs) < inputs * Kernels.passes(width);
    }

    /** Copies {@code Wt} and {@code b} into their padded arrays (the zero columns stay zero); before every forward. */
    void padWeights() {
        if (wPad == null) return;
        double[] w = params.wt(l).data;
        for (int k = 0; k < inputs; k++) System.arraycopy(w, k * width, wPad, k * paddedWidth, width);
        System.arraycopy(params.b(l).data, 0, bPad, 0, width);
    }

    // Z = A(l-1)·Wt + b, row by row, bias first, then input by input
    void forward(int r0, int r1) {
        double[] in = below.a().data;
        double[] out = z.data;
        for (int i = r0; i < r1; i++) {
            int zo = i * width;
            if (wPad == null) {
                System.arraycopy(params.b(l).data, 0, out, zo, width);
                Kernels.denseAccumulate(out, zo, width, params.wt(l).data, in, i * inputs, 1, inputs);
            } else {
                int po = i * paddedWidth;
                System.arraycopy(bPad, 0, zPad, po, paddedWidth);
                Kernels.denseAccumulate(zPad, po, paddedWidth, wPad, in, i * inputs, 1, inputs);
                System.arraycopy(zPad, po, out, zo, width);
            }
        }
    }

    @Override
    void prepareBackward(int m) {
        super.prepareBackward(m);
        if (wT == null) {
            wT = new double[width * inputs];
            if (transposedGradient) gradT = new double[inputs * width];
        }
    }

    /** Wtᵀ, so that {@code dA(l-1) = dZ·Wtᵀ} runs through denseAccumulate; before every backward. */
    void transposeWeights() {
        double[] w = params.wt(l).data;
        for (int k = 0; k < inputs; k++) {
            for (int o = 0; o < width; o++) wT[o * inputs + k] = w[k * width + o];
        }
    }

    // dA(l-1) = dZ·Wtᵀ for rows r0..r1, into dA (m x n(l-1))
    void backwardRows(int r0, int r1, double[] dA) {
        double[] dz = dZ().data;
        for (int i = r0; i < r1; i++) {
            int pk = i * inputs;
            Arrays.fill(dA, pk, pk + inputs, 0);
            Kernels.denseAccumulate(dA, pk, inputs, wT, dz, i * width, 1, width);
        }
    }

    /**
     * The weight and bias gradients over the batch, into {@code grads} (each element summed sample
     * by sample, whichever side the kernel runs along), with the L2 part {@code (λ/m)·Wt}.
     */
    void gradient(int m, double lambda, Parameters grads) {
        double[] dz = dZ().data;
        double[] dw = grads.wt(l).data;
        double[] in = below.a().data;
        // dWt = A(l-1)ᵀ·dZ (dZ already carries the 1/m)
        if (transposedGradient) {
            // along the wider side (20 x 7): dWtᵀ = dZᵀ·A(l-1) row by row, then transposed
            double[] t = gradT;
            Arrays.fill(t, 0, inputs * width, 0);
            for (int o = 0; o < width; o++) Kernels.denseAccumulate(t, o * inputs, inputs, in, dz, o, width, m);
            for (int k = 0; k < inputs; k++) {
                for (int o = 0; o < width; o++) dw[k * width + o] = t[o * inputs + k];
            }
        } else {
            Arrays.fill(dw, 0, inputs * width, 0);
            for (int k = 0; k < inputs; k++) Kernels.denseAccumulate(dw, k * width, width, dz, in, k, inputs, m);
        }
        // dWt += (λ/m)·Wt
        if (lambda != 0) {
            double c = lambda / m;
            double[] w = params.wt(l).data;
            for (int e = 0; e < inputs * width; e++) dw[e] += c * w[e];
        }
        biasGradient(m, grads);
    }
}
