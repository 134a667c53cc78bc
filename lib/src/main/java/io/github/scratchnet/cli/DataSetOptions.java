package io.github.scratchnet.cli;

import io.github.scratchnet.data.DataSetKind;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --dataset} and {@code --data-dir}, shared by every command; the folder follows the data set unless given. */
public final class DataSetOptions {
    @Option(names = "--dataset", paramLabel = "NAME", converter = Converter.class,
            description = "mnist or fashion-mnist (default: mnist)")
    DataSetKind dataSet = DataSetKind.MNIST;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the data set's folder, fetched when empty (default: data/mnist or data/fashion-mnist, following --dataset)")
    Path dataDir;

    public DataSetKind dataSet() {
        return dataSet;
    }

    /** {@code --data-dir}, else the data set's {@link DataSetKind#defaultDir()}. */
    public Path dataDir() {
        return dataDir != null ? dataDir : dataSet.defaultDir();
    }

    /** Lets picocli report an unknown name as a usage error with the known ones. */
    static final class Converter implements ITypeConverter<DataSetKind> {
        @Override
        public DataSetKind convert(String value) {
            try {
                return DataSetKind.parse(value);
            } catch (RuntimeException e) {
                throw new TypeConversionException("'" + value + "' is not a data set; use " + DataSetKind.labels());
            }
        }
    }
}
