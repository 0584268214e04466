package dev.crossover.processes;

import dev.crossover.core.InjectedFailure;
import dev.crossover.core.TaskSpec;
import java.time.Duration;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A serial worker's waits, as blocking sleeps: one wait on the calling thread, a fan-out on one
 * virtual thread per wait, gathered as a group that fails fast (the first failure cancels the rest).
 * Each wait that ends (its sleep over, whether it then fails or not) is written to the task's
 * {@link WaitLog}; a sibling cancelled by the group's failure did not end and is not.
 */
final class Waits {
    private Waits() {
    }

    /**
     * Waits as {@code spec} says, and logs in {@code log} how late each wait ended.
     *
     * @throws InjectedFailure if one of its waits fails
     * @throws InterruptedException if the calling thread is interrupted
     */
    static void await(TaskSpec spec, WaitLog log) throws InterruptedException {
        switch (spec.waits()) {
            case 0 -> { }
            case 1 -> waitFor(spec, 0, log);
            default -> gather(spec, log);
        }
    }

    /** Returns or throws once every sub-wait has finished (the group's close waits for them), so the log is complete. */
    private static void gather(TaskSpec spec, WaitLog log) throws InterruptedException {
        try (ExecutorService group = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Void> done = new ExecutorCompletionService<>(group);
            for (int i = 0; i < spec.waits(); i++) {
                int wait = i;
                done.submit(() -> {
                    waitFor(spec, wait, log);
                    return null;
                });
            }
            for (int i = 0; i < spec.waits(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    group.shutdownNow();  // cancel the siblings: their sleeps end with an interrupt
                    if (e.getCause() instanceof InjectedFailure failure) {
                        throw failure;
                    }
                    throw new IllegalStateException("task " + spec.index() + ": wait failed", e.getCause());
                }
            }
        }
    }

    private static void waitFor(TaskSpec spec, int wait, WaitLog log) throws InterruptedException {
        long nanos = spec.waitNanos(wait);
        long deadline = System.nanoTime() + nanos;
        Thread.sleep(Duration.ofNanos(nanos));
        log.ended(deadline);
        if (spec.waitFails(wait)) {
            throw spec.waitFailure(wait);
        }
    }
}
