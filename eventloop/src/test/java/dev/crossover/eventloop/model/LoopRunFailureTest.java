package dev.crossover.eventloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.eventloop.CapturedLog;
import dev.crossover.eventloop.EventLoop;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A callback that throws on the model's loop during a run fails the run (it used to hang
 * {@code run()}), and so does work that throws an Error; a checked exception thrown sneakily fails
 * its task. What the model reports goes to a captured log here, not to the console.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoopRunFailureTest {

    private static <T> T onLoop(EventLoop loop, java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> result.complete(action.get()));
        return result.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallbackThatThrowsDuringARunFailsTheRunAndTheModelStaysUsable() throws Exception {
        try (CapturedLog log = CapturedLog.of(EventLoopModel.class.getName());
             EventLoopModel model = EventLoopModel.onLoop()) {
            Workload endless = Workload.builder(WorkloadKind.SLEEP).tasks(2).concurrency(1).io(Duration.ofHours(1)).build();
            CompletableFuture<RunResult> run = new CompletableFuture<>();
            Thread runner = Thread.ofPlatform().start(() -> {
                try {
                    run.complete(model.run(endless));
                } catch (Throwable t) {
                    run.completeExceptionally(t);
                }
            });
            EventLoop loop = model.loop();
            while (onLoop(loop, loop::pendingTimers) == 0) {  // the run has admitted its first task
                Thread.sleep(1);
            }

            loop.execute("broken callback", () -> { throw new IllegalArgumentException("bug"); });

            ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
            IllegalStateException failure = assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(failure.getMessage().startsWith("model eventloop: callback broken callback failed during a run"),
                    failure.getMessage());
            assertEquals("bug", failure.getCause().getMessage());
            runner.join(5_000);
            List<LogRecord> reported = log.records();
            assertEquals(1, reported.size(), "reports");
            assertEquals(Level.WARNING, reported.get(0).getLevel());
            assertEquals("model eventloop: loop callback broken callback failed", reported.get(0).getMessage());
            assertEquals("bug", reported.get(0).getThrown().getMessage(), "the report carries the failure");

            Workload small = Workload.builder(WorkloadKind.SLEEP).tasks(20).concurrency(5).io(Duration.ofMillis(1)).build();
            RunResult next = model.run(small);
            assertEquals(20, next.completed());
            assertEquals(small.referenceChecksum(), next.checksum());
        }
    }

    @Test
    void anErrorThrownByATasksWorkOnTheLoopIsRecordedThenEndsTheLoopAndTheRunFailsInsteadOfHanging() throws Exception {
        StackOverflowError deep = new StackOverflowError("deep");
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        try (EventLoopModel model = EventLoopModel.onLoop(spec -> {
            if (spec.index() == 3) {
                throw deep;
            }
            return spec.compute();
        })) {
            // The Error ends the loop thread: the test's handler sees it, not the console.
            model.loop().execute(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.set(e)));
            Workload workload = Workload.builder(WorkloadKind.CPU).tasks(10).concurrency(2).cpuUnits(10).build();

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.run(workload));

            assertTrue(e.getMessage().contains("the event loop ended during the run"), e.getMessage());
            assertSame(deep, e.getCause());
            ExecutionException ended = assertThrows(ExecutionException.class, () -> model.loop().terminationFuture().get(5, TimeUnit.SECONDS));
            assertSame(deep, ended.getCause(), "the loop ended with the Error");
        }
        assertSame(deep, uncaught.get(), "the Error was rethrown on the loop thread");
    }

    @Test
    void aCheckedExceptionThrownSneakilyByATasksWorkFailsThatTask() {
        IOException io = new IOException("disk gone");
        try (EventLoopModel model = EventLoopModel.onLoop(spec -> spec.index() == 3 ? sneaky(io) : spec.compute())) {
            Workload workload = Workload.builder(WorkloadKind.MIXED).tasks(10).concurrency(2)
                    .io(Duration.ofMillis(1)).cpuUnits(10).build();
            RunResult result = model.run(workload);

            assertEquals(1, result.failed(), "failed");
            assertEquals(9, result.completed(), "completed");
            assertEquals(Map.of("IOException: disk gone", 1), result.failureCauses(), "causes");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> long sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
