package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A hidden layer without batchnorm, with ReLU, on a hand-checked 2 x 3 example: row ranges and the in-place backward. */
class ActivationOnlyTest {
    @Test
    void forwardClampsAtZeroAndBackwardMasksInPlace() {
        SparseInputLayer linear = new SparseInputLayer(new Parameters(new int[] {4, 3}, false), 2);
        System.arraycopy(new double[] {-1, 0, 2, 3, -0.5, 1}, 0, linear.z.data, 0, 6);
        linear.prepareBackward(2);
        ActivationOnly relu = new ActivationOnly(linear, Relu.INSTANCE, 2);

        // A = max(Z, 0), row 1 only, then row 0
        relu.forwardRows(1, 2);
        assertArrayEquals(new double[] {0, 0, 0, 3, 0, 1}, relu.a().data);
        relu.forwardRows(0, 1);
        assertArrayEquals(new double[] {0, 0, 2, 3, 0, 1}, relu.a().data);

        // dZ = dA ⊙ [Z > 0], written where the layer above put dA: the linear layer's dZ
        assertSame(linear.dZ(), relu.dABuffer());
        System.arraycopy(new double[] {1, 2, 3, 4, 5, 6}, 0, relu.dABuffer().data, 0, 6);
        relu.backwardBatch(2, null);
        assertArrayEquals(new double[] {0, 0, 3, 4, 0, 6}, linear.dZ().data);
    }
}
