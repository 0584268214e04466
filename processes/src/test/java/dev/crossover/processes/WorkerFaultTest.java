package dev.crossover.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static dev.crossover.processes.Orphans.GONE_WITHIN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Driver;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A worker that breaks down mid-run is failed and replaced: its tasks count as failed with the
 * cause, the run finishes by itself with completed + failed = submitted, and the pool is whole again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerFaultTest {
    /** Long enough that the faulty worker is mid-task when the fault arrives; 40 tasks over 2 workers. */
    private static final Workload SLOW = Workload.builder(WorkloadKind.SLEEP).seed(5).tasks(40).concurrency(4)
            .io(Duration.ofMillis(100)).build();

    @ParameterizedTest
    @EnumSource(WorkerMode.class)
    void replacesAWorkerKilledMidTaskAndFailsTheTasksItHeld(WorkerMode mode) throws Exception {
        try (ProcessesModel model = model(mode, Duration.ofSeconds(60), WorkerCommand.current())) {
            long victim = model.workerPids().get(0);

            RunResult result = runWithFault(model, () -> ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly));

            assertFailedByWorker(result, "worker 0 (pid " + victim + "): exited with status 137 (signal 9)");
            assertWholeAgain(model, victim);
        }
    }

    @Test
    void replacesAWorkerThatCallsSystemExit() throws Exception {
        try (ProcessesModel model = model(WorkerMode.SERIAL, Duration.ofSeconds(60), WorkerCommand.current())) {
            long victim = model.workerPids().get(0);

            RunResult result = runWithFault(model, () -> model.inject(0, Protocol.Control.EXIT));

            assertFailedByWorker(result, "exited with status " + Protocol.Control.CRASH_STATUS);
            assertWholeAgain(model, victim);
        }
    }

    @Test
    void replacesAWorkerThatRunsOutOfMemory() throws Exception {
        WorkerCommand smallHeap = WorkerCommand.current().withJvmArgs(
                WorkerCommand.DEFAULT_JVM_ARGS.stream().map(a -> a.startsWith("-Xmx") ? "-Xmx32m" : a).toList());
        try (ProcessesModel model = model(WorkerMode.SERIAL, Duration.ofSeconds(60), smallHeap)) {
            long victim = model.workerPids().get(0);

            RunResult result = runWithFault(model, () -> model.inject(0, Protocol.Control.EXHAUST_MEMORY));

            assertFailedByWorker(result, "exited with status 3");  // -XX:+ExitOnOutOfMemoryError's status
            assertTrue(result.failureCauses().keySet().stream().anyMatch(c -> c.contains("OutOfMemoryError")),
                    () -> "the worker's last words name the error: " + result.failureCauses());
            assertWholeAgain(model, victim);
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerMode.class)
    void killsAndReplacesAWorkerSilentPastTheTaskTimeout(WorkerMode mode) throws Exception {
        try (ProcessesModel model = model(mode, Duration.ofSeconds(1), WorkerCommand.current())) {
            long victim = model.workerPids().get(0);

            RunResult result = runWithFault(model, () -> model.inject(0, Protocol.Control.HANG));

            assertFailedByWorker(result, "silent for");
            assertWholeAgain(model, victim);
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerMode.class)
    void failsAWorkerThatSendsAMalformedFrameNotTheRun(WorkerMode mode) throws Exception {
        try (ProcessesModel model = model(mode, Duration.ofSeconds(60), WorkerCommand.current())) {
            long victim = model.workerPids().get(0);

            RunResult result = runWithFault(model, () -> model.inject(0, Protocol.Control.GARBAGE));

            assertFailedByWorker(result, "malformed frame: frame type: 127 (expected: a known type)");
            assertWholeAgain(model, victim);
        }
    }

    @Test
    void reportsTheExitOfAWorkerThatDiesMidFrameNotAMalformedFrame() throws Exception {
        try (ProcessesModel model = model(WorkerMode.SERIAL, Duration.ofSeconds(60), WorkerCommand.current())) {
            long victim = model.workerPids().get(0);

            RunResult result = runWithFault(model, () -> model.inject(0, Protocol.Control.TRUNCATE));

            assertFailedByWorker(result, "exited with status " + Protocol.Control.CRASH_STATUS);
            assertTrue(result.failureCauses().keySet().stream().anyMatch(c -> c.contains("bytes into a frame")),
                    () -> "the cause says the stream ended mid-frame: " + result.failureCauses());
            assertWholeAgain(model, victim);
        }
    }

    /**
     * The scenario command's shape, a warm-up run and then the measured run on the same model: a
     * worker killed during the first run fails the tasks it held, with its exit as the cause, and
     * the next run counts every task again (issue 9, item 5: the warm-up's failures must be there
     * for the command to report).
     */
    @ParameterizedTest
    @EnumSource(WorkerMode.class)
    void reportsAWorkerKilledDuringAFirstRunAndTheNextRunCountsEveryTask(WorkerMode mode) throws Exception {
        Workload scenario = Workload.builder(WorkloadKind.SLEEP).seed(1).tasks(300).concurrency(2)
                .io(Duration.ofMillis(20)).build();
        try (ProcessesModel model = model(mode, Duration.ofSeconds(60), WorkerCommand.current())) {
            long victim = model.workerPids().get(0);

            RunResult first = runWithFault(model, scenario, () -> {
                // Stopped first, so the task it holds when killed cannot finish in between: the kill costs a task.
                Signals.stop(victim);
                Thread.sleep(200);  // replies written before the stop are read meanwhile
                awaitHolding(model, 0);
                ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
            });

            String exit = "WorkerFailure: worker 0 (pid " + victim + "): exited with status 137 (signal 9)";
            assertEquals(scenario.tasks(), first.completed() + first.failed(), "first run: completed + failed");
            assertTrue(first.failed() >= 1, "first run: the killed worker's task failed");
            assertTrue(first.failureCauses().keySet().stream().allMatch(c -> c.startsWith(exit)),
                    () -> "first run: every cause names the worker's exit '" + exit + "': " + first.failureCauses());
            assertEquals(first.failed(), first.failureCauses().values().stream().mapToInt(Integer::intValue).sum(),
                    "first run: failures counted by cause");

            RunResult second = Driver.run(model, scenario);

            assertEquals(scenario.tasks(), second.completed(), "second run: completed");
            assertEquals(0, second.failed(), () -> "second run: failed, causes " + second.failureCauses());
            assertEquals(scenario.referenceChecksum(), second.checksum(), "second run: checksum");
            assertWholeAgain(model, victim);
        }
    }

    @Test
    void closeKillsAWorkerThatDoesNotExitWhenAsked() throws Exception {
        ProcessesModel model = model(WorkerMode.SERIAL, Duration.ofSeconds(60), WorkerCommand.current());
        List<Long> pids = model.workerPids();
        model.inject(0, Protocol.Control.DEAF);  // it will not see its stdin close

        model.close();

        for (long pid : pids) {
            assertTrue(Orphans.awaitGone(pid, GONE_WITHIN), "worker " + pid + " gone after close");
        }
    }

    private static ProcessesModel model(WorkerMode mode, Duration taskTimeout, WorkerCommand command) {
        return new ProcessesModel(mode, ModelOptions.defaults().withWorkers(2).withTaskTimeout(taskTimeout), command);
    }

    private interface Fault {
        void inject() throws Exception;
    }

    /** Starts the slow run, injects the fault once worker 0 holds a task, and waits for the run to end by itself. */
    private static RunResult runWithFault(ProcessesModel model, Fault fault) throws Exception {
        return runWithFault(model, SLOW, fault);
    }

    private static RunResult runWithFault(ProcessesModel model, Workload workload, Fault fault) throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> Driver.run(model, workload), runner);
            awaitHolding(model, 0);
            fault.inject();
            return run.get(40, TimeUnit.SECONDS);
        } finally {
            runner.shutdownNow();
        }
    }

    private static void awaitHolding(ProcessesModel model, int slot) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (model.pool().heldBy(slot) < 1) {
            assertTrue(System.nanoTime() < deadline, "worker " + slot + " never held a task");
            Thread.sleep(5);
        }
    }

    private static void assertFailedByWorker(RunResult result, String cause) {
        assertEquals(SLOW.tasks(), result.completed() + result.failed(), "completed + failed");
        assertTrue(result.failed() >= 1, "the worker's tasks failed");
        assertTrue(result.failureCauses().keySet().stream().allMatch(c -> c.startsWith("WorkerFailure: ")),
                () -> "only the worker's tasks failed: " + result.failureCauses());
        assertTrue(result.failureCauses().keySet().stream().anyMatch(c -> c.contains(cause)),
                () -> "a cause contains '" + cause + "': " + result.failureCauses());
    }

    /** The pool has two workers again, the victim is not one of them, and a run completes every task. */
    private static void assertWholeAgain(ProcessesModel model, long victim) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (model.workerPids().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<Long> pids = model.workerPids();
        assertEquals(2, pids.size(), "live workers after the replacement");
        assertTrue(!pids.contains(victim), "the victim was replaced");
        assertTrue(Orphans.awaitGone(victim, GONE_WITHIN), "the victim is gone");

        Workload next = Workload.builder(WorkloadKind.CPU).seed(9).tasks(100).concurrency(8).cpuUnits(50).build();
        RunResult result = Driver.run(model, next);

        assertEquals(100, result.completed(), "completed after the replacement");
        assertEquals(next.referenceChecksum(), result.checksum(), "checksum after the replacement");
        assertNotEquals(0, result.checksum());
    }
}
