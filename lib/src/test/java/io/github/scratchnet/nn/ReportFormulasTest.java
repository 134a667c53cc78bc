package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The report's {@link Formulas} in the engine: hand-checked values, and where they are (not) gradients. */
class ReportFormulasTest {
    private static final Formulas UNSHIFTED_EXACT = new Formulas(Formulas.Softmax.UNSHIFTED,
            Formulas.CrossEntropy.EXACT, Formulas.BatchNormForm.STANDARD, Formulas.L2Scope.WEIGHTS);

    // A network [2, 2(, 2)] whose first layer is the identity with zero bias, so Z1 = X.
    private static Network identityFirst(int[] sizes, BatchNormMode mode, Formulas formulas) {
        Parameters p = new Parameters(sizes, false);
        p.wt(1).set(0, 0, 1);
        p.wt(1).set(1, 1, 1);
        if (sizes.length > 2) {
            p.wt(2).set(0, 0, 1);
            p.wt(2).set(1, 1, 1);
        }
        return new Network(sizes, mode, formulas, p, new RunningStats(sizes));
    }

    @Test
    void reportBatchnormDividesByTheSampleStdPlusAThousandth() {
        Network net = identityFirst(new int[] {2, 2, 2}, BatchNormMode.NORMALIZE, Formulas.REPORT);
        Dataset data = Dataset.fromRows(new double[][] {{1, -1}, {3, 2}, {-2, 4}}, new int[] {0, 1, 0}, 2);
        Propagator propagator = new Propagator(net, 3);
        propagator.forward(data, null, 0, 3, true);
        DMatrixRMaj a = propagator.hiddenOutput(1);
        // R = relu(Z) = [[1,0],[3,2],[0,4]]; unit 0: mean 4/3, std sqrt(7/3); unit 1: mean 2, std 2
        double d0 = Math.sqrt(7.0 / 3) + 0.001;
        double[][] expected = {{-1.0 / 3 / d0, -2 / 2.001}, {5.0 / 3 / d0, 0}, {-4.0 / 3 / d0, 2 / 2.001}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) assertEquals(expected[i][j], a.get(i, j), 1e-15, "A[" + i + "," + j + "]");
        }
        // at inference the scored set's own statistics: the same three samples give the same output
        propagator.forward(data, null, 0, 3, false);
        assertEquals(expected[1][0], propagator.hiddenOutput(1).get(1, 0), 1e-15);
    }

    @Test
    void reportBatchnormPassesTheGradientThroughUnchanged() {
        // dZ1 = dA1 ⊙ [Z1 > 0]: the gradients of W1 then equal those of a network without the
        // normalisation whose layer 2 sees A1, i.e. dA1 = dZ2·W2ᵀ unscaled by 1/(std + 0.001).
        Network net = identityFirst(new int[] {2, 2, 2}, BatchNormMode.NORMALIZE, Formulas.REPORT);
        Dataset data = Dataset.fromRows(new double[][] {{1, -1}, {3, 2}, {-2, 4}}, new int[] {0, 1, 0}, 2);
        Parameters grads = Parameters.zerosLike(net.parameters());
        Propagator propagator = new Propagator(net, 3);
        propagator.forward(data, null, 0, 3, true);
        DMatrixRMaj p = propagator.probabilities().copy();
        propagator.backward(0, grads);
        // W2 = I, so dA1 = dZ2 = (P − Y)/m; dZ1 = dA1 where Z1 > 0; dW1ᵀ = Xᵀ·dZ1 (wt is input-major)
        double[][] x = {{1, -1}, {3, 2}, {-2, 4}};
        int[] y = {0, 1, 0};
        double[][] dw1t = new double[2][2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double dz = (p.get(i, j) - (y[i] == j ? 1 : 0)) / 3;
                if (!(x[i][j] > 0)) dz = 0;
                for (int f = 0; f < 2; f++) dw1t[f][j] += x[i][f] * dz;
            }
        }
        for (int f = 0; f < 2; f++) {
            for (int j = 0; j < 2; j++) assertEquals(dw1t[f][j], grads.wt(1).get(f, j), 1e-15, "dW1t[" + f + "," + j + "]");
        }
    }

    @Test
    void reportCostIsMinusLogOfTheProbabilityPlusAThousandth() {
        Network net = identityFirst(new int[] {2, 2}, BatchNormMode.OFF, Formulas.REPORT);
        Dataset data = Dataset.fromRows(new double[][] {{0.5, 0.5}, {2, 0}}, new int[] {1, 1}, 2);
        Propagator propagator = new Propagator(net, 2);
        propagator.forward(data, null, 0, 2, true);
        double p1 = Math.exp(0) / (Math.exp(2) + Math.exp(0));
        assertEquals(-Math.log(0.5 + 0.001) - Math.log(p1 + 0.001), propagator.crossEntropySum(), 1e-15);
        assertEquals(0, propagator.predicted(0), "equal probabilities: the first class, as torch.argmax");
        assertEquals(0, propagator.predicted(1));
    }

    @Test
    void theUnshiftedSoftmaxOverflowsToNaNAsTheReportsDid() {
        Dataset data = Dataset.fromRows(new double[][] {{1000, 1}}, new int[] {1}, 2);
        Network report = identityFirst(new int[] {2, 2}, BatchNormMode.OFF, Formulas.REPORT);
        Propagator propagator = new Propagator(report, 1);
        propagator.forward(data, null, 0, 1, true);
        assertTrue(Double.isNaN(propagator.crossEntropySum()), "exp(1000) = inf, inf/inf = NaN");
        assertEquals(0, propagator.predicted(0), "NaN counts as the largest probability, as torch.argmax has it");
        Network sound = identityFirst(new int[] {2, 2}, BatchNormMode.OFF, Formulas.SOUND);
        Propagator shifted = new Propagator(sound, 1);
        shifted.forward(data, null, 0, 1, true);
        assertEquals(999, shifted.crossEntropySum(), 1e-12, "log-sum-exp: 1000 + log(1 + e^-999) − 1");
    }

    @Test
    void theUnshiftedSoftmaxWithTheExactCostKeepsTrueGradients() {
        Network base = PropagatorGradientTest.perturbed(BatchNormMode.OFF);
        Network net = new Network(base.sizes(), BatchNormMode.OFF, UNSHIFTED_EXACT, base.parameters(), base.runningStats());
        List<GradientCheck.Row> rows = GradientCheck.run(net, PropagatorGradientTest.randomData(9, 6, 3, 3), 0.7);
        for (GradientCheck.Row row : rows) assertTrue(row.relativeError() < 1e-6, "gradient check failed:\n" + row);
    }

    @Test
    void theReportsL2TermCountsBiasesItsGradientDoesNot() {
        // The report's cost sums the squares of every parameter but its gradient adds λW to weights
        // only: the finite differences of its cost disagree with its bias gradients, and only those.
        Network base = PropagatorGradientTest.perturbed(BatchNormMode.OFF);
        Formulas allParameters = new Formulas(Formulas.Softmax.SHIFTED, Formulas.CrossEntropy.EXACT,
                Formulas.BatchNormForm.STANDARD, Formulas.L2Scope.ALL_PARAMETERS);
        Network net = new Network(base.sizes(), BatchNormMode.OFF, allParameters, base.parameters(), base.runningStats());
        for (GradientCheck.Row row : GradientCheck.run(net, PropagatorGradientTest.randomData(9, 6, 3, 3), 0.7)) {
            boolean bias = row.name().startsWith("b");
            assertEquals(bias, row.relativeError() > 1e-3, "unexpected verdict for " + row);
        }
    }

    @Test
    void theReportsBatchnormHasNoFullForm() {
        int[] sizes = {2, 2, 2};
        assertThrows(ScratchnetException.class, () -> new Network(sizes, BatchNormMode.FULL, Formulas.REPORT,
                new Parameters(sizes, true), new RunningStats(sizes)));
    }
}
