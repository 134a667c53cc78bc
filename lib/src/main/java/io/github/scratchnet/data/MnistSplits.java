package io.github.scratchnet.data;

/**
 * MNIST (or Fashion-MNIST) cut into the three parts training needs: {@code train} to fit the weights,
 * {@code validation} to choose hyper-parameters and stop early, {@code test} touched only for the
 * final score.
 */
public record MnistSplits(Dataset train, Dataset validation, Dataset test) {
    @Override
    public String toString() {
        return "MnistSplits[train " + train.size() + ", validation " + validation.size() + ", test "
                + test.size() + "]";
    }
}
