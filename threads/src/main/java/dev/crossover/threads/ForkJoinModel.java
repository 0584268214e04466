package dev.crossover.threads;

import dev.crossover.core.ModelOptions;
import dev.crossover.core.OwnedThreads;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code threads-forkjoin}: a {@link ForkJoinPool} with one worker per core, the kind of pool
 * parallel streams and {@code CompletableFuture.supplyAsync} run on (here a pool of its own, so
 * the model can be closed and its workers named).
 *
 * <h2>Threading</h2>
 * Tasks are submitted with {@link ForkJoinPool#execute(Runnable)} and sleep on the worker, as a
 * blocking call inside a parallel stream does. No {@code ForkJoinPool.ManagedBlocker} wraps the
 * sleep: everyday parallel-stream and {@code supplyAsync} code does not use one, so the pool adds
 * no compensating threads and at most {@code cores} tasks wait at once. On waiting workloads this
 * model therefore loses, as it does in everyday use; that is the finding, not a bug.
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
        this(parallelism, new OwnedThreads(ID));
    }

    private ForkJoinModel(int parallelism, OwnedThreads owned) {
        this(owned, new ForkJoinPool(parallelism, owned.forkJoinFactory(namedWorkers()), null, false));
    }

    private ForkJoinModel(OwnedThreads owned, ForkJoinPool pool) {
        super(ID, owned, pool, Optional.empty());
        this.pool = pool;
    }

    /** {@return the pool's target number of workers} */
    int parallelism() {
        return pool.getParallelism();
    }

    private static ForkJoinPool.ForkJoinWorkerThreadFactory namedWorkers() {
        AtomicInteger next = new AtomicInteger();
        return pool -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName("crossover-" + ID + "-" + next.getAndIncrement());
            return worker;
        };
    }

    /** Makes {@code threads-forkjoin} models with one worker per core; found by {@link java.util.ServiceLoader}. */
    public static final class Provider extends ThreadModelProvider {
        public Provider() {
            super(ID, "ForkJoinPool with parallelism = cores, like parallel streams",
                    options -> new ForkJoinModel(Runtime.getRuntime().availableProcessors()));
        }

        @Override
        public String defaults(ModelOptions options) {
            return "parallelism=" + Runtime.getRuntime().availableProcessors();
        }

        @Override
        public int parallelism(ModelOptions options) {
            return Runtime.getRuntime().availableProcessors();  // no ManagedBlocker: a sleeping worker is taken
        }
    }
}
