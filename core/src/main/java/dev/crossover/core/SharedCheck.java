package dev.crossover.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code shared} workload's end-of-trial check: the model's accounts against the reference,
 * the same transfers applied one after another here, for exactly the tasks that completed.
 *
 * <p>It holds when the total is still 0, no account write was lost (two per completed transfer)
 * and the state hash is the reference's, so every model that ran the same tasks reports the same
 * hash. For an unguarded model ({@code --lock none}) the check is a demonstration: it reports what
 * was lost and does not fail the trial.
 */
final class SharedCheck {
    private SharedCheck() {
    }

    /** @throws IllegalArgumentException if the workload is {@code shared} and the model keeps no accounts */
    static void accept(ConcurrencyModel model, Workload workload) {
        Checks.argument(workload.kind() != WorkloadKind.SHARED || model instanceof SharedState, "workload",
                workload.kind().id(), "a workload model " + model.id() + " runs: it keeps no shared accounts");
    }

    /** {@return {@code checked}, with the shared-state check folded in when the workload is {@code shared}} */
    static Verification fold(ConcurrencyModel model, Workload workload, ClosedLoop.Indices ran, Verification checked) {
        if (workload.kind() != WorkloadKind.SHARED || !(model instanceof SharedState owner)) {
            return checked;
        }
        Ledger ledger = owner.ledger();
        Accounts reference = new Accounts(workload.accounts());
        long[] transfers = {0};
        ran.forEach(index -> {
            TaskSpec spec = workload.task(index);
            if (!spec.injectsFailure()) {
                reference.apply(spec);
                transfers[0]++;
            }
        });
        Ledger expected = reference.ledger("reference", true, 0, 0);
        List<String> wrong = new ArrayList<>();
        long lost = expected.updates() - ledger.updates();
        if (lost != 0) {
            wrong.add("lost " + lost + " of " + expected.updates() + " account updates (expected: none)");
        }
        if (ledger.total() != 0) {
            wrong.add("total " + ledger.total() + " (expected: 0)");
        }
        if (ledger.stateHash() != expected.stateHash()) {
            wrong.add("state hash " + Long.toHexString(ledger.stateHash()) + " (expected: "
                    + Long.toHexString(expected.stateHash()) + ", the reference's over " + transfers[0] + " transfers)");
        }
        String shared = "shared: " + ledger.mechanism() + ", " + transfers[0] + " transfers, state hash "
                + Long.toHexString(ledger.stateHash());
        if (wrong.isEmpty()) {
            return new Verification(checked.method(), checked.checked(), checked.passed(),
                    checked.passed() ? checked.detail() + "; " + shared : checked.detail(), checked.violations());
        }
        if (!ledger.guarded()) {
            // --lock none: a demonstration of what a missing lock loses, reported and not judged
            return new Verification(checked.method(), checked.checked(), checked.passed(), checked.detail() + "; "
                    + shared + "; unguarded (a demonstration): " + String.join(", ", wrong), checked.violations());
        }
        return new Verification(checked.method(), checked.checked(), false,
                (checked.passed() ? "" : checked.detail() + "; ") + shared + ": " + String.join(", ", wrong),
                checked.violations());
    }
}
