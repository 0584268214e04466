package dev.crossover.core;

import java.util.Objects;

/**
 * The state a model's shared accounts ended a trial in, and how the model guarded them.
 *
 * @param mechanism how the accounts were guarded: a lock kind ({@code synchronized}, {@code reentrant},
 *                  {@code stamped}, {@code striped}, {@code none}), {@code loop-confined}, {@code parent-owned}
 * @param guarded   whether anything guarded them ({@code false} only for {@code --lock none}: a demonstration)
 * @param accounts  K
 * @param total     the sum of every balance: 0 unless an update was lost
 * @param updates   the account writes that landed: two per transfer unless some were lost
 * @param stateHash a hash of every balance and update count, in account order: the same for the
 *                  same set of transfers under every model
 * @param contended acquisitions that found the guard taken (failed {@code tryLock}s), or -1 if the
 *                  mechanism does not expose them ({@code synchronized}, confinement)
 * @param waitNanos time spent waiting for a taken guard, or -1 if the mechanism does not expose it
 */
public record Ledger(String mechanism, boolean guarded, int accounts, long total, long updates, long stateHash,
                     long contended, long waitNanos) {
    public Ledger {
        Objects.requireNonNull(mechanism, "mechanism");
    }
}
