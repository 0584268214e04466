package dev.crossover.eventloop.model;

import dev.crossover.core.Accounts;
import dev.crossover.core.Ledger;
import dev.crossover.core.TaskSpec;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A loop model's shared accounts, confined to its loop thread: the loop alone reads and writes
 * them, so a transfer needs no lock (asyncio's idiom: shared state is safe between awaits). Each
 * task's transfer is applied on the loop just before its outcome is reported, also when the offload
 * pool computed its result ({@code eventloop-offload}: compute on the pool, update on the loop).
 *
 * <h2>Threading</h2>
 * {@link #apply} must be called on the loop thread, and throws {@link IllegalStateException}
 * elsewhere. {@link #reset} and {@link #ledger} are called by the driver's thread between trials,
 * with no task in flight: the volatile reference publishes fresh accounts to the loop, and each
 * task's outcome (reported on the loop after its transfer) happens-before the driver's drain.
 */
public final class ConfinedAccounts {
    private final BooleanSupplier inLoop;
    private volatile Accounts accounts;

    /** Accounts confined to the thread for which {@code inLoop} is true. */
    public ConfinedAccounts(BooleanSupplier inLoop) {
        this.inLoop = Objects.requireNonNull(inLoop, "inLoop");
    }

    /** Replaces the accounts with {@code k} fresh ones, every balance 0; before a trial submits anything. */
    public void reset(int k) {
        accounts = new Accounts(k);
    }

    /** Applies {@code task}'s transfer. @throws IllegalStateException off the loop thread, or before {@link #reset} */
    void apply(TaskSpec task) {
        if (!inLoop.getAsBoolean()) {
            throw new IllegalStateException("thread: " + Thread.currentThread().getName()
                    + " (expected: the loop thread, which alone owns the accounts)");
        }
        accounts().apply(task);
    }

    /** {@return the accounts' state}, named {@code mechanism}; confinement has no lock, so no contention to count (-1) */
    public Ledger ledger(String mechanism) {
        return accounts().ledger(mechanism, true, -1, -1);
    }

    private Accounts accounts() {
        Accounts a = accounts;
        if (a == null) {
            throw new IllegalStateException("accounts: none (expected: a shared workload accepted)");
        }
        return a;
    }
}
