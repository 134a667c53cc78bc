package io.github.scratchnet.notebook;

import io.github.scratchnet.experiment.SweepGrid;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configurations behind each question of the report, built from a {@link NotebookSettings}
 * (so smoke mode gets the same lists, scaled down), in the report's row order: batch size
 * ascending.
 *
 * <p>Two stopping rules appear side by side. The one-check rule checks the validation cost every
 * 100 steps and stops at the first check that does not improve on the best so far (patience equal
 * to the check interval). The patient rule waits {@value #PATIENT_CHECKS} checks without
 * improvement and then puts back the parameters of the best check. Neither is the report's own
 * rule, which stops when two consecutive validation costs differ by less than 1e-4
 * ({@link io.github.scratchnet.train.Protocol.Stopping#COST_CHANGE}, replayed by
 * {@link io.github.scratchnet.experiment.ReportReplica}).
 */
public final class ReportQuestions {
    // Private arrays behind methods that hand out copies: a cell that edits its copy changes nothing here.
    private static final double[] LAMBDAS = {0.2, 0.15, 0.1, 0.05};
    /** The lambda the report kept for its question 6 tables. */
    public static final double REPORT_LAMBDA = 0.05;
    /** Checks without improvement the patient rule waits for. */
    public static final int PATIENT_CHECKS = 10;
    private static final int[] PATIENCE_CHECKS = {1, 3, PATIENT_CHECKS};

    private final NotebookSettings settings;

    public ReportQuestions(NotebookSettings settings) {
        this.settings = settings;
    }

    /** The lambdas the report tried for question 6, largest first: a fresh copy on every call. */
    public static double[] lambdas() {
        return LAMBDAS.clone();
    }

    /**
     * The patiences, in checks, of the stopping-rule study: the one-check rule's 1, 3 and the
     * patient rule's {@value #PATIENT_CHECKS}; a fresh copy on every call.
     */
    public static int[] patienceChecks() {
        return PATIENCE_CHECKS.clone();
    }

    public NotebookSettings settings() {
        return settings;
    }

    /** Question 4: every batch size, no batchnorm, no L2, the one-check stopping rule. */
    public List<TrainConfig> q4() {
        return grid().configs();
    }

    /** Question 5: every batch size with the given batchnorm mode ({@code NORMALIZE} is the report's). */
    public List<TrainConfig> q5(BatchNormMode mode) {
        return grid().batchNorm(mode).configs();
    }

    /**
     * Question 6, the lambda search: each lambda of {@link #lambdas()} at each given batch size, no
     * batchnorm, with the first {@code seeds} of the settings' seeds (all of them when there are fewer).
     */
    public List<TrainConfig> lambdaSearch(int seeds, int... batchSizes) {
        long[] all = settings.seeds();
        return SweepGrid.of(settings.base(batchSizes[0])).batchSizes(batchSizes).l2(LAMBDAS)
                .seeds(java.util.Arrays.copyOf(all, Math.min(seeds, all.length))).configs();
    }

    /** Question 6 with a chosen lambda: every batch size, with the given batchnorm mode. */
    public List<TrainConfig> q6(double lambda, BatchNormMode mode) {
        return grid().l2(lambda).batchNorm(mode).configs();
    }

    /**
     * Two runs that differ only in L2: the report's configuration at one batch size with no
     * early stopping (patience 0) for {@code epochs} epochs (the mode's maximum in smoke mode),
     * first without L2 and then with {@code lambda}. Same seed, same initialisation, same batch
     * order and the same number of steps, so any difference between the two trained networks
     * comes from the penalty.
     */
    public List<TrainConfig> weightPair(int batchSize, int epochs, double lambda) {
        TrainConfig base = settings.base(batchSize).toBuilder().patience(0)
                .maxEpochs(settings.smoke() ? settings.maxEpochs() : epochs).build();
        return List.of(base, base.toBuilder().l2(lambda).build());
    }

    private SweepGrid grid() {
        int[] batchSizes = NotebookSettings.batchSizes();
        return SweepGrid.of(settings.base(batchSizes[0])).batchSizes(batchSizes)
                .seeds(settings.seeds());
    }

    /**
     * Every configuration under each stopping rule of the sensitivity study: a patience of each of
     * {@link #patienceChecks()} checks, without and with restoring the best check (the one-check rule
     * and the patient rule among them). The sweep trains each group once, at its most patient rule.
     */
    public static List<TrainConfig> stoppingRules(List<TrainConfig> configs) {
        List<TrainConfig> out = new ArrayList<>();
        for (TrainConfig c : configs) {
            for (int checks : PATIENCE_CHECKS) {
                for (boolean restore : new boolean[] {false, true}) {
                    out.add(c.toBuilder().patience(checks * c.evalEvery()).restoreBest(restore).build());
                }
            }
        }
        return out;
    }

    /** The same run under the patient rule: {@value #PATIENT_CHECKS} checks of patience, best parameters restored. */
    public static TrainConfig patient(TrainConfig c) {
        return c.toBuilder().patience(PATIENT_CHECKS * c.evalEvery()).restoreBest(true).build();
    }

    /** {@link #patient(TrainConfig)} for each configuration, in the same order. */
    public static List<TrainConfig> patient(List<TrainConfig> configs) {
        return configs.stream().map(ReportQuestions::patient).toList();
    }

    /** True for a configuration under the patient rule. */
    public static boolean isPatient(TrainConfig c) {
        return c.restoreBest() && c.patience() == PATIENT_CHECKS * c.evalEvery();
    }

    /**
     * {@code cost-change rule} (the report's own, under a protocol that stops on the change of the
     * validation cost), {@code one-check rule}, {@code patient rule} or, for anything else, the
     * patience in checks or steps.
     */
    public static String stoppingRule(TrainConfig c) {
        if (c.protocol().stopping() == Protocol.Stopping.COST_CHANGE) return "cost-change rule";
        if (isPatient(c)) return "patient rule";
        if (c.patience() == c.evalEvery() && !c.restoreBest()) return "one-check rule";
        if (c.patience() == 0) return "no early stopping";
        String patience = c.patience() % c.evalEvery() == 0
                ? "patience " + c.patience() / c.evalEvery() + (c.patience() == c.evalEvery() ? " check" : " checks")
                : "patience " + c.patience() + " steps";
        return c.restoreBest() ? patience + ", best restored" : patience;
    }

    /** A short label for progress displays: {@code batch 16, normalize, λ 0.05, patient rule, seed 2}. */
    public static String label(TrainConfig c) {
        StringBuilder sb = new StringBuilder("batch ").append(c.batchSize());
        if (c.batchNorm() != BatchNormMode.OFF) sb.append(", ").append(c.batchNorm().label());
        if (c.l2() != 0) sb.append(", λ ").append(Html.plain(c.l2()));
        return sb.append(", ").append(stoppingRule(c)).append(", seed ").append(c.seed()).toString();
    }

    /**
     * The same configurations ordered by what tends to make a run long, so that on a small pool the
     * long runs start first: batch size descending (large batches with a fixed learning rate need
     * the most epochs), then the patient rule before the others (it outlasts the one-check rule),
     * then full batchnorm, normalize, off (batchnorm costs extra per step). Nothing is measured:
     * runs with the same keys keep their order.
     */
    public static List<TrainConfig> largeBatchesFirst(List<TrainConfig> configs) {
        List<TrainConfig> out = new ArrayList<>(configs);
        out.sort(Comparator.comparingInt(TrainConfig::batchSize).reversed()
                .thenComparing(c -> !isPatient(c))
                .thenComparingInt(c -> batchNormCostRank(c.batchNorm())));
        return out;
    }

    // Named, not BatchNormMode's declaration order, so a reordered or extended enum cannot change the schedule.
    private static int batchNormCostRank(BatchNormMode mode) {
        if (mode == BatchNormMode.FULL) return 0;
        if (mode == BatchNormMode.NORMALIZE) return 1;
        return 2;
    }

    /** The configurations whose batch size is one of {@code batchSizes}, in their order. */
    public static List<TrainConfig> only(List<TrainConfig> configs, int... batchSizes) {
        return configs.stream().filter(c -> java.util.Arrays.stream(batchSizes).anyMatch(b -> b == c.batchSize())).toList();
    }

    /** Every list, concatenated in order, without repeats. */
    @SafeVarargs
    public static List<TrainConfig> all(List<TrainConfig>... lists) {
        List<TrainConfig> out = new ArrayList<>();
        for (List<TrainConfig> l : lists) for (TrainConfig c : l) if (!out.contains(c)) out.add(c);
        return out;
    }
}
