package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scratchnet.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

    @ParameterizedTest(name = "batchnorm={0} samples={1}")
    @CsvSource({"OFF,1", "OFF,499", "OFF,500", "OFF,1701", "NORMALIZE,1701", "FULL,1234"})
    void resultsAreTheSameBitsForAnyNumberOfThreads(BatchNormMode mode, int samples) {
        Network net = PropagatorFastPathTest.network(PropagatorFastPathTest.WIDE, mode, 21);
        Dataset data = PropagatorFastPathTest.sparseData(samples, PropagatorFastPathTest.WIDE[0], 10, 22);
        if (mode != BatchNormMode.OFF) {
            Propagator propagator = new Propagator(net, samples); // running statistics away from their start
            propagator.forward(data, null, 0, samples, true);
        }
        Evaluation one;
        int[] predicted;
        try (Evaluator e = new Evaluator(net, 1)) {
            one = e.evaluate(data, 0.4);
            predicted = e.predict(data);
        }
        for (int threads = 2; threads <= 3; threads++) {
            try (Evaluator e = new Evaluator(net, threads)) {
                for (int repeat = 0; repeat < 3; repeat++) {
                    Evaluation other = e.evaluate(data, 0.4);
                    assertEquals(Double.doubleToLongBits(one.cost()), Double.doubleToLongBits(other.cost()));
                    assertEquals(Double.doubleToLongBits(one.accuracy()), Double.doubleToLongBits(other.accuracy()));
                    assertEquals(one.samples(), other.samples());
                }
                assertArrayEquals(predicted, e.predict(data));
            }
        }
    }

    @ParameterizedTest(name = "samples={0}")
    @CsvSource({"1", "777"})
    void chunkSumsMatchOnePassOverTheWholeSet(int samples) {
        // Chunks are summed in order, so a set within one chunk gives exactly one pass's sum.
        Network net = PropagatorFastPathTest.network(PropagatorFastPathTest.WIDE, BatchNormMode.OFF, 23);
        Dataset data = PropagatorFastPathTest.sparseData(samples, PropagatorFastPathTest.WIDE[0], 10, 24);
        Propagator propagator = new Propagator(net, samples);
        propagator.forward(data, null, 0, samples, false);
        double expected = 0;
        int right = 0;
        for (int from = 0; from < samples; from += Evaluator.CHUNK) {
            int to = Math.min(samples, from + Evaluator.CHUNK);
            Propagator chunk = new Propagator(net, Evaluator.CHUNK);
            chunk.forward(data, null, from, to, false);
            expected += chunk.crossEntropySum();
            right += chunk.correct();
        }
        try (Evaluator e = new Evaluator(net, 2)) {
            Evaluation r = e.evaluate(data, 0);
            assertEquals(Double.doubleToLongBits(expected / samples), Double.doubleToLongBits(r.cost()));
            assertEquals((double) right / samples, r.accuracy(), 0);
            assertEquals(propagator.correct(), right);
        }
    }
}
