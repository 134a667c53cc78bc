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
 * {@code evaluate}: the test accuracy of a saved model (the test images are the same under every
 * split), computed with the formulas the model file records, or with those of {@code --protocol}
 * when it is given: the report's batchnorm, for one, scores the test set with its own statistics.
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
        Network net = ModelFile.load(model, dataSet);
        if (spec.commandLine().getParseResult().hasMatchedOption("--protocol")) {
            Protocol protocol = SettingOptions.config(spec).protocol();
            if (net.batchNorm() == BatchNormMode.FULL && protocol.batchNorm() == Formulas.BatchNormForm.REPORT) {
                throw new InvalidParameterException("protocol", "protocol field batchnorm=report has no full form, and "
                        + model.getFileName() + " has full batchnorm layers; evaluate it under batchnorm=standard");
            }
            net = new Network(net.sizes(), net.batchNorm(), net.activation(), protocol.formulas(), net.parameters(),
                    net.runningStats());
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
