package io.github.scratchnet.jmh;

import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Evaluation;
import io.github.scratchnet.nn.Evaluator;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.train.TrainConfig;
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

/** One validation check of the reference workload: cost and accuracy on all 12000 validation samples. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ValidationBenchmark {
    @Param({"1", "2"})
    public int threads;

    private Dataset validation;
    private Evaluator evaluator;

    @Setup(Level.Trial)
    public void setUp() {
        validation = MnistState.get().validation();
        Network net = Network.initialize(TrainConfig.reportLayers(), BatchNormMode.OFF, 1);
        evaluator = new Evaluator(net, threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        evaluator.close();
    }

    @org.openjdk.jmh.annotations.Benchmark
    public Evaluation validate() {
        return evaluator.evaluate(validation, 0);
    }
}
