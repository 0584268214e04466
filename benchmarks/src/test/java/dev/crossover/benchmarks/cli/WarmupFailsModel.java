package dev.crossover.benchmarks.cli;

import dev.crossover.core.Completion;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import dev.crossover.core.TaskSpec;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A test-only model that loses every tenth of the first {@value #EARLY} tasks submitted to it, as a model whose worker
 * crashes while it warms up would; every later task is clean. It runs its tasks one at a time on
 * one thread of its own (each wait slept, then the computation), which keeps it deterministic.
 * Listed for {@link java.util.ServiceLoader} only by {@link ExtraModels}, so no other test sees it.
 */
final class WarmupFailsModel implements ConcurrencyModel {
    static final String ID = "test-warmup-fails";
    static final String CAUSE = "worker 1 exited with code 137";
    /** How many of the first submitted tasks are subject to the early failures. */
    static final int EARLY = 100;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private int submitted;
    private volatile boolean closed;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void submit(TaskSpec task, Completion done) {
        if (closed) {
            throw new IllegalStateException(ID + ": closed (expected: submit before close)");
        }
        int n;
        synchronized (this) {
            n = submitted++;
        }
        boolean lost = n < EARLY && n % 10 == 0;  // every tenth of the first EARLY submissions: exactly 10
        thread.execute(() -> {
            done.began();
            if (lost) {
                done.failed(new IllegalStateException(CAUSE));
                return;
            }
            long result;
            try {
                for (int w = 0; w < task.waits(); w++) {
                    long deadline = System.nanoTime() + task.waitNanos(w);
                    LockSupport.parkNanos(task.waitNanos(w));
                    done.waitEnded(deadline);
                    if (task.waitFails(w)) {
                        throw task.waitFailure(w);
                    }
                }
                result = task.compute();
            } catch (RuntimeException e) {
                done.failed(e);
                return;
            }
            done.completed(result);
        });
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes {@link WarmupFailsModel}s. */
    public static final class Provider implements ModelProvider {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "a test model whose first " + EARLY + " tasks lose every tenth";
        }

        @Override
        public ConcurrencyModel create(ModelOptions options) {
            return new WarmupFailsModel();
        }
    }
}
