package io.github.scratchnet.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The affine part of layer {@code l}, {@code Z = A(l-1)·Wt + b}: it owns its output {@code Z} and
 * the gradient {@code dZ} that the layer above writes for its backward ({@code m x n(l)} each).
 * {@link SparseInputLayer} reads the input pixels, {@link DenseLayer} the activations below.
 */
abstract class LinearLayer {
    final int l;
    final int inputs;
    final int width;
    final int capacity;
    final Parameters params;
    /** Pre-activations of the batch, {@code m x n(l)}. */
    final DMatrixRMaj z;
    private DMatrixRMaj dZ;   // allocated on the first backward

    LinearLayer(int l, Parameters params, int capacity) {
        this.l = l;
        this.params = params;
        this.inputs = params.size(l - 1);
        this.width = params.size(l);
        this.capacity = capacity;
        this.z = new DMatrixRMaj(capacity, width);
    }

    /** The gradient of the cost with respect to {@code Z}, written by the layer above; null before the first backward. */
    final DMatrixRMaj dZ() {
        return dZ;
    }

    /** A batch of {@code m} samples: the forward cache reshaped, no allocation. */
    void reshape(int m) {
        z.reshape(m, width, false);
    }

    /** Allocates the backward work on the first call, then reshapes it to {@code m} samples. */
    void prepareBackward(int m) {
        if (dZ == null) dZ = new DMatrixRMaj(capacity, width);
        dZ.reshape(m, width, false);
    }

    // db = column sums of dZ (dZ already carries the 1/m)
    final void biasGradient(int m, Parameters grads) {
        double[] dz = dZ.data;
        double[] db = grads.b(l).data;
        java.util.Arrays.fill(db, 0, width, 0);
        for (int i = 0, idx = 0; i < m; i++) {
            for (int j = 0; j < width; j++) db[j] += dz[idx++];
        }
    }
}
