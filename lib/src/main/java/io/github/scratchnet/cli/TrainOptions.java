package io.github.scratchnet.cli;

import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.TrainConfig;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The hyper-parameter options shared by {@code train} and {@code sweep}, with the report's defaults. */
public final class TrainOptions {
    @Mixin
    DataSetOptions data = new DataSetOptions();

    @Option(names = "--layers", split = ",", paramLabel = "N", description = "layer sizes, input first (default: 784,20,7,5,10)")
    int[] layers = TrainConfig.REPORT_LAYERS.clone();

    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = 0.009;

    @Option(names = "--batch-size", paramLabel = "B", description = "samples per step (default: ${DEFAULT-VALUE})")
    int batchSize = 128;

    @Option(names = "--max-epochs", paramLabel = "E", description = "upper bound on epochs (default: ${DEFAULT-VALUE})")
    int maxEpochs = 100;

    @Option(names = "--batchnorm", paramLabel = "MODE", converter = BatchNormConverter.class,
            description = "off, normalize (the report's) or full (default: off)")
    BatchNormMode batchNorm = BatchNormMode.OFF;

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "L2 lambda (default: ${DEFAULT-VALUE})")
    double l2 = 0;

    @Option(names = "--patience", paramLabel = "STEPS",
            description = "steps without validation improvement before stopping; 0 = never (default: ${DEFAULT-VALUE})")
    int patience = 100;

    @Option(names = "--eval-every", paramLabel = "STEPS", description = "steps between validation checks (default: ${DEFAULT-VALUE})")
    int evalEvery = 100;

    @Option(names = "--min-delta", paramLabel = "COST", description = "smallest improvement that counts (default: ${DEFAULT-VALUE})")
    double minDelta = 0;

    @Option(names = "--restore-best", description = "put back the parameters of the best check when stopping")
    boolean restoreBest;

    @Option(names = "--seed", paramLabel = "SEED", description = "drives initialisation and the order of the batches (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--split-seed", paramLabel = "SEED",
            description = "drives the 48000/12000 training/validation split (default: --seed); keep it fixed to compare seeds on the same images")
    Long splitSeed;

    /** The validated configuration (throws a one-line error for nonsense values). */
    public TrainConfig toConfig() {
        return TrainConfig.builder().layers(layers).learningRate(learningRate).batchSize(batchSize).maxEpochs(maxEpochs)
                .batchNorm(batchNorm).l2(l2).patience(patience).evalEvery(evalEvery).minDelta(minDelta)
                .restoreBest(restoreBest).seed(seed).splitSeed(splitSeed == null ? seed : splitSeed).build();
    }

    /** {@code --data-dir}, else the folder of {@code --dataset}. */
    public Path dataDir() {
        return data.dataDir();
    }

    public DataSetKind dataSet() {
        return data.dataSet();
    }

    /** Lets picocli report a bad mode as a usage error with the allowed values. */
    static final class BatchNormConverter implements picocli.CommandLine.ITypeConverter<BatchNormMode> {
        @Override
        public BatchNormMode convert(String value) {
            try {
                return BatchNormMode.parse(value);
            } catch (RuntimeException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a batchnorm mode; use off, normalize or full");
            }
        }
    }
}
