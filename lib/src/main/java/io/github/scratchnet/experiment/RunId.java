package io.github.scratchnet.experiment;

import io.github.scratchnet.train.Setting;
import io.github.scratchnet.train.TrainConfig;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Names a run after its {@link TrainConfig}: {@code bs16_bn-off_l2-0.05_seed1_3f9a0c2e}. The
 * settings a sweep varies ({@link Setting#idPrefix}) are spelled out so a folder listing reads like
 * the report's table; the eight hex digits hash everything else (layers, learning rate, epochs,
 * patience, ...), so two configurations that differ anywhere get different names. A setting added
 * after runs were stored is left out while it has the value those runs had ({@link
 * Setting#isLegacy}): a {@code sound} run keeps its id, a {@code report} one reads
 * {@code bs128_bn-off_l2-0_seed42_report_...}. Ids use only letters, digits, {@code . _ -}: safe as
 * file names on every system.
 */
public final class RunId {
    private RunId() {}

    /** The run's id; equal configurations, and only those, share it (up to a 32-bit hash). */
    public static String of(TrainConfig config) {
        return name(config, true);
    }

    /** The id without the seed: the runs of one configuration over several seeds share it. */
    public static String ofConfiguration(TrainConfig config) {
        return name(config, false);
    }

    private static String name(TrainConfig c, boolean withSeed) {
        List<String> parts = new ArrayList<>();
        for (Setting s : Setting.values()) {
            if (s.idPrefix().isEmpty() || s.isLegacy(c) || (s == Setting.SEED && !withSeed)) continue;
            String value = s.get(c) instanceof Double d ? plain(d) : s.idText(c);
            parts.add(s.idPrefix().get() + value.replace(',', '.').replace('=', '-'));
        }
        parts.add(hash(c));
        return String.join("_", parts);
    }

    /**
     * The settings the readable part leaves out, in a fixed spelling ({@code layers=784,20,7,5,10;lr=0.009;...}).
     * It must never change for an existing setting: a new spelling would rename every stored run
     * and defeat resuming.
     */
    static String rest(TrainConfig c) {
        return Arrays.stream(Setting.values()).filter(s -> s.idPrefix().isEmpty() && !s.isLegacy(c))
                .map(s -> s.key() + "=" + s.idText(c)).collect(Collectors.joining(";"));
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
