package dev.crossover.core;

/**
 * The K accounts of a {@code shared} workload: balances that start at 0, so their total is 0 and
 * stays 0 as long as no update is lost. A transfer reads both accounts and writes both; transfers
 * commute, so the final state depends only on which transfers ran, never on their order.
 *
 * <h2>Threading</h2>
 * Not thread-safe, on purpose: whoever owns the accounts guards them its own way (a lock, one
 * lock per account, a loop thread that alone touches them, a parent process). Without any guard
 * ({@code --lock none}) concurrent transfers lose updates, and {@link #ledger} counts them: each
 * account is one immutable {@link Account} (balance and update count together), replaced by one
 * plain write, so an overwritten write loses its amount and its count at once.
 *
 * <h2>Memory consistency</h2>
 * Plain reads and writes: the owner's guard orders them, and {@link #ledger} must be called when
 * no transfer is running (after the driver drained the trial, which happens-after every outcome).
 */
public final class Accounts {
    private static final Account EMPTY = new Account(0, 0);
    private final Account[] slots;

    /**
     * One account.
     *
     * @param balance its balance (may be negative)
     * @param updates how many transfers wrote it
     */
    public record Account(long balance, long updates) {
        Account plus(long amount) {
            return new Account(balance + amount, updates + 1);
        }
    }

    /** K accounts, every balance 0. @throws IllegalArgumentException if {@code k} is not 2 to 100,000 */
    public Accounts(int k) {
        Checks.argument(k >= Workload.MIN_ACCOUNTS && k <= Workload.MAX_ACCOUNTS, "accounts", k,
                Workload.MIN_ACCOUNTS + " to " + Workload.MAX_ACCOUNTS);
        slots = new Account[k];
        java.util.Arrays.fill(slots, EMPTY);
    }

    /** {@return how many accounts there are} */
    public int size() {
        return slots.length;
    }

    /** Applies {@code task}'s transfer: reads both accounts, then writes both. */
    public void apply(TaskSpec task) {
        transfer(task.from(), task.to(), task.amount());
    }

    /** Moves {@code amount} from account {@code from} to account {@code to}: reads both, then writes both. */
    public void transfer(int from, int to, long amount) {
        Account source = slots[from];
        Account target = slots[to];
        slots[from] = source.plus(-amount);
        slots[to] = target.plus(amount);
    }

    /** Takes {@code amount} from account {@code from} alone (one half of a transfer, under that account's own guard). */
    public void debit(int from, long amount) {
        slots[from] = slots[from].plus(-amount);
    }

    /** Gives {@code amount} to account {@code to} alone (the other half, under that account's own guard). */
    public void credit(int to, long amount) {
        slots[to] = slots[to].plus(amount);
    }

    /**
     * {@return the accounts' state now, with what the mechanism saw of contention}
     *
     * @param mechanism  how the accounts were guarded, as results name it
     * @param guarded    whether the mechanism guarded them at all ({@code false}: {@code --lock none})
     * @param contended  acquisitions that found the guard taken, or -1 where the mechanism does not expose it
     * @param waitNanos  time spent waiting for the guard, or -1 where the mechanism does not expose it
     */
    public Ledger ledger(String mechanism, boolean guarded, long contended, long waitNanos) {
        long total = 0;
        long updates = 0;
        long hash = slots.length;
        for (int i = 0; i < slots.length; i++) {
            Account a = slots[i];
            total += a.balance();
            updates += a.updates();
            hash = Mix.mix64(hash ^ Mix.mix64(a.balance() + i * Mix.GOLDEN)) + a.updates();
        }
        return new Ledger(mechanism, guarded, slots.length, total, updates, hash, contended, waitNanos);
    }
}
