package io.netty.util.concurrent;

/**
 * Test access to what Netty keeps package-private: the size of an executor's scheduled-task queue.
 * It lives in Netty's package (a split package is fine on the class path) so that the compiler,
 * not reflection, checks the access.
 *
 * <h2>Threading</h2>
 * Must be called on the executor's own thread: the queue is confined to it.
 */
public final class ScheduledTaskCount {
    private ScheduledTaskCount() {
    }

    /**
     * {@return how many scheduled tasks {@code executor} holds, due or not}
     * @throws IllegalStateException if called off the executor's thread
     */
    public static int of(AbstractScheduledEventExecutor executor) {
        if (!executor.inEventLoop()) {
            throw new IllegalStateException("thread: " + Thread.currentThread().getName()
                    + " (expected: the executor's own thread)");
        }
        return executor.scheduledTaskQueue().size();
    }
}
