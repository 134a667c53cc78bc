package io.github.scratchnet.cli;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.experiment.MnistData;
import io.github.scratchnet.nn.Evaluation;
import io.github.scratchnet.nn.Evaluator;
import io.github.scratchnet.nn.LayerSizes;
import io.github.scratchnet.nn.ModelFile;
import io.github.scratchnet.nn.Network;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: the test accuracy of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Print the test accuracy of a saved model.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE.npz", description = "a model written by train --save")
    Path model;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "MNIST folder (default: ${DEFAULT-VALUE})")
    Path dataDir = Path.of("data/mnist");

    @Override
    public Integer call() {
        Network net = ModelFile.load(model);
        // MNIST's shape is known without loading it: a model for other data fails at once.
        String mismatch = LayerSizes.mismatch(net.sizes(), Mnist.FEATURES, Mnist.CLASSES);
        if (mismatch != null) {
            throw new ScratchnetException("model " + model + " does not fit MNIST: " + mismatch
                    + "; evaluate a model trained on MNIST");
        }
        MnistData.requireFiles(dataDir);
        MnistSplits data = Mnist.load(dataDir, 1);
        try (Evaluator evaluator = new Evaluator(net, Runtime.getRuntime().availableProcessors())) {
            Evaluation test = evaluator.evaluate(data.test(), 0);
            System.out.printf("test accuracy %.4f (%d images)%n", test.accuracy(), test.samples());
        }
        return 0;
    }
}
