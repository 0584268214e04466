package dev.crossover.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.InjectedFailure;
import dev.crossover.core.TaskSpec;
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

        boolean noneAlive() {
            return made.stream().noneMatch(Thread::isAlive);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void gathersEveryWaitOnAThreadOfItsOwn(boolean virtual) throws InterruptedException {
        RecordingFactory threads = new RecordingFactory(virtual);
        TaskSpec spec = new TaskSpec(0, 1, WAITS, 1_000_000, 0, -1, false);

        FanOut.gather(spec, threads);

        assertEquals(WAITS, threads.made.size(), "threads made");
        assertTrue(threads.noneAlive(), "no sub-wait left running");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void firstFailureInterruptsTheSiblingsAndLeavesNoneRunning(boolean virtual) {
        RecordingFactory threads = new RecordingFactory(virtual);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        InjectedFailure failure = new InjectedFailure("wait 2 failed");

        InjectedFailure thrown = assertThrows(InjectedFailure.class, () -> FanOut.gather(WAITS, wait -> {
            if (wait == 2) {
                throw failure;
            }
            try {
                never.await(20, TimeUnit.SECONDS);  // only an interrupt ends it early
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        }, threads));

        assertSame(failure, thrown, "the first failure");
        assertEquals(WAITS - 1, interrupted.get(), "siblings cancelled by interrupt");
        assertTrue(threads.noneAlive(), "no sub-wait left running when gather returns");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void interruptOfTheTaskCancelsTheGroup(boolean virtual) throws InterruptedException {
        RecordingFactory threads = new RecordingFactory(virtual);
        CountDownLatch started = new CountDownLatch(WAITS);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread task = Thread.ofPlatform().start(() -> {
            try {
                FanOut.gather(WAITS, wait -> {
                    started.countDown();
                    try {
                        never.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                        throw e;
                    }
                }, threads);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS), "every sub-wait started");

        task.interrupt();
        task.join(10_000);

        assertFalse(task.isAlive(), "the task ended");
        assertTrue(outcome.get() instanceof InterruptedException, "outcome: " + outcome.get());
        assertEquals(WAITS, interrupted.get(), "sub-waits cancelled by interrupt");
        assertTrue(threads.noneAlive(), "no sub-wait left running");
    }
}
