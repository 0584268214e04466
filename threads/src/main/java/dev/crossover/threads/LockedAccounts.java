package dev.crossover.threads;

import dev.crossover.core.Accounts;
import dev.crossover.core.Ledger;
import dev.crossover.core.LockKind;
import dev.crossover.core.TaskSpec;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * A thread model's shared accounts behind the lock {@code --lock} names: the idiom of threads that
 * share data, as seed 000 advises them.
 *
 * <h2>Contention</h2>
 * The {@code java.util.concurrent} locks are first tried without waiting; a failed try is counted
 * as a contended acquisition, and the time until the lock is then taken as wait time (only on that
 * slow path, so an uncontended transfer reads no clock). A monitor ({@code synchronized}) exposes
 * neither, and reports -1.
 *
 * <h2>Threading</h2>
 * {@link #transfer} may be called from any number of threads at once; {@link #ledger} only when
 * none is running (the driver has drained the trial).
 */
abstract sealed class LockedAccounts {
    final Accounts accounts;
    final LongAdder contended = new LongAdder();
    final LongAdder waitNanos = new LongAdder();

    private LockedAccounts(int k) {
        this.accounts = new Accounts(k);
    }

    /** {@return K fresh accounts guarded by {@code lock}} */
    static LockedAccounts of(LockKind lock, int k) {
        return switch (lock) {
            case SYNCHRONIZED -> new Monitor(k);
            case REENTRANT -> new Reentrant(k);
            case STAMPED -> new Stamped(k);
            case STRIPED -> new Striped(k);
            case NONE -> new Unguarded(k);
        };
    }

    /** Applies {@code task}'s transfer under the lock. */
    abstract void transfer(TaskSpec task);

    /** {@return the lock's id} */
    abstract LockKind kind();

    /** {@return the accounts' state and the contention seen} */
    Ledger ledger() {
        boolean exposed = kind() != LockKind.SYNCHRONIZED && kind() != LockKind.NONE;
        return accounts.ledger(kind().id(), kind() != LockKind.NONE, exposed ? contended.sum() : -1,
                exposed ? waitNanos.sum() : -1);
    }

    /** Takes {@code lock}, counting a failed try and the wait that follows it. */
    final void acquire(ReentrantLock lock) {
        if (!lock.tryLock()) {
            long start = System.nanoTime();
            lock.lock();
            contended.increment();
            waitNanos.add(System.nanoTime() - start);
        }
    }

    private static final class Monitor extends LockedAccounts {
        private final Object monitor = new Object();

        Monitor(int k) {
            super(k);
        }

        @Override
        void transfer(TaskSpec task) {
            synchronized (monitor) {
                accounts.apply(task);
            }
        }

        @Override
        LockKind kind() {
            return LockKind.SYNCHRONIZED;
        }
    }

    private static final class Reentrant extends LockedAccounts {
        private final ReentrantLock lock = new ReentrantLock();

        Reentrant(int k) {
            super(k);
        }

        @Override
        void transfer(TaskSpec task) {
            acquire(lock);
            try {
                accounts.apply(task);
            } finally {
                lock.unlock();
            }
        }

        @Override
        LockKind kind() {
            return LockKind.REENTRANT;
        }
    }

    private static final class Stamped extends LockedAccounts {
        private final StampedLock lock = new StampedLock();

        Stamped(int k) {
            super(k);
        }

        @Override
        void transfer(TaskSpec task) {
            long stamp = lock.tryWriteLock();
            if (stamp == 0) {
                long start = System.nanoTime();
                stamp = lock.writeLock();
                contended.increment();
                waitNanos.add(System.nanoTime() - start);
            }
            try {
                accounts.apply(task);
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        @Override
        LockKind kind() {
            return LockKind.STAMPED;
        }
    }

    /**
     * One lock per account. A transfer takes both of its accounts' locks, the lower account first:
     * with one global order no two transfers each hold the lock the other waits for, so they cannot
     * deadlock (a transfer from 1 to 2 and one from 2 to 1 both start with account 1).
     */
    private static final class Striped extends LockedAccounts {
        private final ReentrantLock[] locks;

        Striped(int k) {
            super(k);
            locks = new ReentrantLock[k];
            for (int i = 0; i < k; i++) {
                locks[i] = new ReentrantLock();
            }
        }

        @Override
        void transfer(TaskSpec task) {
            int from = task.from();
            int to = task.to();
            ReentrantLock first = locks[Math.min(from, to)];
            ReentrantLock second = locks[Math.max(from, to)];
            acquire(first);
            try {
                acquire(second);
                try {
                    accounts.apply(task);
                } finally {
                    second.unlock();
                }
            } finally {
                first.unlock();
            }
        }

        @Override
        LockKind kind() {
            return LockKind.STRIPED;
        }
    }

    /** No lock: concurrent transfers overwrite each other's writes, and the ledger shows what was lost. */
    private static final class Unguarded extends LockedAccounts {
        Unguarded(int k) {
            super(k);
        }

        @Override
        void transfer(TaskSpec task) {
            accounts.apply(task);
        }

        @Override
        LockKind kind() {
            return LockKind.NONE;
        }
    }
}
