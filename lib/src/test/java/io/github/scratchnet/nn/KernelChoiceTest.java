package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import io.github.scratchnet.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whole training runs give the same bits with the vector kernels and with the plain Java ones:
 * this JVM (started with {@code --add-modules jdk.incubator.vector}) trains a few networks and a
 * second JVM started without that option, which must fall back to the scalar kernels, trains the
 * same ones; the fingerprints of every check and every final parameter must agree.
 */
class KernelChoiceTest {

    /** Prints which kernels ran, then one fingerprint per training run. */
    public static void main(String[] args) throws NoSuchAlgorithmException {
        System.out.println(Kernels.vectorised() ? "vector" : "scalar");
        for (String line : fingerprints()) System.out.println(line);
    }

    static List<String> fingerprints() throws NoSuchAlgorithmException {
        Dataset train = TrainerThreadsTest.data(900, 11);
        Dataset validation = TrainerThreadsTest.data(600, 12);
        Dataset test = TrainerThreadsTest.data(200, 13);
        List<String> out = new ArrayList<>();
        // widths that use every block of the vector kernels (5, 2 and 1 vectors, and leftovers)
        TrainConfig base = TrainConfig.report(16, 5).toBuilder().layers(140, 31, 9, 4).learningRate(0.1)
                .maxEpochs(3).evalEvery(9).build();
        for (TrainConfig c : List.of(base,
                base.toBuilder().batchSize(128).l2(0.3).build(),
                base.toBuilder().batchSize(40).batchNorm(BatchNormMode.NORMALIZE).build(),
                base.toBuilder().batchSize(100).batchNorm(BatchNormMode.FULL).l2(0.05).build())) {
            TrainingResult r = new Trainer(c, 2).fit(train, validation, test);
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder();
            for (Check k : r.history()) {
                text.append(k.step()).append(' ').append(Double.doubleToLongBits(k.trainCost())).append(' ')
                        .append(Double.doubleToLongBits(k.validationCost())).append('\n');
            }
            for (Parameters.Named p : r.network().parameters().named()) {
                for (double v : p.matrix().data) text.append(Double.doubleToLongBits(v)).append('\n');
            }
            text.append(Double.doubleToLongBits(r.testAccuracy()));
            out.add(c.batchSize() + " " + c.batchNorm() + " " + r.history().size() + " checks "
                    + HexFormat.of().formatHex(d.digest(text.toString().getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    @Test
    void vectorAndScalarKernelsTrainTheSameNetworks() throws Exception {
        List<String> here = fingerprints();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KernelChoiceTest.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the second JVM did not finish");
        assertEquals(0, p.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals("scalar", lines.get(0), "without the incubator module the scalar kernels must run:\n" + output);
        assertEquals(here, lines.subList(1, lines.size()), "vector (" + Kernels.vectorised() + ") vs scalar");
        assertTrue(Kernels.vectorised() || !VectorKernels.fitsHardware(), Kernels.describe());
    }
}
