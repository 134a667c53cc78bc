package io.github.scratchnet.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A hidden layer without batchnorm: {@code A = max(Z, 0)}. Every sample stands on its own, so
 * forward and backward run on any range of rows; backward works in place in the linear layer's
 * {@code dZ}, where the layer above writes {@code dA}.
 */
class Relu extends HiddenActivation {
    Relu(LinearLayer below, int capacity) {
        super(below, capacity);
    }

    // Backward works in place in the linear layer's dZ: nothing of its own to allocate.
    @Override
    void prepareBackward(int m) {
    }

    @Override
    DMatrixRMaj dA() {
        return below.dZ();
    }

    // A = max(Z, 0)
    @Override
    void forwardRows(int r0, int r1) {
        double[] z = below.z.data;
        double[] out = a.data;
        for (int o = r0 * width, e = r1 * width; o < e; o++) out[o] = Math.max(z[o], 0);
    }

    @Override
    void forwardBatch(int m) {
        forwardRows(0, m);
    }

    // dZ = dA ⊙ [Z > 0], in place
    @Override
    void backwardRows(int r0, int r1) {
        double[] z = below.z.data;
        double[] dz = below.dZ().data;
        for (int k = r0 * width, e = r1 * width; k < e; k++) if (!(z[k] > 0)) dz[k] = 0;
    }

    @Override
    void backwardBatch(int m, Parameters grads) {
        backwardRows(0, m);
    }
}
