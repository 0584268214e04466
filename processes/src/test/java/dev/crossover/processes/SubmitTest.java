package dev.crossover.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Completion;
import dev.crossover.core.InjectedFailure;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model's side of the driver SPI, seen one task at a time: what a completion hears and from
 * where, tasks with the same index in flight at once, a fan-out too wide for a reply, and a pool
 * that has lost its last worker for good.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SubmitTest {
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    @ParameterizedTest
    @EnumSource(WorkerMode.class)
    void reportsBeganThenEachWaitThenOneOutcomeNeverOnTheSubmittingThread(WorkerMode mode) throws Exception {
        TaskSpec spec = new TaskSpec(5, 77, 3, WAIT_NANOS, 40, -1, false);
        try (ProcessesModel model = model(mode, 2, WorkerCommand.current())) {
            Heard heard = new Heard();

            model.submit(spec, heard);

            assertTrue(heard.awaitOutcome(), "an outcome");
            assertEquals(List.of("began", "waitEnded", "waitEnded", "waitEnded", "completed " + spec.compute()),
                    heard.events(), "what the completion heard, in order");
            heard.assertLatenessNotNegative();
            assertFalse(heard.heardOn(Thread.currentThread()), "nothing is heard on the submitting thread");
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerMode.class)
    void reportsOnlyTheWaitsThatEndedBeforeAGroupFailed(WorkerMode mode) throws Exception {
        TaskSpec spec = new TaskSpec(6, 78, 3, 20 * WAIT_NANOS, 0, 1, false);  // wait 1 fails at half time
        try (ProcessesModel model = model(mode, 2, WorkerCommand.current())) {
            Heard heard = new Heard();

            model.submit(spec, heard);

            assertTrue(heard.awaitOutcome(), "an outcome");
            List<String> events = heard.events();
            assertEquals("began", events.getFirst(), "first");
            assertEquals("failed InjectedFailure: " + spec.waitFailure(1).getMessage(), events.getLast(), "last");
            long waits = events.stream().filter("waitEnded"::equals).count();
            // The failing wait ended; its siblings, cancelled by the failure, did not. A loop fires due
            // timers in deadline order, the failing one first, so it cancels the others whatever the load;
            // a serial worker's sibling sleeps may end before the failure reaches them on a busy machine.
            if (mode == WorkerMode.EVENT_LOOP) {
                assertEquals(1, waits, "waits heard: the failing one");
            } else {
                assertTrue(waits >= 1 && waits <= 3, "waits heard: the failing one, and siblings that ended first: " + waits);
            }
            heard.assertLatenessNotNegative();
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerMode.class)
    void runsTwoTasksWithTheSameIndexAtOnceOnOneWorker(WorkerMode mode) throws Exception {
        TaskSpec spec = new TaskSpec(3, 99, 1, 5 * WAIT_NANOS, 30, -1, false);
        try (ProcessesModel model = model(mode, 1, WorkerCommand.current())) {
            Heard first = new Heard();
            Heard second = new Heard();

            model.submit(spec, first);
            model.submit(spec, second);

            assertTrue(first.awaitOutcome() && second.awaitOutcome(), "both outcomes");
            assertEquals(List.of("began", "waitEnded", "completed " + spec.compute()), first.events(), "first");
            assertEquals(List.of("began", "waitEnded", "completed " + spec.compute()), second.events(), "second");
        }
    }

    @Test
    void refusesAFanoutWiderThanAReplyHolds() {
        Workload wide = Workload.builder(WorkloadKind.FANOUT).tasks(2).concurrency(1).fanout(Protocol.MAX_WAITS + 1).build();
        try (ProcessesModel model = model(WorkerMode.EVENT_LOOP, 1, WorkerCommand.current())) {
            IllegalArgumentException up = assertThrows(IllegalArgumentException.class, () -> model.accept(wide));
            IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                    () -> model.submit(wide.task(0), new Heard()));

            assertEquals("fanout: 257 (expected: <= 256 for model processes-eventloop: each wait's lateness travels back"
                    + " in the task's reply)", up.getMessage());
            assertEquals("waits: 257 (expected: <= 256 for model processes-eventloop (task 0))", one.getMessage());
            model.accept(Workload.builder(WorkloadKind.FANOUT).tasks(2).concurrency(1).fanout(Protocol.MAX_WAITS).build());
        }
    }

    /**
     * A pool of one worker whose launcher starts only the first JVM (and fails the second after a
     * second): when the worker dies, its task fails with its exit, the tasks submitted while its
     * replacement is tried wait and then fail with the reason it could not start, and submit then
     * throws with that reason.
     */
    @Test
    void failsItsTasksAndThenRefusesSubmitNamingWhyWhenNoWorkerCanReplaceTheLast(@TempDir Path dir) throws Exception {
        WorkerCommand once = WorkerCommand.current();
        once = new WorkerCommand(launcherThatStartsOnce(dir, once.java()), Optional.of(Runtime.version()),
                once.classPath(), once.jvmArgs());
        try (ProcessesModel model = model(WorkerMode.SERIAL, 1, once)) {
            long victim = model.workerPids().getFirst();
            Heard held = new Heard();
            model.submit(new TaskSpec(0, 1, 1, TimeUnit.SECONDS.toNanos(30), 0, -1, false), held);
            awaitHeld(model);

            ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
            List<Heard> waited = new ArrayList<>();
            IllegalStateException refused = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (refused == null && System.nanoTime() < deadline) {
                Heard next = new Heard();
                try {
                    model.submit(new TaskSpec(1 + waited.size(), 2, 0, 0, 0, -1, false), next);
                    waited.add(next);
                    Thread.sleep(20);
                } catch (IllegalStateException e) {
                    refused = e;
                }
            }

            assertTrue(held.awaitOutcome(), "the held task's outcome");
            assertTrue(held.events().getLast().startsWith("failed WorkerFailure: worker 0 (pid " + victim
                    + "): exited with status 137 (signal 9)"), () -> "the held task failed with the exit: " + held.events());
            assertTrue(refused != null, "submit refused once no worker was left");
            String why = "model processes: no worker left (expected: a worker to replace a failed one): worker 0 (pid ";
            String message = refused.getMessage();
            assertTrue(message.startsWith(why), message);
            assertTrue(message.contains("exited with status 1 before its hello; stderr: launcher: no second worker"), message);
            int waitedForTheReplacement = 0;
            for (Heard task : waited) {
                assertTrue(task.awaitOutcome(), "each task submitted meanwhile has an outcome");
                List<String> events = task.events();
                if (events.getLast().startsWith("failed IllegalStateException: " + why)) {
                    assertEquals(1, events.size(), () -> "a task that waited for a worker never began: " + events);
                    waitedForTheReplacement++;
                } else {  // submitted before the pool saw the death: the victim held it
                    assertTrue(events.getLast().startsWith("failed WorkerFailure: worker 0 (pid " + victim + "): exited"),
                            events::toString);
                }
            }
            assertTrue(waitedForTheReplacement > 0, "tasks waited for the replacement (it takes a second to fail)");
        }
    }

    private static ProcessesModel model(WorkerMode mode, int workers, WorkerCommand command) {
        return new ProcessesModel(mode, ModelOptions.defaults().withWorkers(workers), command);
    }

    /** {@return a launcher that runs {@code java} the first time and fails every later time, saying so on stderr} */
    private static String launcherThatStartsOnce(Path dir, String java) throws IOException {
        Path started = dir.resolve("started");
        Path script = dir.resolve("java-once");
        Files.writeString(script, """
                #!/bin/sh
                if [ -e '%s' ]; then
                  sleep 1  # long enough for tasks to wait for this replacement
                  echo 'launcher: no second worker' >&2
                  exit 1
                fi
                : > '%s'
                exec '%s' "$@"
                """.formatted(started, started, java));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    private static void awaitHeld(ProcessesModel model) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (model.pool().heldBy(0) < 1) {
            assertTrue(System.nanoTime() < deadline, "worker 0 never held the task");
            Thread.sleep(5);
        }
    }

    /** A completion that writes down what it hears, on which threads, and how late each wait was by the deadline it was given. */
    private static final class Heard implements Completion {
        private final List<String> events = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final List<Long> lateness = new ArrayList<>();
        private final CountDownLatch outcome = new CountDownLatch(1);

        @Override
        public synchronized void began() {
            heard("began");
        }

        @Override
        public synchronized void waitEnded(long deadlineNanos) {
            lateness.add(System.nanoTime() - deadlineNanos);
            heard("waitEnded");
        }

        @Override
        public synchronized void completed(long result) {
            heard("completed " + result);
            outcome.countDown();
        }

        @Override
        public synchronized void failed(Throwable cause) {
            String type = cause instanceof InjectedFailure ? "InjectedFailure" : cause.getClass().getSimpleName();
            heard("failed " + type + ": " + cause.getMessage());
            outcome.countDown();
        }

        private void heard(String event) {
            events.add(event);
            threads.add(Thread.currentThread());
        }

        boolean awaitOutcome() throws InterruptedException {
            return outcome.await(30, TimeUnit.SECONDS);
        }

        synchronized List<String> events() {
            return List.copyOf(events);
        }

        synchronized boolean heardOn(Thread thread) {
            return threads.contains(thread);
        }

        synchronized void assertLatenessNotNegative() {
            assertTrue(lateness.stream().allMatch(nanos -> nanos >= 0), () -> "lateness: " + lateness);
        }
    }
}
