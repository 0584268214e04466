package dev.crossover.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings a model may read when it is created; each model documents which it uses.
 *
 * @param threads     platform threads of a fixed pool ({@code --threads})
 * @param workers     worker processes ({@code --workers})
 * @param offloadThreads threads that take CPU work off an event loop
 * @param taskTimeout how long a task may run before its worker is presumed hung
 * @param lock        how thread models guard the {@code shared} workload's accounts ({@code --lock})
 * @param io          where real I/O goes (the delay server, the file directory)
 */
public record ModelOptions(int threads, int workers, int offloadThreads, Duration taskTimeout, LockKind lock, IoOptions io) {
    /** The fixed pool's size when none is given: a servlet container's usual default. */
    public static final int DEFAULT_THREADS = 200;

    /** Options with the default lock ({@link LockKind#SYNCHRONIZED}) and no real I/O settings ({@link IoOptions#none()}). */
    public ModelOptions(int threads, int workers, int offloadThreads, Duration taskTimeout) {
        this(threads, workers, offloadThreads, taskTimeout, LockKind.SYNCHRONIZED, IoOptions.none());
    }

    public ModelOptions {
        Objects.requireNonNull(lock, "lock");
        Checks.positive("threads", threads);
        Checks.positive("workers", workers);
        Checks.positive("offload-threads", offloadThreads);
        Objects.requireNonNull(taskTimeout, "taskTimeout");
        Checks.argument(!taskTimeout.isNegative() && !taskTimeout.isZero(), "task-timeout", taskTimeout, "> 0");
        Objects.requireNonNull(io, "io");
    }

    public ModelOptions withIo(IoOptions io) {
        return new ModelOptions(threads, workers, offloadThreads, taskTimeout, lock, io);
    }

    /** {@return the defaults: 200 threads, a worker and an offload thread per core, a 60 s task timeout} */
    public static ModelOptions defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ModelOptions(DEFAULT_THREADS, cores, cores, Duration.ofSeconds(60));
    }

    public ModelOptions withLock(LockKind lock) {
        return new ModelOptions(threads, workers, offloadThreads, taskTimeout, lock, io);
    }

    public ModelOptions withThreads(int threads) {
        return new ModelOptions(threads, workers, offloadThreads, taskTimeout, lock, io);
    }

    public ModelOptions withWorkers(int workers) {
        return new ModelOptions(threads, workers, offloadThreads, taskTimeout, lock, io);
    }

    public ModelOptions withOffloadThreads(int offloadThreads) {
        return new ModelOptions(threads, workers, offloadThreads, taskTimeout, lock, io);
    }

    public ModelOptions withTaskTimeout(Duration taskTimeout) {
        return new ModelOptions(threads, workers, offloadThreads, taskTimeout, lock, io);
    }
}
