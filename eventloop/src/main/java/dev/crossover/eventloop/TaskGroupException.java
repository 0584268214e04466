package dev.crossover.eventloop;

import java.util.List;

/**
 * Every failure of a {@link TaskGroup}'s children, like Python's {@code ExceptionGroup}: the first is
 * the cause, all of them are in {@link #failures()} and among the suppressed exceptions.
 */
public final class TaskGroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> failures;

    TaskGroupException(List<Throwable> failures) {
        super("task group: " + failures.size() + " task(s) failed; first: " + failures.get(0), failures.get(0));
        this.failures = List.copyOf(failures);
        failures.forEach(this::addSuppressed);
    }

    /** {@return every failure, in the order the children failed} */
    public List<Throwable> failures() {
        return failures;
    }
}
