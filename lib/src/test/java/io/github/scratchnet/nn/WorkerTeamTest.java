package io.github.scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerTeamTest {

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 3, 4})
    void everyUnitRunsExactlyOnceOnAWorkerOfTheTeam(int size) {
        try (WorkerTeam team = new WorkerTeam(size, "test-team")) {
            assertEquals(size, team.size());
            for (int units : new int[] {0, 1, 2, 7, 1000}) {
                for (int repeat = 0; repeat < 20; repeat++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(units);
                    AtomicIntegerArray badWorker = new AtomicIntegerArray(1);
                    team.run(units, (worker, unit) -> {
                        runs.incrementAndGet(unit);
                        if (worker < 0 || worker >= size) badWorker.incrementAndGet(0);
                    });
                    for (int u = 0; u < units; u++) assertEquals(1, runs.get(u), units + " units, unit " + u);
                    assertEquals(0, badWorker.get(0));
                }
            }
        }
    }

    @Test
    void aTeamOfOneRunsEverythingOnTheCallerInOrder() {
        try (WorkerTeam team = new WorkerTeam(1, "test-team")) {
            Thread caller = Thread.currentThread();
            int[] seen = new int[5];
            int[] next = {0};
            team.run(5, (worker, unit) -> {
                assertEquals(0, worker);
                assertSame(caller, Thread.currentThread());
                seen[next[0]++] = unit;
            });
            assertEquals("[0, 1, 2, 3, 4]", java.util.Arrays.toString(seen));
        }
    }

    @Test
    void helpersJoinInWhileTheCallerIsBusy() throws InterruptedException {
        try (WorkerTeam team = new WorkerTeam(2, "test-team")) {
            CountDownLatch helped = new CountDownLatch(1);
            String[] helperName = new String[1];
            team.run(2, (worker, unit) -> {
                if (worker == 0) {
                    try {
                        // the caller holds its unit until a helper has taken the other one
                        assertTrue(helped.await(30, TimeUnit.SECONDS), "no helper came");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                } else {
                    helperName[0] = Thread.currentThread().getName();
                    assertTrue(Thread.currentThread().isDaemon());
                    helped.countDown();
                }
            });
            assertEquals("test-team-1", helperName[0]);
        }
    }

    @Test
    void startReturnsAtOnceAndJoinFinishesTheWork() {
        try (WorkerTeam team = new WorkerTeam(3, "test-team")) {
            AtomicIntegerArray runs = new AtomicIntegerArray(50);
            team.start(50, (worker, unit) -> runs.incrementAndGet(unit));
            assertThrows(IllegalStateException.class, () -> team.start(1, (worker, unit) -> { }));
            team.join();
            for (int u = 0; u < 50; u++) assertEquals(1, runs.get(u));
            assertThrows(IllegalStateException.class, team::join);
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 3})
    void aFailingUnitIsRethrownToTheCallerAndTheTeamGoesOn(int size) {
        try (WorkerTeam team = new WorkerTeam(size, "test-team")) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> team.run(100, (worker, unit) -> {
                        if (unit == 37) throw new IllegalArgumentException("unit 37");
                    }));
            assertEquals("unit 37", thrown.getMessage());
            AtomicIntegerArray runs = new AtomicIntegerArray(10);
            team.run(10, (worker, unit) -> runs.incrementAndGet(unit));
            for (int u = 0; u < 10; u++) assertEquals(1, runs.get(u));
        }
    }

    @Test
    void aClosedTeamRefusesWork() {
        WorkerTeam team = new WorkerTeam(2, "test-team");
        team.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(1, (worker, unit) -> { }));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aTeamNeedsAWorker() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerTeam(0, "test-team"));
    }
}
