package io.github.scratchnet.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A hidden layer without batchnorm: {@code A = f(Z)}. Every sample stands on its own, so forward
 * and backward run on any range of rows; backward works in place in the linear layer's {@code dZ},
 * where the layer above writes {@code dA}.
 */
class ActivationOnly extends HiddenActivation {
    ActivationOnly(LinearLayer below, ActivationFunction f, int capacity) {
        super(below, f, capacity);
    }

    // Backward works in place in the linear layer's dZ: nothing of its own to allocate.
    @Override
    void prepareBackward(int m) {
    }

    @Override
    DMatrixRMaj dABuffer() {
        return below.dZ();
    }

    // A = f(Z)
    @Override
    void forwardRows(int r0, int r1) {
        f.forward(below.z.data, a.data, r0 * width, r1 * width);
    }

    @Override
    void forwardBatch(int m) {
        forwardRows(0, m);
    }

    // dZ = dA ⊙ f'(Z), in place
    @Override
    void backwardRows(int r0, int r1) {
        f.backward(below.z.data, below.dZ().data, r0 * width, r1 * width);
    }

    @Override
    void backwardBatch(int m, Parameters grads) {
        backwardRows(0, m);
    }
}
