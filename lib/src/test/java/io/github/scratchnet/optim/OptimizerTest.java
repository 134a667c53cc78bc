package io.github.scratchnet.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.nn.Parameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The update rules on a tiny parameter vector, two steps worked out by hand; the text form and its checks. */
class OptimizerTest {
    /** A one-layer "network" 2 -> 1: Wt1 is the vector (w0, w1), b1 one value. */
    private static Parameters vector(double w0, double w1, double b) {
        Parameters p = new Parameters(new int[] {2, 1}, false);
        p.wt(1).data[0] = w0;
        p.wt(1).data[1] = w1;
        p.b(1).data[0] = b;
        return p;
    }

    @Test
    void sgdMovesAgainstTheGradient() {
        Parameters p = vector(1, -2, 0.5);
        Optimizer sgd = OptimizerSpec.SGD.create(0.25, p);
        sgd.step(vector(0.5, 1, -2));
        // θ ← θ - 0.25·dθ
        assertArrayEquals(new double[] {0.875, -2.25}, p.wt(1).data);
        assertEquals(1.0, p.b(1).data[0]);
        assertEquals(List.of(), sgd.state());
        assertEquals(1, sgd.steps());
    }

    @Test
    void momentumTwoStepsByHand() {
        Parameters p = vector(1, -2, 0);
        Optimizer mom = OptimizerSpec.parse("momentum,momentum=0.5").create(0.25, p);
        // step 1: v = 0.5·0 + g = (0.5, 1); θ = (1, -2) - 0.25·v = (0.875, -2.25)
        mom.step(vector(0.5, 1, 0));
        assertArrayEquals(new double[] {0.875, -2.25}, p.wt(1).data);
        // step 2: v = 0.5·(0.5, 1) + (0.25, -1) = (0.5, -0.5); θ = (0.875, -2.25) - 0.25·v = (0.75, -2.125)
        mom.step(vector(0.25, -1, 0));
        assertArrayEquals(new double[] {0.75, -2.125}, p.wt(1).data);
        assertArrayEquals(new double[] {0.5, -0.5}, mom.state().get(0).arrays().wt(1).data);
        assertEquals("velocity", mom.state().get(0).name());
    }

    @Test
    void adamTwoStepsByHand() {
        Parameters p = vector(1, -1, 0);
        Optimizer adam = OptimizerSpec.parse("adam,beta1=0.5,beta2=0.75,epsilon=0.5").create(0.125, p);
        // step 1, g = (0.5, -1): m = 0.5·g = (0.25, -0.5); v = 0.25·g² = (0.0625, 0.25)
        // m̂ = m/(1-0.5) = g; √v̂ = √(v/(1-0.75)) = |g| = (0.5, 1)
        // θ -= 0.125·m̂/(√v̂ + 0.5): (1 - 0.125·0.5/1, -1 + 0.125·1/1.5)
        adam.step(vector(0.5, -1, 0));
        assertEquals(0.9375, p.wt(1).data[0]);
        assertEquals(-1 + 0.125 / 1.5, p.wt(1).data[1], 1e-15);
        // step 2, g = (1.5, -1): m = 0.5·(0.25, -0.5) + 0.5·(1.5, -1) = (0.875, -0.75)
        // v = 0.75·(0.0625, 0.25) + 0.25·(2.25, 1) = (0.609375, 0.4375)
        // m̂ = m/(1-0.25) = (7/6, -1); √v̂ = √(v/(1-0.5625)) = (√(39/28), 1)
        adam.step(vector(1.5, -1, 0));
        assertArrayEquals(new double[] {0.875, -0.75}, adam.state().get(0).arrays().wt(1).data);
        assertArrayEquals(new double[] {0.609375, 0.4375}, adam.state().get(1).arrays().wt(1).data);
        assertEquals(0.9375 - 0.125 * (7.0 / 6) / (Math.sqrt(39.0 / 28) + 0.5), p.wt(1).data[0], 1e-15);
        assertEquals(-1 + 0.125 / 1.5 + 0.125 / 1.5, p.wt(1).data[1], 1e-15);
        assertEquals(2, adam.steps());
    }

    @Test
    void aCopyCarriesTheStateAndSetToPutsItBack() {
        Parameters p = vector(1, -1, 0);
        Optimizer adam = OptimizerSpec.ADAM.create(0.01, p);
        adam.step(vector(0.5, -1, 2));
        Optimizer copy = adam.copyFor(p.copy());
        assertEquals(1, copy.steps());
        assertArrayEquals(adam.state().get(1).arrays().b(1).data, copy.state().get(1).arrays().b(1).data);
        adam.step(vector(0.5, -1, 2));
        assertNotEquals(adam.state().get(0).arrays().wt(1).data[0], copy.state().get(0).arrays().wt(1).data[0]);
        adam.setTo(copy);
        assertEquals(1, adam.steps());
        assertArrayEquals(copy.state().get(0).arrays().wt(1).data, adam.state().get(0).arrays().wt(1).data);
        assertThrows(RuntimeException.class, () -> adam.setTo(OptimizerSpec.MOMENTUM.create(0.01, p)));
    }

    @Test
    void textFormsRoundTrip() {
        for (String text : List.of("sgd", "momentum", "momentum,momentum=0.95", "adam", "adam,beta2=0.99",
                "adam,beta1=0.8,beta2=0.99,epsilon=1.0E-6")) {
            assertEquals(text, OptimizerSpec.parse(text).toString());
        }
        assertEquals(OptimizerSpec.MOMENTUM, OptimizerSpec.parse("momentum,momentum=0.9"));
        assertEquals(OptimizerSpec.parse("adam,beta2=0.99"), OptimizerSpec.ADAM.with("beta2", 0.99));
        assertEquals(0.999, OptimizerSpec.ADAM.beta2());
        assertEquals(1e-8, OptimizerSpec.ADAM.epsilon());
    }

    @Test
    void badValuesGiveOneClearLine() {
        assertMessage("unknown optimizer 'rmsprop'; use sgd, momentum or adam", "rmsprop");
        assertMessage("optimizer field momentum must be at least 0 and below 1, got 1.5", "momentum,momentum=1.5");
        assertMessage("optimizer field beta2 must be at least 0 and below 1, got 1.0", "adam,beta2=1");
        assertMessage("optimizer field epsilon must be positive and finite, got 0.0", "adam,epsilon=0");
        assertMessage("optimizer field momentum belongs to momentum, not adam", "adam,momentum=0.5");
        assertMessage("optimizer part 'lr=3' is not FIELD=VALUE", "sgd,lr=3");
        assertMessage("optimizer field beta1 takes a number, got 'x'", "adam,beta1=x");
    }

    private static void assertMessage(String expected, String text) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> OptimizerSpec.parse(text));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertEquals("optimizer", e.parameter());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
