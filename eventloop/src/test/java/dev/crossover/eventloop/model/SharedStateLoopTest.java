package dev.crossover.eventloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Accounts;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.Ledger;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.RunResult;
import dev.crossover.core.SharedState;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The loop models on the {@code shared} workload: accounts confined to the loop thread, no lock, nothing lost. */
@Timeout(120)
class SharedStateLoopTest {
    private static final int TASKS = 20_000;

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "eventloop-offload", "netty"})
    void confinementKeepsTheTotalAndEndsInTheReferenceStateAtTwoAccountsAndAThousandInFlight(String id) {
        Workload w = Workload.builder(WorkloadKind.SHARED).tasks(TASKS).concurrency(1_000).cpuUnits(2).accounts(2).build();
        Accounts reference = new Accounts(2);
        for (int i = 0; i < TASKS; i++) {
            reference.apply(w.task(i));
        }
        try (ConcurrencyModel model = Models.create(id, ModelOptions.defaults())) {
            RunResult r = Driver.run(model, w);
            assertTrue(r.checksumMatchesReference(), r.verification().describe());
            Ledger l = ((SharedState) model).ledger();
            assertEquals(id.equals("eventloop-offload") ? "offload, loop-confined" : "loop-confined", l.mechanism());
            assertEquals(0, l.total());
            assertEquals(2L * TASKS, l.updates());
            assertEquals(reference.ledger("reference", true, -1, -1).stateHash(), l.stateHash());
            assertEquals(-1, l.contended(), "no lock, so no contention to count");
        }
    }

    @Test
    void aTransferOffTheLoopThreadIsRefused() {
        ConfinedAccounts accounts = new ConfinedAccounts(() -> false);
        accounts.reset(2);
        Workload w = Workload.builder(WorkloadKind.SHARED).tasks(1).concurrency(1).cpuUnits(1).accounts(2).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> accounts.apply(w.task(0)));
        assertEquals("thread: " + Thread.currentThread().getName()
                + " (expected: the loop thread, which alone owns the accounts)", e.getMessage());
        assertEquals(0, accounts.ledger("loop-confined").updates());
    }
}
