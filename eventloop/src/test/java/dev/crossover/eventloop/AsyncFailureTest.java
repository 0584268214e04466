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
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
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
        StackOverflowError e = assertThrows(StackOverflowError.class,
                () -> Async.run(() -> Async.toThread(() -> { throw new StackOverflowError("deep"); })));
        assertEquals("deep", e.getMessage());
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
            AsyncQueue<String> queue = new AsyncQueue<>(4);
            Task<String> get = queue.get();
            // The zero timeout fires in the next turn, before get's done callbacks (timers run first).
            Task<String> bounded = Async.waitFor(get, Duration.ZERO);
            queue.offer("item");
            return bounded.exceptionally(t -> "failed: " + t.getClass().getSimpleName())
                    .thenApply(v -> new Object[] {v, get.isSucceeded(), queue.size()});
        });
        assertEquals("item", seen[0], "the item reached the waiter instead of being lost");
        assertEquals(true, seen[1]);
        assertEquals(0, seen[2]);
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
            sem.release();  // holder's permit: to live, not swallowed by the failed waiter
            boolean liveGranted = live.isSucceeded();
            sem.release();  // live's permit: back to the pool
            return Task.completed(new Object[] {holder.isSucceeded(), waitingAfterFail, liveGranted,
                    sem.available(), sem.waiting()});
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
            lock.acquire();
            lock.acquire().fail(new CancellationException("given up"));
            lock.release();
            return Task.completed(lock.isLocked());
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
            queue.offer("a");
            queue.offer("b");
            return Task.completed(new Object[] {live.isSucceeded() ? live.result() : "pending", queue.size(), queue.poll()});
        });
        assertEquals("a", seen[0]);
        assertEquals(1, seen[1]);
        assertEquals("b", seen[2]);
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
            items.add(queue.poll());   // frees a place: "b" goes in, not a put that has ended
            items.add(String.valueOf(live.isSucceeded()));
            items.add(queue.poll());
            items.add(String.valueOf(queue.poll()));
            return Task.completed(items);
        });
        assertEquals(List.of("a", "true", "b", "null"), got);
    }
}
