package io.github.scratchnet.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The activation of hidden layer {@code l} on the pre-activations {@code Z} of its
 * {@link LinearLayer}: ReLU, with the normalisation of its {@link BatchNormMode}. It owns its
 * output {@code A} and what its backward needs; its backward writes the linear layer's {@code dZ}.
 *
 * <p>Without batch statistics (batchnorm off, or inference) it works on any range of samples
 * ({@link #forwardRows}); in training mode with batchnorm it needs the whole batch
 * ({@link #forwardBatch}, {@link #backwardBatch}). The kinds: {@link Relu} (batchnorm off),
 * {@link ReluThenNormalize} and {@link BatchNormThenRelu} (both {@link NormalizedActivation}s), and
 * {@link ReluThenReportNormalize}, the report's batchnorm, which needs the whole batch at inference too.
 */
abstract class HiddenActivation {
    final int l;
    final int width;
    final int capacity;
    final LinearLayer below;
    /** Output of the layer, {@code m x n(l)}. */
    final DMatrixRMaj a;
    private DMatrixRMaj dA;             // allocated on the first backward

    HiddenActivation(LinearLayer below, int capacity) {
        this.l = below.l;
        this.width = below.width;
        this.capacity = capacity;
        this.below = below;
        this.a = new DMatrixRMaj(capacity, width);
    }

    /** The activation of {@code mode} on top of {@code below}. */
    static HiddenActivation of(BatchNormMode mode, LinearLayer below, Network net, int capacity) {
        return switch (mode) {
            case OFF -> new Relu(below, capacity);
            case NORMALIZE -> net.formulas().batchNorm() == Formulas.BatchNormForm.REPORT
                    ? new ReluThenReportNormalize(below, capacity)
                    : new ReluThenNormalize(below, net.runningStats(), capacity);
            case FULL -> new BatchNormThenRelu(below, net.parameters(), net.runningStats(), capacity);
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

    /** Where the layer above writes {@code dA}, the gradient with respect to this layer's output. */
    DMatrixRMaj dA() {
        return dA;
    }

    /** Inference: fetches the running statistics once before {@link #forwardRows}. */
    void useRunningStatistics() {
    }

    /** Forward of rows {@code r0..r1} without batch statistics. */
    abstract void forwardRows(int r0, int r1);

    /** Training-mode forward of the whole batch of {@code m} samples (batch statistics). */
    abstract void forwardBatch(int m);

    /** Backward of rows {@code r0..r1}, from {@link #dA} to the linear layer's {@code dZ}; batchnorm off only. */
    abstract void backwardRows(int r0, int r1);

    /** Backward of the whole batch, from {@link #dA} to the linear layer's {@code dZ}; trained parameters' gradients go into {@code grads}. */
    abstract void backwardBatch(int m, Parameters grads);

    /** The fused step's move of this layer's trained parameters, if it has any (their gradients came from {@link #backwardBatch}). */
    void update(Step step) {
    }
}
