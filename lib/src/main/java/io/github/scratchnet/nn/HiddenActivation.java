package io.github.scratchnet.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Hidden layer {@code l} on the pre-activations {@code Z} of its {@link LinearLayer}: its
 * {@link Activation} composed with the normalisation of its {@link BatchNormMode}. It owns its
 * output {@code A} and what its backward needs; its backward writes the linear layer's {@code dZ}.
 *
 * <p>Without batch statistics (batchnorm off, or inference) it works on any range of samples
 * ({@link #forwardRows}); in training mode with batchnorm it needs the whole batch
 * ({@link #forwardBatch}, {@link #backwardBatch}). The kinds: {@link ActivationOnly} (batchnorm off),
 * {@link ThenNormalize} (the activation, then normalised) and {@link BatchNormThen} (batchnorm, then
 * the activation), both {@link NormalizedActivation}s, and {@link ThenReportNormalize}, the report's
 * batchnorm, which needs the whole batch at inference too.
 */
abstract class HiddenActivation {
    final int l;
    final int width;
    final int capacity;
    final LinearLayer below;
    /** The element-wise function, forward and backward. */
    final ActivationFunction f;
    /** Output of the layer, {@code m x n(l)}. */
    final DMatrixRMaj a;
    private DMatrixRMaj dA;             // allocated on the first backward

    HiddenActivation(LinearLayer below, ActivationFunction f, int capacity) {
        this.l = below.l;
        this.width = below.width;
        this.capacity = capacity;
        this.below = below;
        this.f = f;
        this.a = new DMatrixRMaj(capacity, width);
    }

    /** The network's activation and batchnorm mode on top of {@code below}. */
    static HiddenActivation of(LinearLayer below, Network net, int capacity) {
        ActivationFunction f = net.activation().function();
        return switch (net.batchNorm()) {
            case OFF -> new ActivationOnly(below, f, capacity);
            case NORMALIZE -> net.formulas().batchNorm() == Formulas.BatchNormForm.REPORT
                    ? new ThenReportNormalize(below, f, capacity)
                    : new ThenNormalize(below, f, net.runningStats(), capacity);
            case FULL -> new BatchNormThen(below, f, net.parameters(), net.runningStats(), capacity);
        };
    }

    final DMatrixRMaj a() {
        return a;
    }

    /** A batch of {@code m} samples: the forward caches reshaped, no allocation. */
    void reshape(int m) {
        a.reshape(m, width, false);
    }

    /** Allocates the backward work on the first call, then reshapes it to {@code m} samples. */
    void prepareBackward(int m) {
        if (dA == null) dA = new DMatrixRMaj(capacity, width);
        dA.reshape(m, width, false);
    }

    /**
     * The matrix the layer above writes {@code dA} (the gradient with respect to this layer's
     * output) into: this layer's own, or, where the backward works in place, the linear layer's
     * {@code dZ} ({@link ActivationOnly}).
     */
    DMatrixRMaj dABuffer() {
        return dA;
    }

    /** Inference: fetches the running statistics once before {@link #forwardRows}. */
    void useRunningStatistics() {
    }

    /** Forward of rows {@code r0..r1} without batch statistics. */
    abstract void forwardRows(int r0, int r1);

    /** Training-mode forward of the whole batch of {@code m} samples (batch statistics). */
    abstract void forwardBatch(int m);

    /** Backward of rows {@code r0..r1}, from {@link #dABuffer} to the linear layer's {@code dZ}; batchnorm off only. */
    abstract void backwardRows(int r0, int r1);

    /** Backward of the whole batch, from {@link #dABuffer} to the linear layer's {@code dZ}; trained parameters' gradients go into {@code grads}. */
    abstract void backwardBatch(int m, Parameters grads);
}
