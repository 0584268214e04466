package dev.crossover.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every {@link ConcurrencyModel} passes: one small subclass per model supplies
 * {@link #newModel()}. Assertions are about behaviour (counts, checksums, limits), never timing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class ConcurrencyModelContract {

    /** {@return a new model under test} */
    protected abstract ConcurrencyModel newModel();

    /** {@return whether the model runs {@link WorkloadKind#FANOUT} workloads} */
    protected boolean supportsFanout() {
        return false;
    }

    static Workload small(WorkloadKind kind) {
        return Workload.builder(kind)
                .seed(7)
                .tasks(300)
                .concurrency(16)
                .io(Duration.ofMillis(kind.waits() ? (kind == WorkloadKind.SLEEP ? 5 : 2) : 0))
                .cpuUnits(kind.computes() ? 300 : 0)
                .build();
    }

    @ParameterizedTest
    @EnumSource(value = WorkloadKind.class, names = {"SLEEP", "CPU", "MIXED"})
    void completesEveryTaskWithTheReferenceChecksum(WorkloadKind kind) {
        Workload workload = small(kind);
        try (ConcurrencyModel model = newModel()) {
            RunResult result = Driver.run(model, workload);

            assertEquals(workload.tasks(), result.completed(), "completed");
            assertEquals(0, result.failed(), "failed");
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum");
            assertEquals(workload.tasks(), result.latencyNanos().getTotalCount(), "latencies recorded");
            assertEquals(workload.tasks(), result.serviceNanos().getTotalCount(), "service times recorded");
            assertEquals((long) workload.tasks() * workload.waitsPerTask(), result.latenessNanos().getTotalCount(),
                    "every wait reports when it ended");
            assertTrue(result.serviceNanos().getMaxValue() <= result.latencyNanos().getMaxValue() + 1_000,
                    "service time starts when the model began the task, not before it was submitted");
        }
    }

    @Test
    void runsFanoutTasksWhenSupported() {
        if (!supportsFanout()) {
            assertThrows(IllegalArgumentException.class, () -> {
                try (ConcurrencyModel model = newModel()) {
                    model.accept(Workload.builder(WorkloadKind.FANOUT).tasks(4).concurrency(2).build());
                }
            }, "a model without fanout support rejects fanout workloads up front");
            return;
        }
        Workload workload = Workload.builder(WorkloadKind.FANOUT).seed(3).tasks(200).concurrency(20).fanout(4)
                .io(Duration.ofMillis(4)).failRate(0.05).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = Driver.run(model, workload);

            assertEquals(workload.expectedFailures(), result.failed(), "failed");
            assertEquals(workload.tasks(), result.completed() + result.failed(), "completed + failed");
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum");
            assertTrue(result.failed() > 0, "the seed makes some tasks fail");
        }
    }

    @Test
    void keepsExactlyCInFlightBetweenWindowsAndDrains() {
        Workload workload = Workload.builder(WorkloadKind.SLEEP).seed(9).concurrency(12).io(Duration.ofMillis(5)).build();
        try (ConcurrencyModel model = newModel(); ClosedLoop loop = Driver.closedLoop(model, workload)) {
            ClosedLoop.Window first = loop.window(Duration.ofMillis(200));
            ClosedLoop.Window second = loop.window(Duration.ofMillis(200));
            ClosedLoop.Drained drained = loop.stop(Duration.ofSeconds(60));

            assertEquals(12, first.inFlight(), "in flight after the first window");
            assertEquals(12, second.inFlight(), "in flight after the second window");
            assertEquals(0, loop.inFlight(), "in flight after the drain");
            assertTrue(first.completed() + second.completed() > 0, "tasks finished inside the windows");
            assertEquals(second.completed(), second.histograms().latency().getTotalCount(),
                    "a window's latencies are those of the tasks that finished inside it");
            assertEquals(0, drained.totals().failed(), "failed");
            assertTrue(drained.totals().balanced(), () -> "completed + failed = submitted: " + drained.totals());
            assertTrue(drained.verification().passed(), drained.verification().describe());
        }
    }

    @Test
    void limitsConcurrencyToOne() {
        Workload workload = Workload.builder(WorkloadKind.MIXED).tasks(20).concurrency(1)
                .io(Duration.ofMillis(1)).cpuUnits(100).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = Driver.run(model, workload);

            assertEquals(1, result.maxInFlight(), "max in flight");
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum");
        }
    }

    @Test
    void runsAnOpenLoopAndCountsWhatTheCapRejects() {
        Workload workload = Workload.builder(WorkloadKind.SLEEP).seed(4).tasks(100).io(Duration.ofMillis(40)).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = Driver.open(model, workload, new Arrivals(Arrivals.Kind.POISSON, 200, 1), 2,
                    Duration.ofMillis(100));

            assertEquals(RunResult.Mode.OPEN, result.mode());
            assertTrue(result.maxInFlight() <= 2, () -> "max in flight " + result.maxInFlight() + " (expected: <= cap 2)");
            assertTrue(result.rejected() > 0, "arrivals beyond the cap are rejected, not delayed");
            assertTrue(result.totals().balanced(), () -> "completed + failed = submitted: " + result.totals());
            assertEquals(result.totals().submitted() + result.totals().rejected() > 0, true, "arrivals happened");
            assertTrue(result.verification().passed(), result.verification().describe());
            assertEquals(result.latencyNanos().getTotalCount(), result.serviceNanos().getTotalCount(),
                    "each measured task has both latencies");
        }
    }

    @ParameterizedTest
    @EnumSource(value = WorkloadKind.class, names = {"SLEEP", "CPU", "MIXED"})
    void countsFailingTasksAndGoesOn(WorkloadKind kind) {
        Workload workload = Workload.builder(kind).seed(11).tasks(200).concurrency(8)
                .io(Duration.ofMillis(kind.waits() ? 2 : 0)).cpuUnits(kind.computes() ? 50 : 0).failRate(0.25).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = Driver.run(model, workload);

            assertTrue(workload.expectedFailures() > 0, "the seed makes some tasks fail");
            assertEquals(workload.expectedFailures(), result.failed(), "failed");
            assertEquals(workload.tasks() - workload.expectedFailures(), result.completed(), "completed");
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum of the completed tasks");
            assertEquals(Set.of("InjectedFailure"), result.failureCauses().keySet(), "causes");
        }
    }

    @Test
    void runsNullTasks() {
        Workload workload = Workload.builder(WorkloadKind.NULL).tasks(2_000).concurrency(50).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = Driver.run(model, workload);

            assertEquals(2_000, result.completed());
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum");
        }
    }

    @Test
    void runsManyWorkloadsInTurn() {
        try (ConcurrencyModel model = newModel()) {
            for (WorkloadKind kind : List.of(WorkloadKind.CPU, WorkloadKind.SLEEP, WorkloadKind.CPU)) {
                Workload workload = small(kind);
                RunResult result = Driver.run(model, workload);

                assertEquals(workload.tasks(), result.completed(), kind.id() + " completed");
                assertEquals(workload.referenceChecksum(), result.checksum(), kind.id() + " checksum");
            }
        }
    }

    @Test
    void rejectsSubmitAfterClose() {
        ConcurrencyModel model = newModel();
        model.close();
        Workload workload = small(WorkloadKind.SLEEP);
        Completion ignored = new Completion() {
            public void began() { }
            public void waitEnded(long deadlineNanos) { }
            public void completed(long result) { }
            public void failed(Throwable cause) { }
        };

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.submit(workload.task(0), ignored));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        model.close();  // idempotent
    }

    @Test
    void aRunOnAClosedModelFailsItsTasksAndEnds() {
        ConcurrencyModel model = newModel();
        model.close();

        RunResult result = Driver.run(model, small(WorkloadKind.SLEEP));

        assertEquals(0, result.completed(), "completed");
        assertEquals(result.submitted(), result.failed(), "every submitted task failed");
        assertTrue(result.totals().balanced(), "completed + failed = submitted");
    }

    @Test
    void closeLeavesNoThreadOfTheModelRunning() throws InterruptedException {
        Set<Long> before = Threads.live();
        try (ConcurrencyModel model = newModel()) {
            Driver.run(model, small(WorkloadKind.MIXED));
        }
        List<String> left = Threads.awaitNoneNewerThan(before, Duration.ofSeconds(10));

        assertTrue(left.isEmpty(), () -> "threads left running after close: " + left);
    }

    /**
     * {@return how many create-run-close cycles {@link #closeLeavesNothingRunningEveryTime} repeats}:
     * 200 for a model in this JVM; a model that starts processes overrides it (20)
     */
    protected int closeRepetitions() {
        return 200;
    }

    /**
     * {@code close()} itself waits until the model's threads and processes are gone: checked the
     * moment it returns, with no grace period, many times in a row, so a race between a pool
     * saying it has terminated and its last thread exiting shows.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void closeLeavesNothingRunningEveryTime() throws InterruptedException {
        Workload workload = Workload.builder(WorkloadKind.MIXED).seed(13).tasks(24).concurrency(6)
                .io(Duration.ofMillis(1)).cpuUnits(20).build();
        Set<Long> children = childProcesses();
        for (int cycle = 1; cycle <= closeRepetitions(); cycle++) {
            Set<Long> before = Threads.live();
            try (ConcurrencyModel model = newModel()) {
                RunResult result = Driver.run(model, workload);
                assertEquals(workload.tasks(), result.completed(), "cycle " + cycle + ": completed");
            }
            List<String> left = Threads.awaitNoneNewerThan(before, Duration.ZERO);
            Set<Long> newChildren = childProcesses();
            newChildren.removeAll(children);
            int at = cycle;
            assertTrue(left.isEmpty(), () -> "cycle " + at + ": threads running when close() returned: " + left);
            assertTrue(newChildren.isEmpty(), () -> "cycle " + at + ": processes running when close() returned: "
                    + newChildren);
        }
    }

    private static Set<Long> childProcesses() {
        Set<Long> pids = new java.util.HashSet<>();
        ProcessHandle.current().children().filter(ProcessHandle::isAlive).forEach(p -> pids.add(p.pid()));
        return pids;
    }

    @Test
    void failingFanoutLeavesNoThreadRunningAfterClose() throws InterruptedException {
        if (!supportsFanout()) {
            return;  // rejected up front: see runsFanoutTasksWhenSupported
        }
        Workload workload = Workload.builder(WorkloadKind.FANOUT).seed(5).tasks(60).concurrency(10).fanout(6)
                .io(Duration.ofMillis(20)).failRate(0.2).build();
        Set<Long> before = Threads.live();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = Driver.run(model, workload);

            assertTrue(result.failed() > 0, "the seed makes some groups fail");
        }
        List<String> left = Threads.awaitNoneNewerThan(before, Duration.ofSeconds(10));

        assertTrue(left.isEmpty(), () -> "threads left running after close: " + left);
    }

    @Test
    void reportsItsId() {
        try (ConcurrencyModel model = newModel()) {
            assertEquals(model.id(), Models.provider(model.id()).id());
        }
    }
}
