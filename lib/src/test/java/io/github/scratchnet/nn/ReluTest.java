package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** ReLU on a hand-checked 2 x 3 example, row ranges and the in-place backward. */
class ReluTest {
    @Test
    void forwardClampsAtZeroAndBackwardMasksInPlace() {
        SparseInputLayer linear = new SparseInputLayer(new Parameters(new int[] {4, 3}, false), 2);
        System.arraycopy(new double[] {-1, 0, 2, 3, -0.5, 1}, 0, linear.z.data, 0, 6);
        linear.prepareBackward(2);
        Relu relu = new Relu(linear, 2);

        // A = max(Z, 0), row 1 only, then row 0
        relu.forwardRows(1, 2);
        assertArrayEquals(new double[] {0, 0, 0, 3, 0, 1}, relu.a().data);
        relu.forwardRows(0, 1);
        assertArrayEquals(new double[] {0, 0, 2, 3, 0, 1}, relu.a().data);

        // dZ = dA ⊙ [Z > 0], written where the layer above put dA: the linear layer's dZ
        assertSame(linear.dZ(), relu.dA());
        System.arraycopy(new double[] {1, 2, 3, 4, 5, 6}, 0, relu.dA().data, 0, 6);
        relu.backwardBatch(2, null);
        assertArrayEquals(new double[] {0, 0, 3, 4, 0, 6}, linear.dZ().data);
    }
}
