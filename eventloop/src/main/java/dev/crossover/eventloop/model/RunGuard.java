package dev.crossover.eventloop.model;

import dev.crossover.core.Lifecycle;
import dev.crossover.core.Workload;
import java.util.Objects;

/** The checks every loop model makes before a run: the same rules, and the same words, for each loop. */
public final class RunGuard {
    private RunGuard() {
    }

    /**
     * Refuses a run that could never finish or must not start.
     *
     * @param onLoopThread whether the caller is the model's loop thread
     * @throws NullPointerException  if {@code workload} is null
     * @throws IllegalStateException if the model is closed, or the caller is the loop thread (it
     *                               would wait for work that only it can do)
     */
    public static void checkRun(Workload workload, Lifecycle lifecycle, boolean onLoopThread) {
        Objects.requireNonNull(workload, "workload");
        lifecycle.checkOpen();
        if (onLoopThread) {
            throw new IllegalStateException("run: called on the event loop thread (expected: another thread; "
                    + "waiting for the run there would deadlock)");
        }
    }
}
