package dev.crossover.processes;

import dev.crossover.core.Accounts;
import dev.crossover.core.Completion;
import dev.crossover.core.Ledger;
import dev.crossover.core.TaskSpec;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code shared} workload's accounts of a processes model, owned by the parent: a worker only
 * computes; each transfer travels as the task's round trip (the task's frame out to the worker, its
 * reply back) and the parent applies it when the reply arrives, before it reports the outcome, as
 * a {@code multiprocessing.Manager} holds shared state for its pool. Workers hold no state, so
 * there are no cross-worker transfers to route.
 *
 * <h2>Threading</h2>
 * Replies arrive on one reader thread per worker, so the parent guards its accounts with one lock;
 * a failed {@code tryLock} counts as contention, and the wait after it as wait time.
 * {@link #reset} and {@link #ledger} are called between trials, with no task in flight.
 */
final class ParentAccounts {
    private final ReentrantLock lock = new ReentrantLock();
    private final LongAdder contended = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private volatile Accounts accounts;

    /** Replaces the accounts with {@code k} fresh ones and clears the contention counts. */
    void reset(int k) {
        accounts = new Accounts(k);
        contended.reset();
        waitNanos.reset();
    }

    /** {@return {@code done}, which applies {@code task}'s transfer here before it hears that the task completed} */
    Completion applyingTransfer(TaskSpec task, Completion done) {
        Objects.requireNonNull(done, "done");
        Accounts target = accounts;
        if (target == null) {
            throw new IllegalStateException("accounts: none (expected: a shared workload accepted)");
        }
        return new Completion() {
            @Override
            public void began() {
                done.began();
            }

            @Override
            public void waitEnded(long deadlineNanos) {
                done.waitEnded(deadlineNanos);
            }

            @Override
            public void completed(long result) {
                if (!lock.tryLock()) {
                    long start = System.nanoTime();
                    lock.lock();
                    contended.increment();
                    waitNanos.add(System.nanoTime() - start);
                }
                try {
                    target.apply(task);
                } finally {
                    lock.unlock();
                }
                done.completed(result);
            }

            @Override
            public void failed(Throwable cause) {
                done.failed(cause);
            }
        };
    }

    /** {@return the accounts' state, with the parent lock's contention} */
    Ledger ledger() {
        Accounts a = accounts;
        if (a == null) {
            throw new IllegalStateException("accounts: none (expected: a shared workload accepted)");
        }
        lock.lock();  // publishes the reader threads' last writes to this thread
        try {
            return a.ledger("parent-owned", true, contended.sum(), waitNanos.sum());
        } finally {
            lock.unlock();
        }
    }
}
