package io.github.scratchnet.cli;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.data.Mnist;
import io.github.scratchnet.data.MnistSplits;
import io.github.scratchnet.experiment.MnistData;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.nn.Evaluation;
import io.github.scratchnet.nn.Evaluator;
import io.github.scratchnet.nn.Formulas;
import io.github.scratchnet.nn.LayerSizes;
import io.github.scratchnet.nn.ModelFile;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.train.Protocol;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: the test accuracy of a saved model, under the formulas of {@code --protocol} (the
 * test images are the same under every split). The evaluator computes the sound formulas; where a
 * protocol's differ in what a prediction is (its batchnorm, on a model with batchnorm layers), the
 * command says so instead of printing another protocol's accuracy.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, modelTransformer = SettingOptions.ProtocolOnly.class,
        description = "Print the test accuracy of a saved model on the data set it was trained on.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE.npz", description = "a model written by train --save")
    Path model;

    @Mixin
    DataSetOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DataSetKind dataSet = data.dataSet();
        // A model trained on the other data set, or of another shape, fails before any data is read.
        Protocol protocol = SettingOptions.config(spec).protocol();
        Network net = ModelFile.load(model, dataSet);
        if (net.batchNorm() != BatchNormMode.OFF && protocol.batchNorm() != Formulas.BatchNormForm.STANDARD) {
            throw new InvalidParameterException("protocol", "evaluate cannot yet compute protocol field batchnorm="
                    + protocol.batchNorm().label() + " for the batchnorm layers of " + model.getFileName()
                    + "; evaluate it under protocol field batchnorm=standard");
        }
        String mismatch = LayerSizes.mismatch(net.sizes(), Mnist.FEATURES, Mnist.CLASSES);
        if (mismatch != null) {
            throw new ScratchnetException("model " + model + " does not fit " + dataSet.displayName() + ": " + mismatch
                    + "; evaluate a model trained on " + dataSet.displayName());
        }
        MnistData.requireFiles(dataSet, data.dataDir());
        MnistSplits splits = dataSet.load(data.dataDir(), 1);
        try (Evaluator evaluator = new Evaluator(net, Runtime.getRuntime().availableProcessors())) {
            Evaluation test = evaluator.evaluate(splits.test(), 0);
            System.out.printf("test accuracy %.4f (%d images)%n", test.accuracy(), test.samples());
        }
        return 0;
    }
}
