package dev.crossover.threads;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code threads-forkjoin}: a {@link ForkJoinPool} with one worker per core, the pool parallel
 * streams and {@code CompletableFuture.supplyAsync} run on (here a pool of its own, so the model
 * can be closed and its threads named).
 *
 * <h2>Threading</h2>
 * Tasks are submitted with {@link ForkJoinPool#execute(Runnable)} and sleep on the worker as a
 * blocking call inside a parallel stream does. No {@code ForkJoinPool.ManagedBlocker} wraps the
 * sleep: everyday parallel-stream and {@code supplyAsync} code does not use one, so the pool does
 * not add compensating threads and at most {@code cores} tasks wait at once. On waiting workloads
 * this model therefore loses, as it does in everyday use; that is the finding, not a bug.
 *
 * <h2>Fan-out</h2>
 * Not supported: {@code run} rejects a {@code fanout} workload. The everyday fork/join form
 * ({@code invokeAll}, {@code join}) cannot fail fast on blocking waits, because
 * {@link java.util.concurrent.ForkJoinTask#cancel} does not interrupt a running task, and joined
 * sleeps on {@code cores} workers run mostly one after another.
 */
public final class ForkJoinModel extends ThreadModel {
    /** The model's id. */
    public static final String ID = "threads-forkjoin";

    private final ForkJoinPool pool;

    ForkJoinModel(int parallelism) {
        super(ID);
        AtomicInteger workers = new AtomicInteger();
        this.pool = new ForkJoinPool(parallelism, p -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            worker.setName("crossover-" + ID + "-" + workers.getAndIncrement());
            return worker;
        }, null, false);
    }

    @Override
    Executor executor() {
        return pool;
    }

    @Override
    Optional<ThreadFactory> subWaitThreads() {
        return Optional.empty();
    }

    @Override
    void shutdown() {
        shutdownAndAwait(pool, ID);
    }

    /** {@return the pool's target number of workers} */
    int parallelism() {
        return pool.getParallelism();
    }

    /** Makes {@code threads-forkjoin} models; found by {@link java.util.ServiceLoader}. */
    public static final class Provider implements ModelProvider {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "ForkJoinPool with parallelism = cores, like parallel streams";
        }

        @Override
        public String defaults(ModelOptions options) {
            return "parallelism=" + cores();
        }

        @Override
        public ConcurrencyModel create(ModelOptions options) {
            return new ForkJoinModel(cores());
        }

        private static int cores() {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
