package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.InjectedFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/** Cancellation delivered into running code, after CPython's test_tasks.py and test_taskgroups.py. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CancellationTest {
    static final Duration HOUR = Duration.ofHours(1);
    static final int REPEATS = 20;

    // test_tasks.py, test_cancel_inner_future / test_cancel_yield: cancelling a task that awaits a
    // future cancels the future; the task stays pending (cancelling() == 1) until it comes back.
    @RepeatedTest(REPEATS)
    void cancellingASpawnedTaskCancelsWhatItAwaitsAndEndsWhenTheCancellationComesBack() {
        Object[] seen = Async.run(() -> {
            Task<Void> inner = Task.create("inner future");
            Task<Void> task = Async.spawn(() -> inner);
            return Async.sleep(Duration.ofMillis(1)).thenCompose(v -> {
                boolean requested = task.cancel();
                Object[] now = {requested, task.isDone(), task.cancelling(), inner.isCancelled()};
                return Async.gatherOutcomes(List.of(task)).thenApply(o -> new Object[] {now, task.isCancelled()});
            });
        });
        Object[] now = (Object[]) seen[0];
        assertEquals(true, now[0]);
        assertEquals(false, now[1], "pending until the cancellation has come back through it");
        assertEquals(1, now[2], "cancelling()");
        assertEquals(true, now[3], "the awaited future is cancelled at once");
        assertEquals(true, seen[1]);
    }

    // test_tasks.py, test_cancel_task_catching: "except asyncio.CancelledError: return 42".
    @RepeatedTest(REPEATS)
    void aTaskThatCatchesItsCancellationEndsWithItsValue() {
        Object[] seen = Async.run(() -> {
            List<String> log = new ArrayList<>();
            Task<Integer> task = Async.spawn(() -> Async.sleep(HOUR, 0).onCancellation(e -> {
                log.add("caught " + e.getClass().getSimpleName());
                return Task.completed(42);
            }));
            return Async.sleep(Duration.ofMillis(1)).thenCompose(v -> {
                task.cancel();
                return task;
            }).thenApply(value -> new Object[] {value, log, task.isCancelled(), task.cancelling(), task.uncancel()});
        });
        assertEquals(42, seen[0]);
        assertEquals(List.of("caught CancellationException"), seen[1]);
        assertEquals(false, seen[2]);
        assertEquals(1, seen[3], "the request is still counted until uncancel()");
        assertEquals(0, seen[4]);
    }

    // test_tasks.py, test_cancel_task_ignoring / a finally block: cleanup runs, the cancellation
    // then goes on up (re-raised).
    @RepeatedTest(REPEATS)
    void cleanupRunsInsideACancelledTaskAndTheCancellationGoesOn() {
        List<String> log = new ArrayList<>();
        assertThrows(CancellationException.class, () -> Async.run(() -> {
            Task<Boolean> task = Async.spawn(() -> Async.sleep(HOUR)
                    .thenApply(v -> log.add("not reached"))
                    .andFinally(() -> Async.sleep(Duration.ofMillis(1)).thenApply(v -> log.add("released")))
                    .thenApply(v -> log.add("not reached either")));
            return Async.sleep(Duration.ofMillis(1)).thenCompose(v -> {
                task.cancel();
                return task;
            });
        }));
        assertEquals(List.of("released"), log);
    }

    // test_tasks.py, test_cancel_at_end / _must_cancel: a task cancelled before it starts never runs.
    @RepeatedTest(REPEATS)
    void aTaskCancelledBeforeItStartsNeverRunsItsCoroutine() {
        List<String> log = new ArrayList<>();
        boolean cancelled = Async.run(() -> {
            Task<Void> task = Async.spawn(() -> {
                log.add("ran");
                return Task.completed(null);
            });
            task.cancel();
            return Async.gatherOutcomes(List.of(task)).thenApply(o -> task.isCancelled());
        });
        assertTrue(cancelled);
        assertEquals(List.of(), log);
    }

    // test_tasks.py, test_cancel_when_awaited_future_is_done: the awaited task ended, its callback not
    // run yet: the next step is cancelled instead of going on with the value.
    @RepeatedTest(REPEATS)
    void aStageCancelledAfterItsSourceEndedButBeforeItRanIsCancelledAndItsFunctionDoesNotRun() {
        List<String> log = new ArrayList<>();
        Object[] seen = Async.run(() -> {
            Task<Integer> source = Task.create("source");
            Task<Integer> stage = source.thenApply(v -> {
                log.add("applied");
                return v;
            });
            source.complete(1);
            boolean requested = stage.cancel();
            return Async.gatherOutcomes(List.of(stage)).thenApply(o -> new Object[] {requested, stage.isCancelled()});
        });
        assertEquals(true, seen[0]);
        assertEquals(true, seen[1]);
        assertEquals(List.of(), log);
    }

    // test_tasks.py, test_uncancel_basic: uncancel() withdraws a request made before the task could
    // deliver it, so its next step goes on.
    @RepeatedTest(REPEATS)
    void uncancelWithdrawsARequestThatWasNotDeliveredYet() {
        Object[] seen = Async.run(() -> {
            Task<Integer> source = Task.create("source");
            Task<Integer> stage = source.thenApply(v -> v + 1);
            source.complete(1);
            stage.cancel();
            int left = stage.uncancel();
            return stage.thenApply(v -> new Object[] {left, v});
        });
        assertEquals(0, seen[0]);
        assertEquals(2, seen[1]);
    }

    // test_timeouts.py, test_timeout_in_cancelled... and "the block swallows the cancellation": a
    // timeout whose block suppresses the cancellation ends with the block's value, no TimeoutError.
    @RepeatedTest(REPEATS)
    void aTimeoutWaitsForTheBlocksCleanupAndABlockThatSuppressesItKeepsItsValue() {
        List<String> log = new ArrayList<>();
        CompletionException e = assertThrows(CompletionException.class, () -> Async.run(() -> Async.timeout(
                Duration.ofMillis(1), () -> Async.sleep(HOUR).andFinally(() -> Async.sleep(Duration.ofMillis(1))
                        .thenApply(v -> log.add("cleaned up"))))));
        TimeoutException timedOut = assertInstanceOf(TimeoutException.class, e.getCause());
        assertInstanceOf(CancellationException.class, timedOut.getCause());
        assertEquals(List.of("cleaned up"), log, "the cleanup ran before the timeout was raised");

        String kept = Async.run(() -> Async.timeout(Duration.ofMillis(1),
                () -> Async.sleep(HOUR, "late").onCancellation(c -> Task.completed("suppressed"))));
        assertEquals("suppressed", kept);
    }

    // test_taskgroups.py, test_taskgroup_07 / test_children_cancel_on_error with an awaiting body:
    // a failing child cancels the body's await, the body's cleanup runs, the group fails with the child's error.
    @RepeatedTest(REPEATS)
    void aFailingChildCancelsTheAwaitingBodyWhichCleansUpAndTheGroupFailsWithTheChildsError() {
        List<String> log = new ArrayList<>();
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> Async.run(() -> Async.withTaskGroup(tg -> {
            tg.spawn(() -> Async.sleep(Duration.ofMillis(1)).thenApply(v -> { throw new InjectedFailure("child"); }));
            Task<Void> sibling = tg.spawn(() -> Async.sleep(HOUR).andFinally(() -> Task.completed(log.add("sibling cancelled"))));
            return Async.sleep(HOUR).andFinally(() -> Task.completed(log.add("body cleaned up")))
                    .thenApply(v -> log.add("body not reached"));
        })));
        assertEquals(1, e.failures().size(), "the body's cancellation is not a failure");
        assertEquals("child", e.failures().get(0).getMessage());
        assertEquals(List.of("body cleaned up", "sibling cancelled"), log.stream().sorted().toList());
    }

    @RepeatedTest(REPEATS)
    void aGroupWhoseBodyAwaitsEndsWithTheBodysValueOnceEveryChildHasEnded() {
        List<String> log = new ArrayList<>();
        String value = Async.run(() -> Async.withTaskGroup(tg -> {
            tg.spawn(() -> Async.sleep(Duration.ofMillis(5)).thenApply(v -> log.add("child")));
            return Async.sleep(Duration.ofMillis(1), "body");
        }));
        assertEquals("body", value);
        assertEquals(List.of("child"), log);
    }
}
