package dev.crossover.eventloop;

/** When {@link Async#wait} returns: asyncio's {@code FIRST_COMPLETED}, {@code FIRST_EXCEPTION}, {@code ALL_COMPLETED}. */
public enum ReturnWhen {
    /** As soon as any task ends, in any way. */
    FIRST_COMPLETED,
    /** As soon as any task fails (a cancellation is not a failure here), else when all have ended. */
    FIRST_EXCEPTION,
    /** When every task has ended. */
    ALL_COMPLETED
}
