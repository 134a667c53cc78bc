package io.github.scratchnet.jmh;

import io.github.scratchnet.bench.Benchmark;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.nn.Propagator;
import io.github.scratchnet.train.TrainConfig;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SGD step of the reference workload, as the trainer takes it: forward on a batch of the
 * shuffled training set, backward and update ({@link Propagator#backwardAndUpdate}). Batches walk through
 * a fixed permutation, so every invocation sees different real MNIST samples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingStepBenchmark {
    @Param({"16", "128", "512"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    private Dataset train;
    private Network net;
    private Propagator propagator;
    private int[] order;
    private int from;

    @Setup(Level.Trial)
    public void setUp() {
        train = MnistState.get().train();
        net = Network.initialize(TrainConfig.reportLayers(), BatchNormMode.OFF, 1);
        propagator = new Propagator(net, batch, threads);
        order = Dataset.permutation(train.size(), new Random(7));
        from = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        propagator.close();
    }

    /** Forward, backward and SGD update of one batch; returns the batch cost. */
    @org.openjdk.jmh.annotations.Benchmark
    public double step() {
        if (from + batch > order.length) from = 0;
        propagator.forward(train, order, from, from + batch, true);
        propagator.backwardAndUpdate(0, Benchmark.LEARNING_RATE);
        from += batch;
        return propagator.crossEntropySum();
    }
}
