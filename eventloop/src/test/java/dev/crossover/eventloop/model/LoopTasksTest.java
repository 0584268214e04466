package dev.crossover.eventloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Completion;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.eventloop.Recorded;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link LoopTasks} on a loop played by the test thread: a ready queue and an inbox that the test
 * runs by hand, and a flag that says whether the caller is "on the loop".
 */
class LoopTasksTest {
    private static final Workload WORKLOAD = Workload.builder(WorkloadKind.NULL).tasks(100).build();

    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final ArrayDeque<Runnable> inbox = new ArrayDeque<>();
    private final AtomicBoolean onLoop = new AtomicBoolean(true);
    private final LoopTasks tasks = new LoopTasks("m", inbox::add, ready::add, onLoop::get);

    /** A task that starts by doing nothing; the test ends it. */
    private final class Manual extends LoopTask {
        Manual(int index, Completion done) {
            super(LoopTasksTest.this.tasks, WORKLOAD.task(index), done);
        }

        @Override
        protected void start() {
        }
    }

    private void runReady() {
        for (Runnable r = ready.poll(); r != null; r = ready.poll()) {
            r.run();
        }
    }

    @Test
    void aTaskIsInFlightFromItsSubmitOnTheLoopUntilItsOutcomeInAnyOrder() {
        List<Manual> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Manual task = new Manual(i, Recorded.plain());
            tasks.submit(task);
            submitted.add(task);
        }
        assertEquals(5, ready.size(), "straight to the ready queue");
        assertEquals(List.of(), List.copyOf(inbox), "no inbox entry from the loop thread");
        assertEquals(5, tasks.size());
        runReady();

        submitted.get(2).complete(7);
        submitted.get(0).fail(new IllegalArgumentException("x"));
        submitted.get(4).complete(9);
        submitted.get(4).complete(10);  // a second outcome is dropped

        assertEquals(2, tasks.size(), "tasks 1 and 3 in flight");
        tasks.callbackFailed("cb", new IllegalArgumentException("bug"));
        assertEquals(0, tasks.size());
        for (int i : new int[] {1, 3}) {
            Recorded done = (Recorded) submitted.get(i).done;
            assertEquals(List.of("began", "failed"), done.names(), "task " + i);
        }
        assertEquals(List.of("began", "completed"), ((Recorded) submitted.get(4).done).names(), "one outcome for task 4");
    }

    @Test
    void aTaskSubmittedFromAnOutcomeOfTheFailedOnesIsNotFailedWithThem() throws Exception {
        List<Recorded> next = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int index = i;
            tasks.submit(new Manual(i, Recorded.onOutcome(r -> {
                Recorded d = Recorded.plain();
                next.add(d);
                tasks.submit(new Manual(10 + index, d));
            })));
        }
        runReady();

        tasks.callbackFailed("cb", new IllegalArgumentException("bug"));

        assertEquals(3, next.size(), "each failed task's outcome submitted the next");
        assertEquals(3, tasks.size(), "the next ones are in flight");
        runReady();
        for (Recorded d : next) {
            assertEquals(List.of("began"), d.names(), "began, and was not failed");
        }
    }

    @Test
    void tasksFromOtherThreadsCostOneInboxEntryPerDrain() {
        onLoop.set(false);
        List<Recorded> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Recorded d = Recorded.plain();
            done.add(d);
            tasks.submit(new Manual(i, d));
        }
        assertEquals(1, inbox.size(), "one drain for three arrivals");
        assertEquals(0, ready.size());

        onLoop.set(true);
        inbox.poll().run();
        assertEquals(3, ready.size(), "the drain moved the arrivals to the ready queue");
        assertEquals(3, tasks.size(), "in flight from there");
        onLoop.set(false);
        tasks.submit(new Manual(3, Recorded.plain()));
        assertEquals(1, inbox.size(), "an arrival after the drain queues the next one");
        onLoop.set(true);
        runReady();
        for (Recorded d : done) {
            assertEquals(List.of("began"), d.names());
        }
    }

    @Test
    void stopFailsTheTasksInFlightAndTheArrivalsThenRefusesWithTheReason() throws Exception {
        Recorded inFlight = Recorded.plain();
        tasks.submit(new Manual(0, inFlight));
        runReady();
        onLoop.set(false);
        Recorded arrived = Recorded.plain();
        tasks.submit(new Manual(1, arrived));
        IllegalStateException reason = new IllegalStateException("m: ended", new StackOverflowError("deep"));

        tasks.stop(reason);

        assertSame(reason, inFlight.failure(Duration.ZERO));
        assertSame(reason, arrived.failure(Duration.ZERO));
        assertEquals(List.of("failed"), arrived.names(), "an arrival the loop never took did not begin");
        for (boolean loop : new boolean[] {true, false}) {
            onLoop.set(loop);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> tasks.submit(new Manual(2, Recorded.plain())));
            assertEquals("m: ended", e.getMessage());
            assertSame(reason.getCause(), e.getCause());
        }
        assertTrue(ready.isEmpty(), "nothing queued after the stop");
    }

    @Test
    void aCompletionThatThrowsFailsTheOthersInFlight() throws Exception {
        Recorded other = Recorded.plain();
        tasks.submit(new Manual(0, other));
        Manual throwing = new Manual(1, Recorded.onOutcome(r -> { throw new IllegalArgumentException("driver bug"); }));
        tasks.submit(throwing);
        runReady();

        throwing.complete(1);

        IllegalStateException e = (IllegalStateException) other.failure(Duration.ZERO);
        assertEquals("model m: callback completed() of task 1 failed (expected: every failure caught by its task)",
                e.getMessage());
        assertEquals("driver bug", e.getCause().getMessage());
        assertEquals(0, tasks.size());
    }
}
