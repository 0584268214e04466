package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.InjectedFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure paths of {@link Async} and the loop's synchronisers: each used to hang or lose a value. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AsyncFailureTest {

    @Test
    void runFailsWithWhatMainThrowsInsteadOfHanging() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Async.run(() -> { throw new IllegalStateException("main threw"); }));
        assertEquals("main threw", e.getMessage());
    }

    @Test
    void toThreadFailsWithWhatTheCallThrowsEvenARejectedExecutionException() {
        RejectedExecutionException rejected = assertThrows(RejectedExecutionException.class,
                () -> Async.run(() -> Async.toThread(() -> { throw new RejectedExecutionException("pool gone"); })));
        assertEquals("pool gone", rejected.getMessage());

        CompletionException checked = assertThrows(CompletionException.class,
                () -> Async.run(() -> Async.toThread(() -> { throw new IOException("disk gone"); })));
        assertEquals("disk gone", assertInstanceOf(IOException.class, checked.getCause()).getMessage());
    }

    @Test
    void toThreadFailsWithAnErrorTheCallThrows() {
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        StackOverflowError e = assertThrows(StackOverflowError.class, () -> Async.run(() -> Async.toThread(() -> {
            // The Error is rethrown on this pool thread after the hand-back: the test's handler sees it.
            Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> uncaught.set(failure));
            throw new StackOverflowError("deep");
        })));
        assertEquals("deep", e.getMessage());
        // Async.run closed the loop, which joined the pool's threads: the dying one has run its handler.
        assertSame(e, uncaught.get(), "the Error was rethrown on the pool thread");
    }

    @Test
    void runInExecutorHandsAnErrorToTheLoopAndStillRethrowsItOnThePoolThread() throws Exception {
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        CountDownLatch threadDied = new CountDownLatch(1);
        Executor pool = command -> Thread.ofPlatform().uncaughtExceptionHandler((thread, failure) -> {
            uncaught.set(failure);
            threadDied.countDown();
        }).start(command);

        StackOverflowError e = assertThrows(StackOverflowError.class,
                () -> Async.run(() -> Async.runInExecutor(pool, () -> { throw new StackOverflowError("deep"); })));

        assertTrue(threadDied.await(5, TimeUnit.SECONDS), "the pool thread saw the Error");
        assertSame(e, uncaught.get());
    }

    @Test
    void waitForKeepsAValueThatArrivesInTheTurnItsTimeoutExpires() {
        Object[] seen = Async.run(() -> {
            Task<String> inner = Task.create("inner");
            // The zero timeout fires in the next turn, before inner's done callbacks (timers run first).
            Task<String> bounded = Async.waitFor(inner, Duration.ZERO);
            inner.complete("value");
            return bounded.exceptionally(t -> "failed: " + t.getClass().getSimpleName())
                    .thenApply(v -> new Object[] {v, inner.isSucceeded()});
        });
        assertEquals("value", seen[0], "the value reached the waiter instead of being dropped");
        assertEquals(true, seen[1]);
    }

    @Test
    void aQueueGetThatTimesOutInTheTurnItsItemArrivesLeavesTheItemInTheQueue() {
        Object[] seen = Async.run(() -> {
            AsyncQueue<String> queue = new AsyncQueue<>(4);
            Task<String> get = queue.get();
            // The zero timeout fires in the next turn, before the queue delivers the item it hands
            // to get now: get is cancelled first, so the item stays in the queue for the next get.
            Task<String> bounded = Async.waitFor(get, Duration.ZERO);
            queue.offer("item");
            return bounded.exceptionally(t -> "failed: " + t.getClass().getSimpleName())
                    .thenCompose(v -> queue.get().thenApply(next -> new Object[] {v, get.isCancelled(), next, queue.size()}));
        });
        assertEquals("failed: TimeoutException", seen[0]);
        assertEquals(true, seen[1], "the get was cancelled by its timeout");
        assertEquals("item", seen[2], "the item went to the next get instead of being lost");
        assertEquals(0, seen[3]);
    }

    @Test
    void waitForKeepsAFailureThatArrivesInTheTurnItsTimeoutExpires() {
        InjectedFailure e = assertThrows(InjectedFailure.class, () -> Async.run(() -> {
            Task<String> inner = Task.create("inner");
            Task<String> bounded = Async.waitFor(inner, Duration.ZERO);
            inner.fail(new InjectedFailure("inner failed"));
            return bounded;
        }));
        assertEquals("inner failed", e.getMessage());
    }

    @Test
    void semaphoreReleasePassesOverAWaiterEndedByFail() {
        Object[] seen = Async.run(() -> {
            AsyncSemaphore sem = new AsyncSemaphore(1);
            Task<Void> holder = sem.acquire();
            Task<Void> failed = sem.acquire();
            Task<Void> live = sem.acquire();
            failed.fail(new CancellationException("given up"));
            int waitingAfterFail = sem.waiting();
            return holder.thenCompose(h -> {
                sem.release();  // holder's permit: to live, not swallowed by the failed waiter
                return live;
            }).thenApply(v -> {
                sem.release();  // live's permit: back to the pool
                return new Object[] {holder.isSucceeded(), waitingAfterFail, live.isSucceeded(), sem.available(),
                        sem.waiting()};
            });
        });
        assertEquals(true, seen[0]);
        assertEquals(1, seen[1], "waiting after one waiter was failed");
        assertEquals(true, seen[2], "the live waiter got the permit");
        assertEquals(1, seen[3], "available at the end");
        assertEquals(0, seen[4], "waiting at the end");
    }

    @Test
    void lockReleasePassesOverAWaiterEndedByFail() {
        boolean locked = Async.run(() -> {
            AsyncLock lock = new AsyncLock();
            Task<Void> held = lock.acquire();
            lock.acquire().fail(new CancellationException("given up"));
            return held.thenApply(v -> {
                lock.release();
                return lock.isLocked();
            });
        });
        assertFalse(locked, "the lock is free again");
    }

    @Test
    void queueItemSkipsAGetterEndedByFail() {
        Object[] seen = Async.run(() -> {
            AsyncQueue<String> queue = new AsyncQueue<>(2);
            Task<String> failed = queue.get();
            Task<String> live = queue.get();
            failed.fail(new CancellationException("given up"));
            queue.offer("a");  // handed to live: still in the queue until delivered
            queue.offer("b");
            int sizeBeforeDelivery = queue.size();
            return live.thenApply(v -> new Object[] {v, sizeBeforeDelivery, queue.size(), queue.poll()});
        });
        assertEquals("a", seen[0]);
        assertEquals(2, seen[1], "size while a is handed to live");
        assertEquals(1, seen[2], "size once a was delivered");
        assertEquals("b", seen[3]);
    }

    @Test
    void cancellingOrFailingAWaitingPutKeepsItsItemOut() {
        List<String> got = Async.run(() -> {
            AsyncQueue<String> queue = new AsyncQueue<>(1);
            queue.put("a");
            Task<Void> cancelled = queue.put("cancelled");
            Task<Void> failed = queue.put("failed");
            Task<Void> live = queue.put("b");
            assertTrue(cancelled.cancel());
            assertTrue(failed.fail(new CancellationException("given up")));
            List<String> items = new ArrayList<>();
            items.add(queue.poll());   // frees a place: handed to "b", not to a put that has ended
            return live.thenApply(v -> {
                items.add(String.valueOf(live.isSucceeded()));
                items.add(queue.poll());
                items.add(String.valueOf(queue.poll()));
                return items;
            });
        });
        assertEquals(List.of("a", "true", "b", "null"), got);
    }

    /** Throws {@code t} without declaring it: what a library compiled from another JVM language may do. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void everyStageFailsOnACheckedExceptionThrownSneakilyInsteadOfStayingPending() {
        List<Outcome<Object>> outcomes = Async.run(() -> {
            IOException io = new IOException("disk gone");
            List<Task<Object>> stages = List.of(
                    Task.<Object>completed(1).thenApply(v -> { throw sneaky(io); }),
                    Task.<Object>completed(1).thenCompose(v -> { throw sneaky(io); }),
                    Task.<Object>failed(new InjectedFailure("x")).exceptionally(t -> { throw sneaky(io); }),
                    Async.spawn(() -> { throw sneaky(io); }),
                    new AsyncSemaphore(1).withPermit(() -> { throw sneaky(io); }),
                    Async.taskGroup(tg -> { throw sneaky(io); }).thenApply(v -> (Object) v));
            return Async.gatherOutcomes(stages);
        });
        assertEquals(6, outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome.Failure<?> failure = assertInstanceOf(Outcome.Failure.class, outcomes.get(i), "stage " + i);
            Throwable cause = failure.cause() instanceof TaskGroupException g ? g.failures().get(0) : failure.cause();
            assertEquals("disk gone", assertInstanceOf(IOException.class, cause, "stage " + i).getMessage());
        }
    }

    @Test
    void anErrorInAStageFailsTheStageThenEndsTheLoopOnItsThread() throws Exception {
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        EventLoop loop = new EventLoop("test", (name, failure) -> reported.add(name));
        loop.start();
        AtomicReference<Task<Integer>> stage = new AtomicReference<>();
        loop.execute(() -> {
            // The Error ends the loop thread: its handler is the test's, not the console.
            Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> uncaught.set(failure));
            stage.set(Task.completed(1).thenApply(v -> { throw new AssertionError("fatal stage"); }));
        });

        ExecutionException e = assertThrows(ExecutionException.class, () -> loop.terminationFuture().get(10, TimeUnit.SECONDS));
        assertEquals("fatal stage", e.getCause().getMessage());
        loop.close();
        assertTrue(stage.get().isFailed(), "the stage failed with the Error before the loop ended");
        assertSame(e.getCause(), stage.get().failure());
        assertSame(e.getCause(), uncaught.get(), "the Error reached the loop thread's handler");
        assertEquals(List.of(), reported, "an Error is rethrown, not reported and gone past");
    }
}
