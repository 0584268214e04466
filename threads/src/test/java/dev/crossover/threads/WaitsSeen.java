package dev.crossover.threads;

import dev.crossover.core.Completion;

/** A {@link Completion} for tests that call a task's parts directly and look at none of what it hears. */
enum WaitsSeen implements Completion {
    NONE;

    @Override
    public void began() {
    }

    @Override
    public void waitEnded(long deadlineNanos) {
    }

    @Override
    public void completed(long result) {
    }

    @Override
    public void failed(Throwable cause) {
    }
}
