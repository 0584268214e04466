package dev.crossover.threads;

import dev.crossover.core.ModelOptions;
import dev.crossover.core.OwnedThreads;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code threads-fixed}: a platform {@link ThreadPoolExecutor} of {@link ModelOptions#threads()}
 * threads (default 200) and an unbounded queue, as {@code Executors.newFixedThreadPool} makes it;
 * it stands for a servlet container's request pool.
 *
 * <h2>Threading</h2>
 * The pool and all its threads are started when the model is created, so a run measures the run
 * alone. At most {@code threads} tasks run at once; admitted tasks beyond that wait in the queue
 * (they count as in flight, as a request queued in a servlet container does).
 *
 * <h2>Fan-out</h2>
 * Not supported: {@code run} rejects a {@code fanout} workload. Gathering sub-waits on the same
 * bounded pool is the classic thread-starvation deadlock (once every pool thread is a task waiting
 * for its sub-waits, the sub-waits queue behind them forever), and giving each sub-wait a thread
 * of its own, or a second pool, would no longer measure a fixed pool but {@code threads-per-task}
 * or a second pool with a size of its own.
 */
public final class FixedPoolModel extends ThreadModel {
    /** The model's id. */
    public static final String ID = "threads-fixed";

    private final ThreadPoolExecutor pool;

    FixedPoolModel(int threads) {
        this(threads, new OwnedThreads(ID));
    }

    private FixedPoolModel(int threads, OwnedThreads owned) {
        this(owned, new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                platformThreads(ID, owned)));
    }

    private FixedPoolModel(OwnedThreads owned, ThreadPoolExecutor pool) {
        super(ID, owned, pool, Optional.empty());
        this.pool = pool;
        pool.prestartAllCoreThreads();
    }

    /** {@return the most threads the pool has had at once}: no more tasks than that ever ran at once */
    int largestPoolSize() {
        return pool.getLargestPoolSize();
    }

    /** Makes {@code threads-fixed} models of {@code --threads} threads; found by {@link java.util.ServiceLoader}. */
    public static final class Provider extends ThreadModelProvider {
        public Provider() {
            super(ID, "platform thread pool of fixed size, like a servlet container's",
                    options -> new FixedPoolModel(options.threads()));
        }

        @Override
        public String defaults(ModelOptions options) {
            return "threads=" + options.threads();
        }

        @Override
        public int parallelism(ModelOptions options) {
            return options.threads();
        }
    }
}
