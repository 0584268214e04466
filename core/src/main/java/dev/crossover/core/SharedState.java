package dev.crossover.core;

/**
 * A model that runs the {@code shared} workload: it owns the workload's accounts and applies each
 * task's transfer with its own mechanism, after the task's computation and before its outcome.
 * {@link ConcurrencyModel#accept} gives it fresh accounts (K of them, every balance 0) for each trial.
 *
 * <h2>Threading</h2>
 * {@link #ledger()} is called by the driver once a trial has drained (no task in flight); the
 * model's outcomes happen-before it.
 */
public interface SharedState {

    /** {@return the accounts as the last trial left them, and the mechanism that guarded them} */
    Ledger ledger();
}
