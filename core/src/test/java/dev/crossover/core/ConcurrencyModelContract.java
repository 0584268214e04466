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
            RunResult result = model.run(workload);

            assertEquals(workload.tasks(), result.completed(), "completed");
            assertEquals(0, result.failed(), "failed");
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum");
            assertEquals(workload.tasks(), result.latencyNanos().getTotalCount(), "latencies recorded");
        }
    }

    @Test
    void runsFanoutTasksWhenSupported() {
        if (!supportsFanout()) {
            assertThrows(IllegalArgumentException.class, () -> {
                try (ConcurrencyModel model = newModel()) {
                    model.run(Workload.builder(WorkloadKind.FANOUT).tasks(4).concurrency(2).build());
                }
            }, "a model without fanout support rejects fanout workloads");
            return;
        }
        Workload workload = Workload.builder(WorkloadKind.FANOUT).seed(3).tasks(200).concurrency(20).fanout(4)
                .io(Duration.ofMillis(4)).failRate(0.05).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = model.run(workload);

            assertEquals(workload.expectedFailures(), result.failed(), "failed");
            assertEquals(workload.tasks(), result.completed() + result.failed(), "completed + failed");
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum");
            assertTrue(result.failed() > 0, "the seed makes some tasks fail");
        }
    }

    @Test
    void neverExceedsTheConcurrencyLimitAndReachesIt() {
        Workload workload = Workload.builder(WorkloadKind.SLEEP).tasks(120).concurrency(12)
                .io(Duration.ofMillis(20)).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = model.run(workload);

            assertEquals(12, result.maxInFlight(), "max in flight");
            assertEquals(120, result.completed());
        }
    }

    @Test
    void limitsConcurrencyToOne() {
        Workload workload = Workload.builder(WorkloadKind.MIXED).tasks(20).concurrency(1)
                .io(Duration.ofMillis(1)).cpuUnits(100).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = model.run(workload);

            assertEquals(1, result.maxInFlight(), "max in flight");
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum");
        }
    }

    @ParameterizedTest
    @EnumSource(value = WorkloadKind.class, names = {"SLEEP", "CPU", "MIXED"})
    void countsFailingTasksAndGoesOn(WorkloadKind kind) {
        Workload workload = Workload.builder(kind).seed(11).tasks(200).concurrency(8)
                .io(Duration.ofMillis(kind.waits() ? 2 : 0)).cpuUnits(kind.computes() ? 50 : 0).failRate(0.25).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = model.run(workload);

            assertTrue(workload.expectedFailures() > 0, "the seed makes some tasks fail");
            assertEquals(workload.expectedFailures(), result.failed(), "failed");
            assertEquals(workload.tasks() - workload.expectedFailures(), result.completed(), "completed");
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum of the completed tasks");
            assertEquals(Set.of("InjectedFailure"), result.failureCauses().keySet(), "causes");
        }
    }

    @Test
    void runsNoOpTasks() {
        Workload workload = Workload.builder(WorkloadKind.MIXED).tasks(2_000).concurrency(50)
                .io(Duration.ZERO).cpu(Duration.ZERO).build();
        try (ConcurrencyModel model = newModel()) {
            RunResult result = model.run(workload);

            assertEquals(2_000, result.completed());
            assertEquals(workload.referenceChecksum(), result.checksum(), "checksum");
        }
    }

    @Test
    void runsManyWorkloadsInTurn() {
        try (ConcurrencyModel model = newModel()) {
            for (WorkloadKind kind : List.of(WorkloadKind.CPU, WorkloadKind.SLEEP, WorkloadKind.CPU)) {
                Workload workload = small(kind);
                RunResult result = model.run(workload);

                assertEquals(workload.tasks(), result.completed(), kind.id() + " completed");
                assertEquals(workload.referenceChecksum(), result.checksum(), kind.id() + " checksum");
            }
        }
    }

    @Test
    void rejectsRunAfterClose() {
        ConcurrencyModel model = newModel();
        model.close();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.run(small(WorkloadKind.SLEEP)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        model.close();  // idempotent
    }

    @Test
    void closeLeavesNoThreadOfTheModelRunning() throws InterruptedException {
        Set<Long> before = Threads.live();
        try (ConcurrencyModel model = newModel()) {
            model.run(small(WorkloadKind.MIXED));
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
                RunResult result = model.run(workload);
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
            RunResult result = model.run(workload);

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
