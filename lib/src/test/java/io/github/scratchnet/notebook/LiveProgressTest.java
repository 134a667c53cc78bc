package io.github.scratchnet.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.experiment.RunId;
import io.github.scratchnet.experiment.RunSummary;
import io.github.scratchnet.experiment.SweepRun;
import io.github.scratchnet.train.Check;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveProgressTest {
    static final TrainConfig A = TrainConfig.report(16, 1);
    static final TrainConfig B = ReportQuestions.patient(TrainConfig.report(512, 1));
    static final long MS = 1_000_000L;

    final AtomicLong now = new AtomicLong();
    final List<String> drawn = new ArrayList<>();

    LiveProgress progress(boolean html) {
        return new LiveProgress(List.of(A, B), ReportQuestions::label, drawn::add, html, 250, now::get);
    }

    static SweepRun finished(TrainConfig c) {
        RunSummary s = new RunSummary(c.batchSize(), "off", 0, 1, 3, 300, 4.5, 0.3, 0.91, 0.35, 0.9012, 0.9034, "early_stopping");
        return SweepRun.of(c, s, List.of());
    }

    @Test
    void drawsAtMostOncePerInterval() {
        LiveProgress p = progress(true);
        p.runStarted(RunId.of(A), A);
        p.check(RunId.of(A), new Check(100, 1, 2.0, 2.1, 0.31, 0.5));
        p.check(RunId.of(A), new Check(200, 1, 1.0, 1.1, 0.61, 0.9));
        assertEquals(1, drawn.size(), "the first event draws, the next ones inside 250 ms do not");
        now.addAndGet(300 * MS);
        p.check(RunId.of(A), new Check(300, 2, 0.9, 1.0, 0.71, 1.2));
        assertEquals(2, drawn.size());
        assertTrue(drawn.get(1).contains("0.7100"), drawn.get(1));
        p.finish();
        assertEquals(3, drawn.size(), "finish draws whatever the interval");
        assertEquals(3, p.draws());
    }

    @Test
    void handsTheValidationCurvesToTheCurveSinkAtItsOwnInterval() {
        List<Map<String, List<Check>>> curves = new ArrayList<>();
        LiveProgress p = progress(true).withCurves(1000, curves::add);
        p.runStarted(RunId.of(A), A);
        assertEquals(List.of(Map.of()), curves, "the first draw also draws the curves: none yet");
        Check first = new Check(100, 1, 2.0, 2.1, 0.31, 0.5);
        now.addAndGet(300 * MS);
        p.check(RunId.of(A), first);
        assertEquals(2, drawn.size(), "the table is redrawn after 250 ms");
        assertEquals(1, curves.size(), "the curves wait for their 1000 ms");
        now.addAndGet(800 * MS);
        p.check(RunId.of(A), new Check(200, 1, 1.0, 1.1, 0.61, 0.9));
        assertEquals(2, curves.size());
        assertEquals(List.of(first, new Check(200, 1, 1.0, 1.1, 0.61, 0.9)), curves.get(1).get("batch 16, one-check rule, seed 1"));
        Check reused = new Check(100, 1, 1.5, 1.6, 0.5, 0.3);
        p.runReused(SweepRun.of(B, finished(B).summary(), List.of(reused)));
        p.finish();
        assertEquals(3, curves.size(), "finish draws the curves whatever the interval");
        assertEquals(List.of("batch 16, one-check rule, seed 1", "batch 512, patient rule, seed 1"), List.copyOf(curves.get(2).keySet()));
        assertEquals(List.of(reused), curves.get(2).get("batch 512, patient rule, seed 1"), "a reused run brings its whole history");
    }

    @Test
    void showsEveryRunWithItsStateEpochAndAccuracy() {
        LiveProgress p = progress(false);
        p.runStarted(RunId.of(A), A);
        p.check(RunId.of(A), new Check(100, 2, 2.0, 2.1, 0.3125, 0.5));
        p.runFinished(finished(B));
        String text = p.render();
        assertTrue(text.startsWith("2 runs: 1 done, 1 running, 0 waiting"), text);
        assertTrue(text.contains("batch 16, one-check rule, seed 1"), text);
        assertTrue(text.contains("running") && text.contains("epoch   2") && text.contains("0.3125"), text);
        assertTrue(text.contains("batch 512, patient rule, seed 1") && text.contains("early stopping, test acc 0.9034"), text);
        assertFalse(text.contains("\n\n"), text);
    }

    @Test
    void htmlEscapesAndCountsReusedRuns() {
        LiveProgress p = progress(true);
        p.runReused(finished(A));
        p.runDiscarded(RunId.of(B), "holds <another> configuration");
        String html = p.render();
        assertTrue(html.contains("reused"), html);
        assertTrue(html.contains("redo") && html.contains("&lt;another&gt;"), html);
        assertTrue(html.contains("2 runs: 1 done, 0 running, 1 waiting"), html);
    }

    @Test
    void aFailingSinkIsDroppedAndTrainingGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        LiveProgress p = new LiveProgress(List.of(A), ReportQuestions::label, s -> {
            calls.incrementAndGet();
            throw new IllegalStateException("display closed");
        }, true, 0, now::get);
        p.runStarted(RunId.of(A), A);
        p.check(RunId.of(A), new Check(100, 1, 2, 2, 0.3, 0.1));
        p.finish();
        assertEquals(1, calls.get());
    }

    @Test
    void concurrentEventsNeverCallTheSinkTwiceAtOnce() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        LiveProgress p = new LiveProgress(List.of(A, B), ReportQuestions::label, s -> {
            if (inside.incrementAndGet() > 1) overlaps.incrementAndGet();
            calls.incrementAndGet();
            Thread.onSpinWait();
            inside.decrementAndGet();
        }, true, 0, System::nanoTime);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            TrainConfig c = t % 2 == 0 ? A : B;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 1; i <= 2000; i++) p.check(RunId.of(c), new Check(i, 1 + i / 100, 1, 1, i / 2000.0, i));
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) w.join();
        p.finish();
        assertEquals(0, overlaps.get());
        assertTrue(calls.get() >= 1);
        assertTrue(p.render().contains("1.0000"), p.render());
    }
}
