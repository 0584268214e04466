package dev.crossover.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver's own behaviour, on a small real model ({@link PoolModel}); the models' is the contract's. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DriverTest {

    @Test
    void fixedCountRunChecksEveryTaskInFull() {
        Workload workload = Workload.builder(WorkloadKind.MIXED).seed(3).tasks(500).concurrency(20)
                .io(Duration.ofMillis(1)).cpuUnits(50).failRate(0.1).build();
        try (PoolModel model = new PoolModel(false)) {
            RunResult result = Driver.run(model, workload);

            assertEquals("full", result.verification().method());
            assertTrue(result.verification().passed(), result.verification().describe());
            assertEquals(500, result.submitted());
            assertEquals(workload.expectedFailures(), result.failed());
            assertEquals(20, result.maxInFlight());
        }
    }

    @Test
    void refusesASecondOutcomeAndSaysSo() {
        Workload workload = Workload.builder(WorkloadKind.CPU).tasks(50).concurrency(4).cpuUnits(10).build();
        try (PoolModel model = new PoolModel(true)) {
            RunResult result = Driver.run(model, workload);

            assertEquals(50, result.completed(), "each task is counted once");
            assertFalse(result.checksumMatchesReference(), "the run does not check out");
            // each chain's last doubled outcome may land after the drain; every earlier one lands before
            int violations = result.verification().violations().size();
            assertTrue(violations >= 50 - 4, () -> "violations: " + violations + " (expected: one per doubled outcome)");
            assertTrue(result.verification().violations().get(0).contains("expected: exactly one outcome"),
                    result.verification().violations().get(0));
        }
    }

    @Test
    void steadyStateWindowComesAfterTheWarmUpAndHoldsTheAskedTasks() {
        Workload workload = Workload.builder(WorkloadKind.SLEEP).seed(8).tasks(300).concurrency(10)
                .io(Duration.ofMillis(2)).build();
        try (PoolModel model = new PoolModel(false)) {
            RunResult result = Driver.steady(model, workload, Duration.ofMillis(100));

            assertEquals(RunResult.Mode.CLOSED, result.mode());
            assertTrue(result.completed() >= 300, () -> "completed in the window: " + result.completed());
            assertTrue(result.submitted() > result.completed(), "the trial also ran the warm-up and the drain");
            assertTrue(result.totals().balanced(), result.totals()::toString);
            assertTrue(result.verification().passed(), result.verification().describe());
            assertEquals(result.completed(), result.latencyNanos().getTotalCount(), "latencies of the window's tasks");
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void anEndlessLoopStartsItsChainsSpreadOverOneTaskTime() {
        // 10 chains of 200 ms waits: chain j's first task is submitted no earlier than j/10 of 200 ms
        // after the loop started (a lower bound: parking never ends before its time is up).
        Workload workload = Workload.builder(WorkloadKind.SLEEP).seed(3).concurrency(10).io(Duration.ofMillis(200)).build();
        long[] firstSubmit = new long[10];
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(10);
        try (PoolModel pool = new PoolModel(false)) {
            ConcurrencyModel timed = new ConcurrencyModel() {
                @Override
                public String id() {
                    return "timed";
                }

                @Override
                public void submit(TaskSpec task, Completion done) {
                    if (task.index() < 10) {
                        firstSubmit[task.index()] = System.nanoTime();
                        all.countDown();
                    }
                    pool.submit(task, done);
                }

                @Override
                public void close() {
                }
            };
            long before = System.nanoTime();
            try (ClosedLoop loop = ClosedLoop.start(timed, workload, Long.MAX_VALUE, ClosedLoop.Check.FULL, true)) {
                assertTrue(all.await(30, java.util.concurrent.TimeUnit.SECONDS), "every chain started");
                for (int j = 1; j < 10; j++) {
                    long earliest = before + j * 20_000_000L - 1_000_000L;  // the loop's start is after `before`
                    assertTrue(firstSubmit[j] >= earliest, "chain " + j + " started "
                            + (firstSubmit[j] - before) / 1e6 + " ms after the loop (expected: at least " + j * 20 + " ms)");
                }
                assertEquals(10, loop.inFlight(), "every chain has its task outstanding");
                ClosedLoop.Drained drained = loop.stop(Duration.ofSeconds(30));
                assertTrue(drained.totals().balanced(), drained.totals()::toString);
                assertTrue(drained.verification().passed(), drained.verification().describe());
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aLoopStoppedWhileItsChainsStartDrainsTheStartedOnes() {
        Workload workload = Workload.builder(WorkloadKind.SLEEP).seed(3).concurrency(50).io(Duration.ofSeconds(5)).build();
        try (PoolModel pool = new PoolModel(false);
             ClosedLoop loop = ClosedLoop.start(pool, workload, Long.MAX_VALUE, ClosedLoop.Check.FULL, true)) {
            ClosedLoop.Drained drained = loop.stop(Duration.ofSeconds(30));  // about one chain started of 50
            assertTrue(drained.totals().submitted() < 50, () -> "submitted " + drained.totals().submitted());
            assertTrue(drained.totals().balanced(), drained.totals()::toString);
            assertEquals(0, loop.inFlight());
        }
    }

    @Test
    void sampledCheckFindsEveryResultOfTheSample() {
        Workload workload = Workload.builder(WorkloadKind.CPU).seed(2).concurrency(4).cpuUnits(5).build();
        try (PoolModel model = new PoolModel(false);
             ClosedLoop loop = ClosedLoop.start(model, workload, 5_000, ClosedLoop.Check.SAMPLE, false)) {
            ClosedLoop.Drained drained = loop.drain(Duration.ofSeconds(60));

            assertEquals("sample", drained.verification().method());
            assertTrue(drained.verification().checked() > 20, () -> "sampled " + drained.verification().checked());
            assertTrue(drained.verification().checked() < 300, () -> "sampled " + drained.verification().checked());
            assertTrue(drained.verification().passed(), drained.verification().describe());
            assertEquals(5_000, drained.totals().submitted());
        }
    }

    @Test
    void sampledCheckCatchesADoubledOutcome() {
        Workload workload = Workload.builder(WorkloadKind.CPU).seed(2).concurrency(4).cpuUnits(5).build();
        try (PoolModel model = new PoolModel(true);
             ClosedLoop loop = ClosedLoop.start(model, workload, 2_000, ClosedLoop.Check.SAMPLE, false)) {
            assertFalse(loop.drain(Duration.ofSeconds(60)).verification().passed());
        }
    }

    @Test
    void openLoopTimesLatencyFromTheScheduleAndRecordsItsLag() {
        Workload workload = Workload.builder(WorkloadKind.SLEEP).seed(5).tasks(200).io(Duration.ofMillis(2)).build();
        try (PoolModel model = new PoolModel(false)) {
            RunResult result = Driver.open(model, workload, new Arrivals(Arrivals.Kind.CONSTANT, 1_000, 1), 10_000,
                    Duration.ofMillis(50));

            assertEquals(1_000, result.offeredRate());
            assertEquals(0, result.rejected());
            assertTrue(result.lagNanos().getTotalCount() > 100, "each measured arrival records its lag");
            assertTrue(result.latencyNanos().getTotalCount() > 100, "each measured arrival records its latency");
            assertTrue(result.latencyNanos().getValueAtPercentile(50) >= 2_000_000, "a 2 ms wait takes at least 2 ms");
            assertTrue(result.verification().passed(), result.verification().describe());
        }
    }

    @Test
    void poissonArrivalsPerSecondStayWithinPoissonBounds() {
        Arrivals.Schedule schedule = new Arrivals(Arrivals.Kind.POISSON, 1_000, 42).schedule();
        int[] perSecond = new int[100];
        long offset;
        while ((offset = schedule.next()) < 100_000_000_000L) {
            perSecond[(int) (offset / 1_000_000_000L)]++;
        }
        long total = 0;
        for (int count : perSecond) {
            // mean 1,000, sd ~31.6: 6 sd either side, for a schedule fixed by its seed
            assertTrue(count > 810 && count < 1_190, () -> "arrivals in one second: " + count);
            total += count;
        }
        assertTrue(Math.abs(total - 100_000) < 1_900, "arrivals in 100 s: " + total);
    }

    @Test
    void constantArrivalsAreEvenlySpaced() {
        Arrivals.Schedule schedule = new Arrivals(Arrivals.Kind.CONSTANT, 4, 0).schedule();
        assertEquals(0, schedule.next());
        assertEquals(250_000_000, schedule.next());
        assertEquals(500_000_000, schedule.next());
    }
}
