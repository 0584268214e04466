package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviours where the loop's API once differed from asyncio, each pinned as CPython's
 * {@code Lib/test/test_asyncio} pins it (the test it follows is named in each method's comment).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AsyncioDifferencesTest {
    static final int REPEATS = 20;

    // test_queues.py, test_cancelled_put_silence_value_error_exception / test_put_cancelled_race:
    // a put cancelled after its place came free but before it resumed puts nothing.
    @RepeatedTest(REPEATS)
    void aPutCancelledAfterItsPlaceCameFreeLeavesNothingInTheQueue() {
        Object[] seen = Async.run(() -> {
            AsyncQueue<String> queue = new AsyncQueue<>(1);
            queue.offer("a");
            Task<Void> put = queue.put("x");
            Task<Void> awaiting = put.thenApply(v -> null);  // the coroutine's "await queue.put(x)"
            String first = queue.poll();                      // a place comes free for the put
            boolean cancelled = awaiting.cancel();            // before the put has resumed
            return Async.sleep(Duration.ofMillis(1)).thenApply(v -> new Object[] {
                    first, cancelled, put.isCancelled(), queue.size(), queue.poll(), queue.offer("retry"), queue.size()});
        });
        assertEquals("a", seen[0]);
        assertEquals(true, seen[1], "the awaiting stage was still pending");
        assertEquals(true, seen[2], "the put itself was cancelled, not completed");
        assertEquals(0, seen[3], "size once the cancelled put is gone");
        assertEquals(null, seen[4], "nothing was put by the cancelled put");
        assertEquals(true, seen[5], "its place is free for a retry");
        assertEquals(1, seen[6], "the retry's item is there once, not twice");
    }

    @RepeatedTest(REPEATS)
    void aPutCancelledAfterItsPlaceCameFreePassesThePlaceToTheNextPut() {
        List<String> got = Async.run(() -> {
            AsyncQueue<String> queue = new AsyncQueue<>(1);
            queue.offer("a");
            Task<Void> first = queue.put("cancelled");
            Task<Void> second = queue.put("b");
            queue.poll();
            first.cancel();
            return second.thenCompose(v -> queue.get()).thenApply(item -> List.of(item, String.valueOf(queue.size())));
        });
        assertEquals(List.of("b", "0"), got);
    }

    // test_timeouts.py, test_timeout_zero / test_timeout_at_disabled... : timeout(0) runs the block up to
    // its first await, and a block that does not await completes (test_timeout_zero_sleep_zero's cousin
    // without a sleep: "async with timeout(0): pass" raises nothing).
    @RepeatedTest(REPEATS)
    void aZeroTimeoutRunsTheBlockAndABlockThatNeverAwaitsCompletes() {
        List<String> log = new ArrayList<>();
        String value = Async.run(() -> Async.timeout(Duration.ZERO, () -> {
            log.add("block ran");
            return Task.completed("done without awaiting");
        }));
        assertEquals("done without awaiting", value);
        assertEquals(List.of("block ran"), log);
    }

    @RepeatedTest(REPEATS)
    void aPastDeadlineRunsTheBlockUntilItsFirstAwaitThenTimesOut() {
        List<String> log = new ArrayList<>();
        java.util.concurrent.CompletionException e = assertThrows(java.util.concurrent.CompletionException.class,
                () -> Async.run(() -> Async.timeoutAt(System.nanoTime() - 1_000_000, () -> {
                    log.add("before the first await");
                    return Async.sleep(Duration.ofHours(1)).thenApply(v -> log.add("after it"));
                })));
        assertInstanceOf(java.util.concurrent.TimeoutException.class, e.getCause());
        assertEquals(List.of("before the first await"), log);
        List<String> negative = new ArrayList<>();
        assertThrows(java.util.concurrent.CompletionException.class, () -> Async.run(() -> Async.timeout(Duration.ofMillis(-5), () -> {
            negative.add("ran");
            return Async.sleep(Duration.ofHours(1));
        })));
        assertEquals(List.of("ran"), negative);
    }

    // test_waitfor.py, test_wait_for_timeout_chained / test_timeouts.py, test_timeout_exception_cause:
    // the TimeoutError's __cause__ is the CancelledError of the inner task.
    @RepeatedTest(REPEATS)
    void aTimeoutIsChainedToTheCancellationOfTheInnerTask() {
        Object[] seen = Async.run(() -> {
            Task<Void> inner = Async.sleep(Duration.ofHours(1));
            Task<Throwable> waited = Async.waitFor(inner, Duration.ofMillis(1)).thenApply(v -> (Throwable) null)
                    .exceptionally(t -> t);
            Task<Throwable> block = Async.timeout(Duration.ofMillis(1), () -> Async.sleep(Duration.ofHours(1)))
                    .thenApply(v -> (Throwable) null).exceptionally(t -> t);
            return Async.gather(waited, block).thenApply(both -> new Object[] {both.get(0), both.get(1), inner.failure()});
        });
        java.util.concurrent.TimeoutException fromWaitFor = assertInstanceOf(java.util.concurrent.TimeoutException.class, seen[0]);
        assertTrue(fromWaitFor.getCause() == seen[2], "waitFor: the cause is the inner task's own cancellation");
        java.util.concurrent.TimeoutException fromTimeout = assertInstanceOf(java.util.concurrent.TimeoutException.class, seen[1]);
        assertInstanceOf(java.util.concurrent.CancellationException.class, fromTimeout.getCause(), "timeout: the cause");
    }

    // test_tasks.py, GatherTestsBase.test_cancel_gather_2 / test_gather's "cancel() after the children
    // are done": a gather whose children are all done cannot be cancelled, and its results stand.
    @RepeatedTest(REPEATS)
    void cancellingAGatherWhoseChildrenAreAllDoneReturnsFalseAndTheResultsStand() {
        Object[] seen = Async.run(() -> {
            Task<List<Integer>> g = Async.gather(Task.completed(1), Task.completed(2));  // pending: callbacks not run yet
            boolean cancelled = g.cancel();
            return g.thenApply(values -> new Object[] {cancelled, values, g.isCancelled()});
        });
        assertEquals(false, seen[0], "cancel() found nothing to cancel");
        assertEquals(List.of(1, 2), seen[1]);
        assertEquals(false, seen[2]);
    }

    @RepeatedTest(REPEATS)
    void cancellingAGatherCancelsItsPendingChildrenAndFailsItWithTheCancellation() {
        Object[] seen = Async.run(() -> {
            Task<Void> slow = Async.sleep(Duration.ofHours(1));
            Task<List<Object>> g = Async.gather(Task.completed(1), slow);
            boolean cancelled = g.cancel();
            Throwable[] caught = new Throwable[1];
            return g.exceptionally(t -> {
                caught[0] = t;
                return null;
            }).thenApply(v -> new Object[] {cancelled, slow.isCancelled(), caught[0], g.isCancelled(), g.isFailed()});
        });
        assertEquals(true, seen[0]);
        assertEquals(true, seen[1], "the pending child was cancelled");
        assertInstanceOf(java.util.concurrent.CancellationException.class, seen[2]);
        assertEquals(false, seen[3], "the gather is not itself cancelled");
        assertEquals(true, seen[4], "it failed with the cancellation");
    }

    // test_tasks.py, GatherTestsBase.test_one_cancellation: "self.assertFalse(fut.cancelled());
    // self.assertIsInstance(fut.exception(), asyncio.CancelledError)".
    @RepeatedTest(REPEATS)
    void aGatherWhoseChildWasCancelledFailsWithTheCancellationAndAHandlerCatchesIt() {
        Object[] seen = Async.run(() -> {
            Task<String> a = Task.create("a");
            Task<String> b = Task.create("b");
            Task<List<String>> g = Async.gather(a, b);
            a.complete("one");
            b.cancel();
            Task<List<String>> caught = g.exceptionally(t -> List.of("caught " + t.getClass().getSimpleName()));
            return caught.thenApply(v -> new Object[] {g.isCancelled(), g.isFailed(), g.failure(), v});
        });
        assertEquals(false, seen[0], "not cancelled");
        assertEquals(true, seen[1], "failed");
        assertInstanceOf(java.util.concurrent.CancellationException.class, seen[2]);
        assertEquals(List.of("caught CancellationException"), seen[3]);
    }

    // test_runners.py, RunTests.test_asyncio_run_cancels_hanging_tasks: "lo_task = asyncio.create_task(
    // leftover()); return 123" -> run returns 123 and lo_task is done (cancelled), its callbacks run.
    @RepeatedTest(REPEATS)
    void runCancelsTasksStillPendingWhenMainEndsAndWaitsForThemToEnd() {
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        Object[] leftover = new Object[1];
        int value = Async.run(() -> {
            Task<Void> child = Async.spawn("leftover", () -> Async.sleep(Duration.ofHours(1)));
            child.whenDone(t -> log.add("leftover ended, cancelled: " + t.isCancelled()));
            leftover[0] = child;
            return Task.completed(123);
        });
        assertEquals(123, value);
        assertEquals(List.of("leftover ended, cancelled: true"), log);
        assertTrue(((Task<?>) leftover[0]).isCancelled());
    }

    // test_base_events.py, BaseEventLoopTests.test_call_soon / test_events.py test_call_soon_threadsafe:
    // asyncio keeps one ready FIFO; a call_soon_threadsafe that returned is ahead of a later call_soon.
    @RepeatedTest(REPEATS)
    void aCallSoonThreadsafeThatReturnedRunsBeforeALaterLoopThreadCallSoon() throws Exception {
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(2);
        try (EventLoop loop = EventLoop.start("fifo")) {
            loop.execute(() -> {
                Thread other = Thread.ofPlatform().start(() -> loop.callSoonThreadsafe(() -> {
                    order.add("threadsafe");
                    done.countDown();
                }));
                try {
                    other.join(5_000);  // its call has returned before the callSoon below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                loop.callSoon(() -> {
                    order.add("call soon");
                    done.countDown();
                });
            });
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("threadsafe", "call soon"), order);
    }
}
