package io.github.scratchnet.notebook;

import io.github.scratchnet.experiment.RunId;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.experiment.SweepListener;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A {@link SweepListener} that keeps one line per run (which run, its state, epoch, step, latest
 * validation accuracy, time) and hands the whole table, rendered as HTML or text, to a sink: in a
 * notebook, {@code html -> updateDisplay(id, html, "text/html")}, which redraws one output in place.
 *
 * <p>The sweep calls the listener from its worker threads. Each event updates the state under a
 * lock and returns at once; the sink is called at most once per interval (250 ms by default), by
 * whichever worker comes first, and never by two threads at a time. A worker that finds the sink
 * busy skips its turn rather than wait, so a slow display never slows training. {@link #finish()}
 * draws the final state unconditionally; call it after {@code sweep.run(...)} returns. A sink that
 * throws is not called again (the sweep goes on).
 */
public final class LiveProgress implements SweepListener {
    /** With more runs than this, the table lists only the running ones (and any to redo). */
    public static final int MAX_LISTED = 16;
    /** Default minimum time between two redraws. */
    public static final long DEFAULT_INTERVAL_MILLIS = 250;

    private enum State { WAITING, RUNNING, FINISHED, REUSED, REDO }

    private static final class Line {
        final String label;
        State state = State.WAITING;
        int epoch;
        long step;
        double validationAccuracy = Double.NaN;
        double seconds;
        String note = "";
        List<Check> curve = new ArrayList<>();
        TrainConfig config;

        Line(String label, TrainConfig config) {
            this.label = label;
            this.config = config;
        }
    }

    private final Map<String, Line> lines = new LinkedHashMap<>();
    private final Consumer<String> sink;
    private final boolean html;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private final ReentrantLock drawing = new ReentrantLock();
    private volatile long lastDrawNanos;
    private volatile boolean drawnOnce;
    private volatile boolean sinkFailed;
    private int draws;
    private Consumer<Map<String, List<Check>>> curveSink;
    private Predicate<TrainConfig> curveFilter = c -> true;
    private long curveIntervalNanos;
    private volatile long lastCurvesNanos;
    private volatile boolean curvesDrawnOnce;

    LiveProgress(List<TrainConfig> configs, Function<TrainConfig, String> labels, Consumer<String> sink, boolean html,
            long intervalMillis, LongSupplier clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.html = html;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        for (TrainConfig c : configs) lines.putIfAbsent(RunId.of(c), new Line(labels.apply(c), c));
    }

    /** Progress of {@code configs} as an HTML table, labelled by {@link ReportQuestions#label}. */
    public static LiveProgress html(List<TrainConfig> configs, Consumer<String> sink) {
        return new LiveProgress(configs, ReportQuestions::label, sink, true, DEFAULT_INTERVAL_MILLIS, System::nanoTime);
    }

    /** Progress of {@code configs} as plain text, one line per run. */
    public static LiveProgress text(List<TrainConfig> configs, Consumer<String> sink) {
        return new LiveProgress(configs, ReportQuestions::label, sink, false, DEFAULT_INTERVAL_MILLIS, System::nanoTime);
    }

    /**
     * Also hands the validation history of every run that has one so far (label → checks, in the
     * order of the configurations) to {@code sink}, at most once per {@code intervalMillis} and
     * once more at {@link #finish()}: for a chart redrawn in place while the sweep runs.
     */
    public LiveProgress withCurves(long intervalMillis, Consumer<Map<String, List<Check>>> sink) {
        return withCurves(intervalMillis, c -> true, sink);
    }

    /** {@link #withCurves(long, Consumer)} for the runs whose configuration {@code which} accepts. */
    public LiveProgress withCurves(long intervalMillis, Predicate<TrainConfig> which, Consumer<Map<String, List<Check>>> sink) {
        this.curveSink = Objects.requireNonNull(sink, "sink");
        this.curveFilter = Objects.requireNonNull(which, "which");
        this.curveIntervalNanos = intervalMillis * 1_000_000L;
        return this;
    }

    /** The validation history of every run that has at least one check, by label, in configuration order. */
    public Map<String, List<Check>> curves() {
        Map<String, List<Check>> out = new LinkedHashMap<>();
        synchronized (lines) {
            for (Line l : lines.values()) {
                if (!l.curve.isEmpty() && l.config != null && curveFilter.test(l.config)) out.put(l.label, List.copyOf(l.curve));
            }
        }
        return out;
    }

    @Override
    public void runStarted(String runId, TrainConfig config) {
        update(runId, config, l -> l.state = State.RUNNING);
    }

    @Override
    public void check(String runId, Check c) {
        update(runId, null, l -> {
            l.state = State.RUNNING;
            l.epoch = c.epoch();
            l.step = c.step();
            l.validationAccuracy = c.validationAccuracy();
            l.seconds = c.seconds();
            l.curve.add(c);
        });
    }

    @Override
    public void epochEnded(String runId, int epoch, long steps) {
        update(runId, null, l -> {
            l.epoch = epoch;
            l.step = steps;
        });
    }

    @Override
    public void runFinished(SweepRun run) {
        update(run.id(), run.config(), l -> done(l, run, State.FINISHED));
    }

    @Override
    public void runReused(SweepRun run) {
        update(run.id(), run.config(), l -> done(l, run, State.REUSED));
    }

    @Override
    public void runDiscarded(String runId, String reason) {
        update(runId, null, l -> {
            l.state = State.REDO;
            l.note = reason;
        });
    }

    private static void done(Line l, SweepRun run, State state) {
        RunSummary s = run.summary();
        l.state = state;
        l.epoch = s.epochs();
        l.step = s.iterations();
        l.validationAccuracy = s.validationAccuracy();
        l.seconds = s.trainTimeSeconds();
        l.note = s.stopReason().replace('_', ' ') + ", test acc " + Html.acc(s.testAccuracy());
        l.curve = new ArrayList<>(run.history());
    }

    private void update(String runId, TrainConfig config, Consumer<Line> change) {
        synchronized (lines) {
            Line l = lines.get(runId);
            if (l == null) {
                l = new Line(config == null ? runId : ReportQuestions.label(config), config);
                lines.put(runId, l);
            }
            change.accept(l);
        }
        maybeDraw();
    }

    private void maybeDraw() {
        long now = clock.getAsLong();
        if (drawnOnce && now - lastDrawNanos < intervalNanos) return;
        if (!drawing.tryLock()) return;
        try {
            now = clock.getAsLong();
            if (drawnOnce && now - lastDrawNanos < intervalNanos) return;
            draw(now);
            drawCurves(now, false);
        } finally {
            drawing.unlock();
        }
    }

    /** Draws the current state now, whatever the interval; call once the sweep has returned. */
    public void finish() {
        drawing.lock();
        try {
            draw(clock.getAsLong());
            drawCurves(clock.getAsLong(), true);
        } finally {
            drawing.unlock();
        }
    }

    private void drawCurves(long now, boolean always) {
        if (curveSink == null || (!always && curvesDrawnOnce && now - lastCurvesNanos < curveIntervalNanos)) return;
        lastCurvesNanos = now;
        curvesDrawnOnce = true;
        try {
            curveSink.accept(curves());
        } catch (RuntimeException e) {
            curveSink = null;
        }
    }

    private void draw(long now) {
        lastDrawNanos = now;
        drawnOnce = true;
        if (sinkFailed) return;
        String view = render();
        try {
            sink.accept(view);
            draws++;
        } catch (RuntimeException e) {
            sinkFailed = true;
        }
    }

    /** How many times the sink has been called. */
    public int draws() {
        drawing.lock();
        try {
            return draws;
        } finally {
            drawing.unlock();
        }
    }

    /** The current state, as the sink would receive it. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        synchronized (lines) {
            int finished = 0, running = 0, waiting = 0;
            for (Line l : lines.values()) {
                switch (l.state) {
                    case FINISHED, REUSED -> finished++;
                    case RUNNING -> running++;
                    default -> waiting++;
                }
            }
            double elapsed = (clock.getAsLong() - startNanos) / 1e9;
            String head = String.format(Locale.ROOT, "%d runs: %d done, %d running, %d waiting (%.0f s)", lines.size(),
                    finished, running, waiting, elapsed);
            List<Line> listed = lines.values().stream()
                    .filter(l -> lines.size() <= MAX_LISTED || l.state == State.RUNNING || l.state == State.REDO).toList();
            if (listed.size() < lines.size()) head += "; only the running runs are listed";
            if (html) {
                sb.append("<div style=\"font-size:85%\"><b>").append(Html.escape(head)).append("</b>")
                        .append("<table style=\"border-collapse:collapse\"><thead><tr>");
                for (String h : List.of("Run", "State", "Epoch", "Step", "Validation accuracy", "Time", "Result")) {
                    sb.append("<th style=\"padding:1px 6px;text-align:left\">").append(h).append("</th>");
                }
                sb.append("</tr></thead><tbody>");
                for (Line l : listed) {
                    sb.append("<tr>");
                    for (String cell : cells(l)) {
                        sb.append("<td style=\"padding:1px 6px;text-align:left\">").append(Html.escape(cell)).append("</td>");
                    }
                    sb.append("</tr>");
                }
                sb.append("</tbody></table></div>");
            } else {
                sb.append(head).append('\n');
                for (Line l : listed) {
                    List<String> c = cells(l);
                    sb.append(String.format(Locale.ROOT, "%-42s %-8s epoch %3s  step %6s  val acc %-6s  %7s  %s",
                            c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6)).stripTrailing())
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static List<String> cells(Line l) {
        boolean started = l.state != State.WAITING && l.state != State.REDO;
        String state = switch (l.state) {
            case WAITING -> "waiting";
            case RUNNING -> "running";
            case FINISHED -> "done";
            case REUSED -> "reused";
            case REDO -> "redo";
        };
        return List.of(l.label, state, started && l.epoch > 0 ? Integer.toString(l.epoch) : "",
                started && l.step > 0 ? Long.toString(l.step) : "",
                started && !Double.isNaN(l.validationAccuracy) ? Html.acc(l.validationAccuracy) : "",
                started && l.seconds > 0 ? Html.secs(l.seconds) : "", l.note);
    }
}
