package dev.crossover.benchmarks.cli;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import dev.crossover.core.RunRecorder;
import dev.crossover.core.RunResult;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import java.util.concurrent.locks.LockSupport;

/**
 * A test-only model whose first run loses every tenth task, as a model whose worker crashes during
 * the warm-up pass would; its later runs are clean. It runs the tasks one at a time on the caller's
 * thread (each wait slept, then the computation), which keeps it deterministic. Listed for
 * {@link java.util.ServiceLoader} only by {@link ExtraModels}, so no other test sees it.
 */
final class WarmupFailsModel implements ConcurrencyModel {
    static final String ID = "test-warmup-fails";
    static final String CAUSE = "worker 1 exited with code 137";
    private int runs;
    private boolean closed;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RunResult run(Workload workload) {
        if (closed) {
            throw new IllegalStateException(ID + ": closed (expected: open)");
        }
        boolean first = runs++ == 0;
        RunRecorder books = new RunRecorder(workload);
        for (int i = 0; i < workload.tasks(); i++) {
            TaskSpec task = workload.task(i);
            long admitted = books.admit(task);
            if (first && i % 10 == 0) {
                books.fail(task, new IllegalStateException(CAUSE), admitted);
                continue;
            }
            try {
                for (int w = 0; w < task.waits(); w++) {
                    LockSupport.parkNanos(task.waitNanos(w));
                    if (task.waitFails(w)) {
                        throw task.waitFailure(w);
                    }
                }
                books.complete(task, task.compute(), admitted);
            } catch (RuntimeException e) {
                books.fail(task, e, admitted);
            }
        }
        return books.finish(ID);
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Makes {@link WarmupFailsModel}s. */
    public static final class Provider implements ModelProvider {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "a test model whose first run loses every tenth task";
        }

        @Override
        public ConcurrencyModel create(ModelOptions options) {
            return new WarmupFailsModel();
        }
    }
}
