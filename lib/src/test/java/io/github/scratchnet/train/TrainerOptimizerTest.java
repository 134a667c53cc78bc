package io.github.scratchnet.train;

import static io.github.scratchnet.train.TrainerTest.blobs;
import static io.github.scratchnet.train.TrainerTest.small;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.nn.Parameters;
import io.github.scratchnet.optim.Optimizer;
import io.github.scratchnet.optim.OptimizerSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training with momentum and Adam: they learn, and restore-best puts back their state with the parameters. */
class TrainerOptimizerTest {
    @Test
    void adamAndMomentumReduceTheCostOfATinyNet() {
        for (OptimizerSpec spec : List.of(OptimizerSpec.ADAM, OptimizerSpec.MOMENTUM)) {
            TrainConfig c = small().toBuilder().optimizer(spec).learningRate(spec == OptimizerSpec.ADAM ? 0.01 : 0.05)
                    .patience(0).build();
            TrainingResult r = new Trainer(c).fit(blobs(800, 1), blobs(200, 2), null);
            List<Check> h = r.history();
            assertTrue(h.get(h.size() - 1).validationCost() < 0.5 * h.get(0).validationCost(),
                    spec + ": validation cost " + h.get(0).validationCost() + " -> " + h.get(h.size() - 1).validationCost());
            assertTrue(r.validationAccuracy() > 0.9, spec + ": validation accuracy " + r.validationAccuracy());
            assertEquals(spec, r.optimizer().spec());
            assertEquals(r.iterations(), r.optimizer().steps());
            assertSame(r.network().parameters(), r.optimizer().parameters());
        }
    }

    @Test
    void restoreBestPutsBackTheOptimizerStateOfTheBestCheck() {
        // Adam with a large rate bounces, so the run stops early and the best check is not the last
        TrainConfig c = small().toBuilder().optimizer(OptimizerSpec.ADAM).learningRate(0.2).maxEpochs(50).patience(30)
                .restoreBest(true).build();
        Network net = Network.initialize(c.layers(), c.batchNorm(), c.protocol().formulas(), c.protocol().init(), c.seed());
        Optimizer adam = c.optimizer().create(c.learningRate(), net.parameters());
        Map<Long, Parameters> params = new HashMap<>();
        Map<Long, Optimizer> states = new HashMap<>();
        // one evaluation thread: every check runs at once, on the network as it is at that step
        Trainer trainer = new Trainer(c).listener(new TrainingListener() {
            @Override
            public void onCheck(Check check) {
                params.put(check.step(), net.parameters().copy());
                states.put(check.step(), adam.copyFor(params.get(check.step())));
            }
        });
        TrainingResult r = trainer.fit(net, adam, blobs(400, 1), blobs(100, 2), null);
        assertEquals(StopReason.EARLY_STOPPING, r.stopReason());
        Check best = r.history().stream().min((a, b) -> Double.compare(a.validationCost(), b.validationCost())).orElseThrow();
        long last = r.history().get(r.history().size() - 1).step();
        assertTrue(best.step() < last, "the best check must not be the last one");
        assertEquals(best.step(), adam.steps(), "the step count is the best check's");
        for (int l = 1; l <= net.layers(); l++) {
            assertArrayEquals(params.get(best.step()).wt(l).data, net.parameters().wt(l).data);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(states.get(best.step()).state().get(i).arrays().wt(l).data,
                        adam.state().get(i).arrays().wt(l).data, "Adam's " + adam.state().get(i).name() + " of W" + l);
            }
        }
        assertTrue(!java.util.Arrays.equals(states.get(last).state().get(0).arrays().wt(1).data,
                adam.state().get(0).arrays().wt(1).data), "the last check's state differs from the best's");
        assertSame(adam, r.optimizer());
    }

    @Test
    void theOptimizerIsPartOfTheConfiguration() {
        TrainConfig c = small().toBuilder().optimizer(OptimizerSpec.parse("adam,beta2=0.99")).build();
        assertTrue(c.toString().endsWith("optimizer=adam,beta2=0.99") || c.toString().contains(" optimizer=adam,beta2=0.99"),
                c.toString());
        assertTrue(!small().toString().contains("optimizer"), "plain SGD is not shown: " + small());
        Dataset train = blobs(100, 1);
        TrainingResult sgd = new Trainer(small().toBuilder().maxEpochs(1).build()).fit(train, blobs(50, 2), null);
        assertEquals(OptimizerSpec.SGD, sgd.optimizer().spec());
    }
}
