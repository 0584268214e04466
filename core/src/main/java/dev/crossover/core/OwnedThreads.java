package dev.crossover.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;

/**
 * The threads a model made, so that its {@code close()} can wait until every one of them has
 * ended, not only until its pool says it has terminated.
 *
 * <p>Why: {@link java.util.concurrent.ThreadPoolExecutor#awaitTermination} returns once the pool's
 * state is {@code TERMINATED}, which the last worker sets <em>before</em> its thread has exited;
 * a leak check right after {@code close()} then still sees that worker alive. Joining the threads
 * themselves is the only wait that ends when they are gone.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * OwnedThreads owned = new OwnedThreads("threads-fixed");
 * ExecutorService pool = Executors.newFixedThreadPool(200, owned.factory(Thread.ofPlatform().name("w-", 0).factory()));
 * // ... in close():
 * pool.shutdown();
 * pool.awaitTermination(10, TimeUnit.SECONDS);
 * owned.join(Duration.ofSeconds(10));
 * }
 *
 * <h2>Threading</h2>
 * Safe from any thread. Terminated threads are dropped as new ones are made, so a model that
 * starts a thread per task keeps only about as many as are alive at once.
 */
public final class OwnedThreads {
    private final String owner;
    private final List<Thread> threads = new ArrayList<>();
    private int pruneAt = 64;

    /** @param owner the model's id, for the message when threads outlive {@link #join} */
    public OwnedThreads(String owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** {@return a factory that makes threads with {@code delegate} and records each} */
    public ThreadFactory factory(ThreadFactory delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return task -> {
            Thread thread = delegate.newThread(task);
            if (thread != null) {
                add(thread);
            }
            return thread;
        };
    }

    /** {@return a fork/join worker factory that makes workers with {@code delegate} and records each} */
    public ForkJoinPool.ForkJoinWorkerThreadFactory forkJoinFactory(ForkJoinPool.ForkJoinWorkerThreadFactory delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return pool -> {
            ForkJoinWorkerThread worker = delegate.newThread(pool);
            if (worker != null) {
                add(worker);
            }
            return worker;
        };
    }

    /** Records a thread made elsewhere (a reader thread started by hand, say). */
    public void add(Thread thread) {
        Objects.requireNonNull(thread, "thread");
        synchronized (threads) {
            threads.add(thread);
            if (threads.size() >= pruneAt) {
                threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
                pruneAt = Math.max(64, threads.size() * 2);
            }
        }
    }

    /** {@return the recorded threads that have not ended yet} */
    public List<Thread> alive() {
        synchronized (threads) {
            return threads.stream().filter(t -> t.getState() != Thread.State.TERMINATED).toList();
        }
    }

    /**
     * Waits until every recorded thread has ended, at most {@code timeout} in all. The calling
     * thread is skipped if it is one of them (a task closing its own model).
     *
     * @throws IllegalStateException if some are still alive after {@code timeout}; the message names them
     * @throws InterruptedException  if the calling thread is interrupted while it waits
     */
    public void join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : alive()) {
            if (thread == Thread.currentThread()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Duration.ofNanos(left));
            }
        }
        List<String> left = alive().stream()
                .filter(t -> t != Thread.currentThread())
                .map(t -> t.getName().isEmpty() ? "#" + t.threadId() : t.getName())
                .toList();
        if (!left.isEmpty()) {
            throw new IllegalStateException("model " + owner + ": " + left.size() + " threads still running "
                    + timeout + " after close (expected: none), e.g. " + left.subList(0, Math.min(3, left.size())));
        }
    }
}
