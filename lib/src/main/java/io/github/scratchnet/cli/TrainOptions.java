package io.github.scratchnet.cli;

import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.train.TrainConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The options shared by {@code train} and {@code sweep}: the data set, and one option per training
 * setting, made from the settings' declarations ({@link SettingOptions}), with the report's defaults.
 */
@Command(modelTransformer = SettingOptions.All.class)
public final class TrainOptions {
    @Mixin
    DataSetOptions data = new DataSetOptions();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The validated configuration (throws a one-line error for nonsense values). */
    public TrainConfig toConfig() {
        return SettingOptions.config(spec);
    }

    /** The settings given on the command line; the others keep their defaults. */
    public TrainConfig.Builder builder() {
        return SettingOptions.builder(spec);
    }

    /** {@code --data-dir}, else the folder of {@code --dataset}. */
    public Path dataDir() {
        return data.dataDir();
    }

    public DataSetKind dataSet() {
        return data.dataSet();
    }
}
