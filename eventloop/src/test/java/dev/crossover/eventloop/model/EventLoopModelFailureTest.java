package dev.crossover.eventloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Driver;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.eventloop.CapturedLog;
import dev.crossover.eventloop.EventLoop;
import dev.crossover.eventloop.Recorded;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A callback that throws on the model's loop fails every task in flight (they could otherwise
 * leave the driver waiting forever) and the model goes on; work that throws an Error fails its
 * task, ends the loop and every other task, and the model refuses tasks from then on; a checked
 * exception thrown sneakily fails its task. What the model reports goes to a captured log here,
 * not to the console.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventLoopModelFailureTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static <T> T onLoop(EventLoop loop, Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> result.complete(action.get()));
        return result.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallbackThatThrowsFailsEveryTaskInFlightAndTheModelGoesOn() throws Exception {
        Workload endless = Workload.builder(WorkloadKind.SLEEP).tasks(2).io(Duration.ofHours(1)).build();
        List<Recorded> inFlight = List.of(Recorded.plain(), Recorded.plain());
        try (CapturedLog log = CapturedLog.of(EventLoopModel.class.getName());
             EventLoopModel model = EventLoopModel.onLoop()) {
            for (int i = 0; i < 2; i++) {
                model.submit(endless.task(i), inFlight.get(i));
                assertTrue(inFlight.get(i).awaitBegan(WAIT), "task " + i + " began");
            }
            EventLoop loop = model.loop();
            assertEquals(2, onLoop(loop, model.tasks()::size), "tasks in flight");

            loop.execute("broken callback", () -> { throw new IllegalArgumentException("bug"); });

            for (Recorded r : inFlight) {
                IllegalStateException e = assertInstanceOf(IllegalStateException.class, r.failure(WAIT));
                assertEquals("model eventloop: callback broken callback failed (expected: every failure caught by "
                        + "its task)", e.getMessage());
                assertEquals("bug", e.getCause().getMessage());
            }
            assertEquals(0, onLoop(loop, model.tasks()::size), "tasks in flight after the failure");
            List<LogRecord> reported = log.records();
            assertEquals(1, reported.size(), "reports");
            assertEquals(Level.WARNING, reported.get(0).getLevel());
            assertEquals("model eventloop: loop callback broken callback failed", reported.get(0).getMessage());
            assertEquals("bug", reported.get(0).getThrown().getMessage(), "the report carries the failure");

            Workload small = Workload.builder(WorkloadKind.SLEEP).tasks(20).concurrency(5).io(Duration.ofMillis(1)).build();
            RunResult next = Driver.run(model, small);
            assertEquals(20, next.completed());
            assertEquals(small.referenceChecksum(), next.checksum());
        }
    }

    @Test
    void anErrorThrownByATasksWorkFailsItThenEndsTheLoopAndEveryOtherTaskAndLaterSubmitsAreRefused() throws Exception {
        StackOverflowError deep = new StackOverflowError("deep");
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        String ended = "model eventloop: the event loop ended with java.lang.StackOverflowError: deep "
                + "(expected: running until close)";
        try (EventLoopModel model = EventLoopModel.onLoop(spec -> {
            if (spec.index() == 3) {
                throw deep;
            }
            return spec.compute();
        })) {
            // The Error ends the loop thread: the test's handler sees it, not the console.
            model.loop().execute(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.set(e)));
            Workload workload = Workload.builder(WorkloadKind.CPU).tasks(10).concurrency(2).cpuUnits(10).build();

            RunResult result = Driver.run(model, workload);

            assertTrue(result.totals().balanced(), () -> "completed + failed = submitted: " + result.totals());
            assertEquals(List.of(), result.verification().violations(), "no task had a second outcome");
            assertEquals(Map.of("StackOverflowError: deep", 1, "IllegalStateException: " + ended, (int) result.failed() - 1),
                    result.failureCauses(), "every other failure names the Error");
            assertTrue(result.failed() >= 3, () -> "task 3, the other chain's task and what came after: " + result.failed());
            assertTrue(result.submitted() < workload.tasks(), "each chain ended at its first refusal");
            ExecutionException loopEnd = assertThrows(ExecutionException.class,
                    () -> model.loop().terminationFuture().get(5, TimeUnit.SECONDS));
            assertSame(deep, loopEnd.getCause(), "the loop ended with the Error");

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> model.submit(workload.task(0), Recorded.plain()));
            assertEquals(ended, refused.getMessage());
            assertSame(deep, refused.getCause());
        }
        assertSame(deep, uncaught.get(), "the Error was rethrown on the loop thread");
    }

    @Test
    void aCheckedExceptionThrownSneakilyByATasksWorkFailsThatTask() {
        IOException io = new IOException("disk gone");
        try (EventLoopModel model = EventLoopModel.onLoop(spec -> spec.index() == 3 ? sneaky(io) : spec.compute())) {
            Workload workload = Workload.builder(WorkloadKind.MIXED).tasks(10).concurrency(2)
                    .io(Duration.ofMillis(1)).cpuUnits(10).build();
            RunResult result = Driver.run(model, workload);

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
