package dev.crossover.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.InjectedFailure;
import dev.crossover.core.TaskSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FanOutTest {
    private static final int WAITS = 4;

    /** Makes threads of either kind and keeps every one it made. */
    private static final class RecordingFactory implements ThreadFactory {
        final List<Thread> made = new CopyOnWriteArrayList<>();
        private final ThreadFactory delegate;

        RecordingFactory(boolean virtual) {
            this.delegate = virtual ? Thread.ofVirtual().factory() : Thread.ofPlatform().factory();
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = delegate.newThread(task);
            made.add(thread);
            return thread;
        }

        /** {@return whether every thread made has terminated}, waiting for each a bounded time */
        boolean allTerminate() throws InterruptedException {
            for (Thread thread : made) {
                thread.join(Duration.ofSeconds(5));
            }
            return made.stream().noneMatch(Thread::isAlive);
        }
    }

    /** {@return body, counting in {@code running} the sub-waits inside it} */
    private static FanOut.SubWait tracked(FanOut.SubWait body, AtomicInteger running) {
        return wait -> {
            running.incrementAndGet();
            try {
                body.await(wait);
            } finally {
                running.decrementAndGet();
            }
        };
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void gathersEveryWaitOnAThreadOfItsOwn(boolean virtual) throws InterruptedException {
        RecordingFactory threads = new RecordingFactory(virtual);
        TaskSpec spec = new TaskSpec(0, 1, WAITS, 1_000_000, 0, -1, false);
        AtomicInteger running = new AtomicInteger();

        FanOut.gather(WAITS, tracked(wait -> BlockingTask.await(spec, wait, WaitsSeen.NONE), running), threads);

        assertEquals(0, running.get(), "sub-waits still running when gather returns");
        assertEquals(WAITS, threads.made.size(), "threads made");
        assertTrue(threads.allTerminate(), "every sub-wait thread terminates");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void firstFailureInterruptsTheSiblingsAndLeavesNoneRunning(boolean virtual) throws InterruptedException {
        RecordingFactory threads = new RecordingFactory(virtual);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger begun = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger endedOtherwise = new AtomicInteger();
        InjectedFailure failure = new InjectedFailure("wait 2 failed");

        AtomicInteger running = new AtomicInteger();

        InjectedFailure thrown = assertThrows(InjectedFailure.class, () -> FanOut.gather(WAITS, tracked(wait -> {
            if (wait == 2) {
                throw failure;
            }
            begun.incrementAndGet();
            try {
                never.await(20, TimeUnit.SECONDS);  // only an interrupt ends it early
                endedOtherwise.incrementAndGet();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        }, running), threads));

        // A sibling cancelled before it began never runs its body; every one that began was interrupted.
        assertSame(failure, thrown, "the first failure");
        assertEquals(begun.get(), interrupted.get(), "siblings that began, all cancelled by interrupt");
        assertEquals(0, endedOtherwise.get(), "siblings that ran to their end");
        assertEquals(0, running.get(), "sub-waits still running when gather returns");
        assertTrue(threads.allTerminate(), "every sub-wait thread terminates");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void interruptOfTheTaskCancelsTheGroup(boolean virtual) throws InterruptedException {
        RecordingFactory threads = new RecordingFactory(virtual);
        CountDownLatch started = new CountDownLatch(WAITS);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicInteger runningAtReturn = new AtomicInteger(-1);
        AtomicInteger running = new AtomicInteger();
        Thread task = Thread.ofPlatform().start(() -> {
            try {
                FanOut.gather(WAITS, tracked(wait -> {
                    started.countDown();
                    try {
                        never.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                        throw e;
                    }
                }, running), threads);
            } catch (Throwable t) {
                runningAtReturn.set(running.get());
                outcome.set(t);
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS), "every sub-wait started");

        task.interrupt();
        task.join(10_000);

        assertFalse(task.isAlive(), "the task ended");
        assertTrue(outcome.get() instanceof InterruptedException, "outcome: " + outcome.get());
        assertEquals(WAITS, interrupted.get(), "sub-waits cancelled by interrupt");
        assertEquals(0, runningAtReturn.get(), "sub-waits still running when gather returned");
        assertTrue(threads.allTerminate(), "every sub-wait thread terminates");
    }
}
