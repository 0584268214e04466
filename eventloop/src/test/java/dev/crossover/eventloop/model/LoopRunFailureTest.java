package dev.crossover.eventloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.eventloop.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A callback that throws on the model's loop during a run fails the run; it used to hang {@code run()}. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoopRunFailureTest {

    private static <T> T onLoop(EventLoop loop, java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> result.complete(action.get()));
        return result.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallbackThatThrowsDuringARunFailsTheRunAndTheModelStaysUsable() throws Exception {
        try (EventLoopModel model = EventLoopModel.onLoop()) {
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

            Workload small = Workload.builder(WorkloadKind.SLEEP).tasks(20).concurrency(5).io(Duration.ofMillis(1)).build();
            RunResult next = model.run(small);
            assertEquals(20, next.completed());
            assertEquals(small.referenceChecksum(), next.checksum());
        }
    }
}
