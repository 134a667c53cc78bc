package io.github.scratchnet.nn;

import io.github.scratchnet.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What a trained network does, for the notebooks' figures: its predictions as a confusion matrix
 * and a list of mistakes, its first-layer weights as images, and the values its hidden layers
 * take on a data set. Inference only (batchnorm uses the running statistics); nothing here
 * changes the network.
 */
public final class Inspection {
    private Inspection() {}

    /** One misclassified sample: its index in the data set, its label and the predicted class. */
    public record Mistake(int sample, int label, int predicted) {}

    /** {@code counts[label][predicted]}: how often each class was predicted as each class. */
    public static int[][] confusionMatrix(Network net, Dataset data) {
        int[] predicted = predict(net, data);
        int[][] counts = new int[data.classes()][data.classes()];
        for (int i = 0; i < predicted.length; i++) counts[data.label(i)][predicted[i]]++;
        return counts;
    }

    /** The first {@code max} misclassified samples of {@code data}, in data-set order. */
    public static List<Mistake> mistakes(Network net, Dataset data, int max) {
        int[] predicted = predict(net, data);
        List<Mistake> out = new ArrayList<>();
        for (int i = 0; i < predicted.length && out.size() < max; i++) {
            if (predicted[i] != data.label(i)) out.add(new Mistake(i, data.label(i), predicted[i]));
        }
        return out;
    }

    /** The incoming weights of each first-layer unit, one row of {@code inputSize} values per unit (an image for MNIST). */
    public static double[][] firstLayerWeights(Network net) {
        DMatrixRMaj wt = net.parameters().wt(1); // inputs x units
        double[][] units = new double[wt.numCols][wt.numRows];
        for (int i = 0; i < wt.numRows; i++) {
            for (int j = 0; j < wt.numCols; j++) units[j][i] = wt.get(i, j);
        }
        return units;
    }

    /**
     * The output of every hidden layer on every sample of {@code data}, after ReLU and, with
     * batchnorm, after normalising (what the next layer reads): {@code result[l - 1]} holds
     * layer {@code l}'s {@code samples x units} values, sample by sample.
     */
    public static double[][] hiddenActivations(Network net, Dataset data) {
        int hidden = net.layers() - 1;
        double[][] out = new double[hidden][];
        for (int l = 1; l <= hidden; l++) out[l - 1] = new double[data.size() * net.sizes()[l]];
        try (Propagator propagator = new Propagator(net, Evaluator.CHUNK)) {
            for (int from = 0; from < data.size(); from += Evaluator.CHUNK) {
                int to = Math.min(from + Evaluator.CHUNK, data.size());
                propagator.forward(data, null, from, to, false);
                for (int l = 1; l <= hidden; l++) {
                    int width = net.sizes()[l];
                    System.arraycopy(propagator.hiddenOutput(l).data, 0, out[l - 1], from * width, (to - from) * width);
                }
            }
        }
        return out;
    }

    private static int[] predict(Network net, Dataset data) {
        try (Evaluator e = new Evaluator(net, 1)) {
            return e.predict(data);
        }
    }
}
