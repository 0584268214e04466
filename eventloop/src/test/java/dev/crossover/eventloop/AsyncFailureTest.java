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
}
