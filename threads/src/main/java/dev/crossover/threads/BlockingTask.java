package dev.crossover.threads;

import dev.crossover.core.Completion;
import dev.crossover.core.TaskSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Interprets a {@link TaskSpec} the way blocking code does: the task's own thread sleeps through
 * each wait, then computes.
 *
 * <h2>Threading</h2>
 * Runs on the calling thread; a task with more than one wait starts one thread per wait with the
 * given factory (see {@link FanOut}) and returns only when all of them have ended.
 */
final class BlockingTask {
    private BlockingTask() {
    }

    /**
     * Runs the task: its waits, then its computation.
     *
     * @param subWaits makes the threads of a fan-out's sub-waits; used only when the task waits more than once
     * @param done     hears when each wait ended
     * @return the task's result
     * @throws dev.crossover.core.InjectedFailure if a wait or the computation fails by injection
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    static long run(TaskSpec spec, ThreadFactory subWaits, Completion done) throws InterruptedException {
        return run(spec, subWaits, null, done);
    }

    /**
     * Runs the task as {@link #run(TaskSpec, ThreadFactory, Completion)} does; a request or a file
     * wait goes through {@code io}, on this thread, and the bytes it moved fold into the result.
     *
     * @throws java.io.UncheckedIOException if the request or the file failed, with its cause
     */
    static long run(TaskSpec spec, ThreadFactory subWaits, dev.crossover.core.BlockingIo io, Completion done)
            throws InterruptedException {
        if (spec.realIo()) {
            Objects.requireNonNull(io, "io");
            try {
                return spec.compute(io.await(spec, done));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        switch (spec.waits()) {
            case 0 -> { }
            case 1 -> await(spec, 0, done);
            default -> FanOut.gather(spec, Objects.requireNonNull(subWaits, "subWaits"), done);
        }
        return spec.compute();
    }

    /**
     * Blocks the calling thread for wait number {@code wait}, tells {@code done} when it ended,
     * then ends it as the spec says.
     *
     * @throws dev.crossover.core.InjectedFailure if the spec makes this wait fail (after its shorter time)
     * @throws InterruptedException if the calling thread is interrupted while it sleeps
     */
    static void await(TaskSpec spec, int wait, Completion done) throws InterruptedException {
        long nanos = spec.waitNanos(wait);
        long deadline = System.nanoTime() + nanos;
        if (nanos > 0) {
            Thread.sleep(Duration.ofNanos(nanos));
        }
        done.waitEnded(deadline);
        if (spec.waitFails(wait)) {
            throw spec.waitFailure(wait);
        }
    }
}
