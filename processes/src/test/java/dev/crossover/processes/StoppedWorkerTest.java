package dev.crossover.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Driver;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The watchdog fires whatever a pipe does: a worker stopped by SIGSTOP (as a long GC pause would
 * stop it) with far more than a pipe's worth of tasks sent its way blocks only its own stdin
 * writer. Its tasks fail with the timeout as their cause, the other worker goes on, the run ends
 * soon after the task timeout, and close() leaves no process behind.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StoppedWorkerTest {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(2);
    /**
     * What the run may take beyond the task timeout: the watchdog's period, killing the worker and
     * recording its tasks, on a busy 2-core machine. Generous on purpose: without the fix the run
     * never ends, so any bound tells the two apart.
     */
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final int CONCURRENCY = 10_000;
    /** A task frame is 46 bytes; a Linux pipe holds 64 KiB by default, about 1,420 of them. */
    private static final int MORE_THAN_A_PIPE = 2_000;

    @ParameterizedTest
    @EnumSource(WorkerMode.class)
    void failsTheTasksOfAStoppedWorkerWithinTheTaskTimeoutWhileTheOtherGoesOn(WorkerMode mode) throws Exception {
        Workload workload = Workload.builder(WorkloadKind.CPU).seed(21).tasks(3 * CONCURRENCY).concurrency(CONCURRENCY)
                .cpuUnits(0).build();
        List<Long> before = children();
        ProcessesModel model = new ProcessesModel(mode,
                ModelOptions.defaults().withWorkers(2).withTaskTimeout(TASK_TIMEOUT), WorkerCommand.current());
        long stopped = model.workerPids().get(0);
        RunResult ran = null;
        long tookNanos;
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (model) {
            try {
                Signals.stop(stopped);

                long begin = System.nanoTime();
                // On a thread of its own: a run stuck in a pipe write cannot be interrupted, so the bound is here.
                ran = runner.submit(() -> Driver.run(model, workload)).get(TASK_TIMEOUT.plus(BOUND).toSeconds() * 2, TimeUnit.SECONDS);
                tookNanos = System.nanoTime() - begin;
            } finally {
                if (ran == null) {
                    ProcessHandle.of(stopped).ifPresent(ProcessHandle::destroyForcibly);  // the run hung: no stopped orphan
                }
                runner.shutdownNow();
            }
        }
        RunResult result = ran;

        assertEquals(workload.tasks(), result.completed() + result.failed(), "completed + failed");
        assertTrue(result.failed() >= MORE_THAN_A_PIPE, "more than a pipe's worth of tasks were pending on the stopped worker: "
                + result.failed());
        assertTrue(result.failed() <= CONCURRENCY, "only tasks the stopped worker held failed: " + result.failed());
        String cause = "WorkerFailure: worker 0 (pid " + stopped + "): silent for ";
        assertTrue(result.failureCauses().keySet().stream()
                        .allMatch(c -> c.startsWith(cause) && c.contains("(expected: a reply within the task timeout, PT2S); killed")),
                () -> "every failure names the stopped worker and the timeout: " + result.failureCauses());
        assertTrue(tookNanos < TASK_TIMEOUT.plus(BOUND).toNanos(),
                "the run ended within the task timeout plus " + BOUND + ": " + tookNanos / 1_000_000 + " ms");
        assertFalse(Orphans.running(stopped), "the stopped worker is gone when close() returns");
        List<Long> left = children().stream().filter(pid -> !before.contains(pid)).toList();
        assertEquals(List.of(), left, "the model's child processes when close() returned");
    }

    private static List<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }
}
