package io.github.scratchnet.train;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Dataset;
import io.github.scratchnet.nn.Evaluation;
import io.github.scratchnet.nn.Evaluator;
import io.github.scratchnet.nn.LayerSizes;
import io.github.scratchnet.nn.Network;
import io.github.scratchnet.nn.Propagator;
import io.github.scratchnet.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mini-batch training (plain SGD, momentum or Adam: {@link TrainConfig#optimizer}) with validation
 * checks and early stopping: the report's {@code L_layer_model}.
 *
 * <p>Initialisation uses the seed, as the protocol's {@link Protocol#init} says; under
 * {@link Protocol.BatchOrder#RESHUFFLED} the order of the training samples is reshuffled every
 * epoch from a second stream derived from the same seed, so a run is a pure function of its
 * configuration and data. The stopping rule and what a check records follow
 * {@link Protocol#stopping}. The trainer checks the thread's interrupt flag at every step.
 */
public final class Trainer {
    /** A batch cost this many times the first batch's counts as divergence. */
    public static final double DIVERGENCE_FACTOR = 100;

    private final TrainConfig config;
    private final int evalThreads;
    private TrainingListener listener = TrainingListener.NONE;
    private List<TrainConfig> observed = List.of();
    private volatile long validationNanos;

    /** A trainer that evaluates on one thread (the right choice when runs go in parallel). */
    public Trainer(TrainConfig config) {
        this(config, 1);
    }

    /** A trainer whose validation checks use {@code evalThreads} threads; results do not depend on it. */
    public Trainer(TrainConfig config, int evalThreads) {
        this.config = config;
        this.evalThreads = evalThreads;
    }

    /**
     * Wall time the training loop of the current (or last) {@code fit} spent on validation checks,
     * in nanoseconds. When checks run beside the training steps (small batches on several
     * threads), this is the time the loop waited for them, not the checks' own duration.
     */
    public long validationNanos() {
        return validationNanos;
    }

    /**
     * Stopping rules to observe on this trainer's run: configurations equal to this trainer's but
     * for {@code patience} and {@code restoreBest}, none more patient than this one (a patience of
     * 0, never stopping, is the most patient). A stopping rule does not change the steps taken
     * before it fires, so one run continued to the most patient stop holds every less patient
     * rule's run: at the check where a rule fires, the trainer evaluates the parameters that rule
     * would return and records the result, bit for bit the one the rule would have given alone
     * (only the time differs). {@link #fitAll} returns them.
     *
     * @throws ScratchnetException for a configuration that differs in anything else, or is more patient
     */
    public Trainer observing(List<TrainConfig> rules) {
        if (!rules.isEmpty() && config.protocol().stopping() != Protocol.Stopping.PATIENCE) {
            throw new ScratchnetException("cannot observe stopping rules on a run whose protocol stops by cost change;"
                    + " patience rules need protocol field stopping=patience");
        }
        for (TrainConfig r : rules) {
            TrainConfig same = r.toBuilder().patience(config.patience()).restoreBest(config.restoreBest()).build();
            if (!same.equals(config)) {
                throw new ScratchnetException("cannot observe [" + r + "] on the run of [" + config
                        + "]: only the patience and restoreBest may differ");
            }
            if (morePatient(r, config)) {
                throw new ScratchnetException("cannot observe patience " + r.patience() + " on a run with patience "
                        + config.patience() + "; train the most patient rule and observe the others");
            }
        }
        this.observed = List.copyOf(rules);
        return this;
    }

    /** True when {@code a} waits longer than {@code b} (patience 0 waits for ever). */
    public static boolean morePatient(TrainConfig a, TrainConfig b) {
        long pa = a.patience() == 0 ? Long.MAX_VALUE : a.patience();
        long pb = b.patience() == 0 ? Long.MAX_VALUE : b.patience();
        return pa > pb;
    }

    public Trainer listener(TrainingListener listener) {
        this.listener = listener == null ? TrainingListener.NONE : listener;
        return this;
    }

    /** Trains a freshly initialised network; {@code test} may be null. */
    public TrainingResult fit(Dataset train, Dataset validation, Dataset test) {
        return fitAll(train, validation, test).get(0);
    }

    /**
     * Trains a freshly initialised network and returns its result first, then the result of each
     * {@link #observing observed} rule, in the order given there.
     */
    public List<TrainingResult> fitAll(Dataset train, Dataset validation, Dataset test) {
        checkData(train, validation, test);
        Protocol p = config.protocol();
        Network net = Network.initialize(config.layers(), config.batchNorm(), config.activation(), p.formulas(), p.init(),
                config.seed());
        return fitAll(net, train, validation, test);
    }

    /** Trains {@code net} in place (its layer sizes must match the configuration). */
    public TrainingResult fit(Network net, Dataset train, Dataset validation, Dataset test) {
        return fitAll(net, train, validation, test).get(0);
    }

    /** {@link #fitAll(Dataset, Dataset, Dataset)} on {@code net}, trained in place from a fresh optimiser. */
    public List<TrainingResult> fitAll(Network net, Dataset train, Dataset validation, Dataset test) {
        return fitAll(net, config.optimizer().create(config.learningRate(), net.parameters()), train, validation, test);
    }

    /**
     * Trains {@code net} in place, going on from the state of {@code optimizer} (an optimiser of
     * {@code net}'s parameters with this configuration's rule and rate, e.g. read back from a model
     * file), which is trained in place too.
     */
    public TrainingResult fit(Network net, Optimizer optimizer, Dataset train, Dataset validation, Dataset test) {
        return fitAll(net, optimizer, train, validation, test).get(0);
    }

    private List<TrainingResult> fitAll(Network net, Optimizer optimizer, Dataset train, Dataset validation,
            Dataset test) {
        checkData(train, validation, test);
        if (!net.formulas().equals(config.protocol().formulas())) {
            throw new ScratchnetException("the network computes with " + net.formulas() + " but protocol "
                    + config.protocol() + " asks for " + config.protocol().formulas()
                    + "; initialise the network from the same protocol");
        }
        if (net.activation() != config.activation()) {
            throw new ScratchnetException("the network's hidden activation is " + net.activation().label()
                    + " but the configuration asks for " + config.activation().label()
                    + "; initialise the network with the configuration's activation");
        }
        if (optimizer.parameters() != net.parameters() || !optimizer.spec().equals(config.optimizer())
                || optimizer.learningRate() != config.learningRate()) {
            throw new ScratchnetException("the optimizer " + optimizer + " does not belong to this network and configuration ("
                    + config.optimizer() + " lr=" + config.learningRate() + "); make it with"
                    + " config.optimizer().create(config.learningRate(), net.parameters())");
        }
        TrainingState state = new TrainingState(net, optimizer);
        boolean anyRestores = config.restoreBest() || observed.stream().anyMatch(TrainConfig::restoreBest);
        Run run = new Run(state, anyRestores ? state.copy() : null, train, validation, test);
        validationNanos = 0;
        // The propagator splits large batches across the same threads as the checks; neither changes a number.
        try (Propagator propagator = new Propagator(net, config.batchSize(), evalThreads);
                Evaluator evaluator = new Evaluator(net, evalThreads);
                Observers observers = new Observers(run, evaluator);
                Checks checks = new Checks(run, evaluator, observers, evalThreads > 1 && !propagator.splits(config.batchSize()))) {
            new Loop(run, propagator, checks).train();
            double trainSeconds = seconds(run.start);
            // Rules that have not fired end where this run ends, for the same reason.
            observers.finish(run.epoch, run.step, run.reason, trainSeconds);
            List<TrainingResult> results = new ArrayList<>();
            results.add(observers.result(config, state, run.epoch, run.step, run.reason, trainSeconds, true));
            results.addAll(observers.results());
            return results;
        }
    }

    /**
     * One {@code fit}: its data, the trained state and the copy of its best check, the stopping rule
     * and history, and where the loop stands (epoch, step, stop reason).
     */
    private final class Run {
        final TrainingState state;
        final TrainingState best;          // null when no rule restores the best check
        final Dataset train;
        final Dataset validation;
        final Dataset test;
        final StoppingRule stopping = StoppingRule.of(config);
        final List<Check> history = new ArrayList<>();
        final long start = System.nanoTime();
        int epoch;
        long step;
        StopReason reason = StopReason.MAX_EPOCHS;

        Run(TrainingState state, TrainingState best, Dataset train, Dataset validation, Dataset test) {
            this.state = state;
            this.best = best;
            this.train = train;
            this.validation = validation;
            this.test = test;
        }
    }

    /** The training loop of one {@code fit}: epochs of steps, a check every {@code evalEvery} steps. */
    private final class Loop {
        private final Run run;
        private final Propagator propagator;
        private final Checks checks;
        private final int[] order;
        // A stream of its own for shuffling, so initialisation and order do not depend on each other.
        private final Random shuffle = new Random(config.seed() * 0x9E3779B97F4A7C15L + 1);
        private final boolean reportChecks = config.protocol().stopping() == Protocol.Stopping.COST_CHANGE;
        private double firstCost = Double.NaN;

        Loop(Run run, Propagator propagator, Checks checks) {
            this.run = run;
            this.propagator = propagator;
            this.checks = checks;
            order = new int[run.train.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
        }

        /** Epoch after epoch until a stop reason (kept in the run) or the last epoch. */
        void train() {
            for (run.epoch = 1; run.epoch <= config.maxEpochs(); run.epoch++) {
                StopReason stop = epoch();
                if (stop != null) {
                    run.reason = stop;
                    return;
                }
                listener.onEpochEnd(run.epoch, run.step);
            }
            run.epoch = config.maxEpochs();
        }

        /** The steps of one epoch, then the check still running; a stop reason when training must end. */
        private StopReason epoch() {
            if (config.protocol().order() == Protocol.BatchOrder.RESHUFFLED) Dataset.shuffle(order, shuffle);
            int n = order.length;
            for (int from = 0; from < n; from += config.batchSize()) {
                StopReason stop = step(from, Math.min(from + config.batchSize(), n));
                if (stop != null) return stop;
            }
            return stoppedAt(checks.settle());
        }

        /** One step on samples {@code order[from..to)} and, when one is due, the check after it. */
        private StopReason step(int from, int to) {
            if (Thread.currentThread().isInterrupted()) throw new TrainingInterruptedException(run.step);
            propagator.forward(run.train, order, from, to, true);
            int m = to - from;
            double cost = batchCost(m);
            if (run.step == 0) firstCost = cost;
            // the report's procedure ran on through exploding costs: only NaN/Inf ends it
            boolean exploded = !reportChecks && cost > DIVERGENCE_FACTOR * Math.max(firstCost, 1e-3);
            if (!Double.isFinite(cost) || exploded) return diverged(cost);
            // backward and the optimiser's step in one pass: the numbers of backward + Optimizer.step
            propagator.backwardAndUpdate(config.l2(), run.state.optimizer);
            run.step++;
            if (run.step % config.evalEvery() != 0) return null;
            // the report's check: the batch's cost before the update, the L2 term after it
            if (reportChecks) cost = batchCost(m);
            return stoppedAt(checks.check(run.step, run.epoch, cost));
        }

        // the batch's cost: cross-entropy + λ/(2m)·ΣW²
        private double batchCost(int m) {
            double lambda = config.l2();
            return propagator.crossEntropy() + (lambda == 0 ? 0 : lambda / (2.0 * m) * run.state.net.l2SumOfSquares());
        }

        /** A cost that is NaN, infinite or exploded: a check still running comes first, as it may have ended training before this step. */
        private StopReason diverged(double cost) {
            StopReason earlier = stoppedAt(checks.settle());
            if (earlier != null) return earlier;
            run.history.add(new Check(run.step, run.epoch, cost, Double.NaN, Double.NaN, seconds(run.start)));
            return StopReason.DIVERGED;
        }

        /** A check's stop reason, with the run's step set back to that check's. */
        private StopReason stoppedAt(StopReason stop) {
            if (stop != null) run.step = checks.stopStep();
            return stop;
        }
    }

    /**
     * The observed stopping rules of one {@code fit}: each fires at the first check where as many
     * steps as its patience have passed since the best check (the best check is the same for
     * every rule, as the costs are), and is then evaluated as its own run would be at its end.
     */
    private final class Observers implements AutoCloseable {
        private final Run run;
        private final Evaluator netEvaluator;
        private final TrainingResult[] fired = new TrainingResult[observed.size()];
        private TrainingState view;
        private Evaluator viewEvaluator;

        Observers(Run run, Evaluator netEvaluator) {
            this.run = run;
            this.netEvaluator = netEvaluator;
        }

        /** After check {@code step} was recorded: fires every rule whose patience has run out, on {@code checked}. */
        void afterCheck(long step, int epoch, TrainingState checked) {
            for (int i = 0; i < fired.length; i++) {
                TrainConfig rule = observed.get(i);
                if (fired[i] != null || rule.patience() == 0 || step - run.stopping.bestStep() < rule.patience()) continue;
                fired[i] = result(rule, checked, epoch, step, StopReason.EARLY_STOPPING, seconds(run.start), false);
            }
        }

        /** The rules that did not fire end with this run: its epoch, step and reason. */
        void finish(int epoch, long step, StopReason reason, double seconds) {
            for (int i = 0; i < fired.length; i++) {
                if (fired[i] == null) fired[i] = result(observed.get(i), run.state, epoch, step, reason, seconds, false);
            }
        }

        List<TrainingResult> results() {
            return List.of(fired);
        }

        /**
         * The result of {@code rule} stopping here with {@code current} as the trained state: its
         * best check's parameters and optimiser state when it restores them (as {@code fit} does at
         * its end). {@code inPlace} (the run's own result, at its end) puts them into the trained
         * network itself; otherwise a copy is evaluated, so the network stays untouched for the
         * rules still running.
         */
        TrainingResult result(TrainConfig rule, TrainingState current, int epoch, long step, StopReason reason,
                double seconds, boolean inPlace) {
            TrainingState out = inPlace ? run.state : view();
            boolean restore = rule.restoreBest() && reason != StopReason.DIVERGED && run.stopping.bestStep() > 0;
            if (restore) out.setTo(run.best);
            else if (out != current) out.setTo(current);
            Evaluator e = inPlace ? netEvaluator : viewEvaluator;
            double lambda = rule.l2();
            Evaluation trainEval = e.evaluate(run.train, lambda);
            Evaluation valEval = e.evaluate(run.validation, lambda);
            double testAccuracy = run.test == null ? Double.NaN : e.evaluate(run.test, lambda).accuracy();
            TrainingState kept = inPlace ? out : out.copy();
            return new TrainingResult(rule, kept.net, kept.optimizer, run.history, epoch, step, reason, seconds,
                    trainEval.cost(), trainEval.accuracy(), valEval.cost(), valEval.accuracy(), testAccuracy);
        }

        private TrainingState view() {
            if (view == null) {
                view = run.state.copy();
                viewEvaluator = new Evaluator(view.net, evalThreads);
            }
            return view;
        }

        @Override
        public void close() {
            if (viewEvaluator != null) viewEvaluator.close();
        }
    }

    /**
     * The validation checks of one {@code fit}. Either each check runs at once on the network, or
     * (when the steps themselves use one thread and there are spare threads) it runs on a snapshot
     * of the network on the helper threads while the next steps train, and is settled at the next
     * check, at the end of the epoch or before a divergence is reported. A settled check that ends
     * training puts the snapshot (parameters and optimiser state) back, so the result is exactly
     * that of stopping at the check.
     */
    private final class Checks implements AutoCloseable {
        private final Run run;
        private final Evaluator now;
        private final Observers observers;
        private final TrainingState snapshot;
        private final Evaluator background;
        private boolean pending;
        private long pendingStep;
        private int pendingEpoch;
        private double pendingCost;
        private long stopStep;

        Checks(Run run, Evaluator now, Observers observers, boolean overlap) {
            this.run = run;
            this.now = now;
            this.observers = observers;
            this.snapshot = overlap ? run.state.copy() : null;
            this.background = overlap ? new Evaluator(snapshot.net, evalThreads) : null;
        }

        /** The check after step {@code step}; a stop reason when training must end. */
        StopReason check(long step, int epoch, double cost) {
            long t0 = System.nanoTime();
            try {
                if (background == null) {
                    return record(step, epoch, cost, now.evaluate(run.validation, config.l2()), run.state);
                }
                StopReason stop = settleCheck();
                if (stop != null) return stop;
                snapshot.setTo(run.state);
                pendingStep = step;
                pendingEpoch = epoch;
                pendingCost = cost;
                pending = true;
                background.start(run.validation, config.l2());
                return null;
            } finally {
                validationNanos += System.nanoTime() - t0;
            }
        }

        /** Waits for the check still running, if any; a stop reason when it ends training. */
        StopReason settle() {
            long t0 = System.nanoTime();
            try {
                return settleCheck();
            } finally {
                validationNanos += System.nanoTime() - t0;
            }
        }

        /** The step training stopped at, after a stop reason. */
        long stopStep() {
            return stopStep;
        }

        private StopReason settleCheck() {
            if (!pending) return null;
            pending = false;
            StopReason stop = record(pendingStep, pendingEpoch, pendingCost, background.finish(), snapshot);
            if (stop != null) run.state.setTo(snapshot); // back to the step of the check
            return stop;
        }

        private StopReason record(long step, int epoch, double cost, Evaluation val, TrainingState checked) {
            Check check = new Check(step, epoch, cost, val.cost(), val.accuracy(), seconds(run.start));
            run.history.add(check);
            listener.onCheck(check);
            stopStep = step;
            if (!Double.isFinite(val.cost())) return StopReason.DIVERGED;
            if (run.stopping.improved(step, val.cost()) && run.best != null) run.best.setTo(checked);
            observers.afterCheck(step, epoch, checked);
            if (run.stopping.shouldStop(step)) return StopReason.EARLY_STOPPING;
            return null;
        }

        @Override
        public void close() {
            if (background != null) background.close();
        }
    }

    private void checkData(Dataset train, Dataset validation, Dataset test) {
        if (train.size() == 0 || validation.size() == 0) {
            throw new ScratchnetException("training and validation sets must not be empty");
        }
        config.requireFits(train.features(), train.classes(), train.size());
        for (Dataset d : Arrays.asList(validation, test)) {
            if (d != null) LayerSizes.requireFits(config.layers(), d.features(), d.classes());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
