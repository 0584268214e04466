package dev.crossover.threads;

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
     * @return the task's result
     * @throws dev.crossover.core.InjectedFailure if a wait or the computation fails by injection
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    static long run(TaskSpec spec, ThreadFactory subWaits) throws InterruptedException {
        switch (spec.waits()) {
            case 0 -> { }
            case 1 -> await(spec, 0);
            default -> FanOut.gather(spec, Objects.requireNonNull(subWaits, "subWaits"));
        }
        return spec.compute();
    }

    /**
     * Blocks the calling thread for wait number {@code wait}, then ends it as the spec says.
     *
     * @throws dev.crossover.core.InjectedFailure if the spec makes this wait fail (after its shorter time)
     * @throws InterruptedException if the calling thread is interrupted while it sleeps
     */
    static void await(TaskSpec spec, int wait) throws InterruptedException {
        long nanos = spec.waitNanos(wait);
        if (nanos > 0) {
            Thread.sleep(Duration.ofNanos(nanos));
        }
        if (spec.waitFails(wait)) {
            throw spec.waitFailure(wait);
        }
    }
}
