package dev.crossover.threads;

import dev.crossover.core.Completion;
import dev.crossover.core.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Gathers a task's sub-waits as a group that fails fast, with what Java 21 offers without preview
 * features: a thread-per-task executor owned by the one task, in try-with-resources.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * FanOut.gather(spec, Thread.ofVirtual().factory(), done);  // returns when all waits succeeded
 * }
 *
 * <h2>Threading</h2>
 * Each sub-wait runs on a new thread from the factory. The first sub-wait to fail, or an interrupt
 * of the calling thread, cancels the others by interrupting them (a sibling cancelled before it
 * began never runs); {@code gather} returns or throws only after every sub-wait has finished, so
 * no work of the group outlives the task (each thread exits right after its sub-wait, as the
 * executor's {@code close()} defines it). This is the shape
 * {@code StructuredTaskScope.ShutdownOnFailure} gives, which is a preview API in Java 21.
 */
final class FanOut {
    private FanOut() {
    }

    /**
     * Runs the spec's {@code waits} sub-waits at once and waits for all of them.
     *
     * @throws dev.crossover.core.InjectedFailure the first sub-wait failure, after the siblings ended
     * @throws InterruptedException if the calling thread is interrupted; the siblings have ended too
     */
    static void gather(TaskSpec spec, ThreadFactory threads, Completion done) throws InterruptedException {
        gather(spec.waits(), wait -> BlockingTask.await(spec, wait, done), threads);
    }

    /**
     * Runs sub-waits {@code 0 .. waits - 1} of {@code body} at once and waits for all of them.
     *
     * @throws RuntimeException     the first sub-wait failure, after the siblings ended
     * @throws InterruptedException if the calling thread is interrupted; the siblings have ended too
     */
    static void gather(int waits, SubWait body, ThreadFactory threads) throws InterruptedException {
        // close() waits for every thread the group started, also after an interrupt (it then
        // interrupts them all and waits on), which is what makes the group structured.
        try (ExecutorService group = Executors.newThreadPerTaskExecutor(threads)) {
            CompletionService<Integer> done = new ExecutorCompletionService<>(group);
            List<Future<Integer>> started = new ArrayList<>(waits);
            try {
                for (int i = 0; i < waits; i++) {
                    int wait = i;
                    started.add(done.submit(() -> {
                        body.await(wait);
                        return wait;
                    }));
                }
                for (int i = 0; i < waits; i++) {
                    // Completion order, not submission order: the first failure is seen when it happens.
                    Future<Integer> next = done.take();
                    try {
                        next.get();
                    } catch (ExecutionException e) {
                        throw unwrap(e.getCause());
                    }
                }
            } finally {
                // No-op after success; after a failure or an interrupt, this interrupts the siblings.
                for (Future<Integer> wait : started) {
                    wait.cancel(true);
                }
            }
        }
    }

    /** One sub-wait of a group, by its number. */
    @FunctionalInterface
    interface SubWait {
        /** Waits as sub-wait number {@code wait}; throws to fail the group. */
        void await(int wait) throws InterruptedException;
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new CompletionException(cause);
    }
}
