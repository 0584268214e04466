package dev.crossover.eventloop;

/** A put into, or a get from an empty, {@link AsyncQueue} that was {@link AsyncQueue#shutdown shut down}: asyncio's {@code QueueShutDown}. */
public final class QueueShutDownException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    QueueShutDownException(String message) {
        super(message);
    }
}
