package dev.crossover.core;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A small real model for testing the driver itself: waits are scheduled on a two-thread
 * {@link ScheduledThreadPoolExecutor}, CPU work runs on the thread the wait ended on. With
 * {@code reportTwice} it reports every outcome twice, the bug the driver must refuse.
 */
final class PoolModel implements ConcurrencyModel {
    private final ScheduledThreadPoolExecutor pool;
    private final Lifecycle lifecycle = new Lifecycle("pool");
    private final OwnedThreads owned = new OwnedThreads("pool");
    private final boolean reportTwice;

    PoolModel(boolean reportTwice) {
        this.reportTwice = reportTwice;
        this.pool = new ScheduledThreadPoolExecutor(2, owned.factory(Thread.ofPlatform().name("pool-", 0).factory()));
    }

    @Override
    public String id() {
        return "pool";
    }

    @Override
    public void accept(Workload workload) {
        Checks.argument(workload.kind() != WorkloadKind.FANOUT, "workload", workload.kind().id(), "no fanout");
    }

    @Override
    public void submit(TaskSpec task, Completion done) {
        lifecycle.checkOpen();
        pool.execute(() -> {
            done.began();
            if (task.waits() == 0) {
                finish(task, done);
                return;
            }
            long deadline = System.nanoTime() + task.waitNanos(0);
            pool.schedule(() -> {
                done.waitEnded(deadline);
                if (task.waitFails(0)) {
                    done.failed(task.waitFailure(0));
                } else {
                    finish(task, done);
                }
            }, task.waitNanos(0), TimeUnit.NANOSECONDS);
        });
    }

    private void finish(TaskSpec task, Completion done) {
        long result;
        try {
            result = task.compute();
        } catch (RuntimeException e) {
            done.failed(e);
            return;
        }
        done.completed(result);
        if (reportTwice) {
            done.completed(result);
        }
    }

    @Override
    public void close() {
        if (lifecycle.close()) {
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
                owned.join(java.time.Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
