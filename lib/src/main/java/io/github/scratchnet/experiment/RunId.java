package io.github.scratchnet.experiment;

import io.github.scratchnet.train.TrainConfig;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * Names a run after its {@link TrainConfig}: {@code bs16_bn-off_l2-0.05_seed1_3f9a0c2e}. The swept
 * fields are spelled out so a folder listing reads like the report's table; the eight hex digits
 * hash everything else (layers, learning rate, epochs, patience, ...), so two configurations that
 * differ anywhere get different names. Ids use only letters, digits, {@code . _ -}: safe as file
 * names on every system.
 */
public final class RunId {
    private RunId() {}

    /** The run's id; equal configurations, and only those, share it (up to a 32-bit hash). */
    public static String of(TrainConfig config) {
        return "bs" + config.batchSize() + "_bn-" + config.batchNorm().label() + "_l2-" + plain(config.l2())
                + "_seed" + config.seed() + "_" + hash(config);
    }

    /** The id without the seed: the runs of one configuration over several seeds share it. */
    public static String ofConfiguration(TrainConfig config) {
        return "bs" + config.batchSize() + "_bn-" + config.batchNorm().label() + "_l2-" + plain(config.l2())
                + "_" + hash(config);
    }

    /**
     * The fields the readable part leaves out, in a fixed spelling. It must never change for an
     * existing field: a new spelling would rename every stored run and defeat resuming.
     */
    static String rest(TrainConfig c) {
        return "layers=" + Arrays.stream(c.layers()).mapToObj(Integer::toString).collect(Collectors.joining(","))
                + ";lr=" + c.learningRate() + ";maxEpochs=" + c.maxEpochs() + ";patience=" + c.patience()
                + ";evalEvery=" + c.evalEvery() + ";minDelta=" + c.minDelta() + ";restoreBest=" + c.restoreBest()
                + ";splitSeed=" + c.splitSeed();
    }

    static String hash(TrainConfig c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(rest(c).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code 0.05} rather than {@code 5.0E-2}, {@code 0} rather than {@code 0.0}. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
