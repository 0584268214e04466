package dev.crossover.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Accounts;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.Ledger;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The processes models on the {@code shared} workload: the parent owns the accounts, workers only compute. */
@Timeout(120)
class SharedStateProcessesTest {
    private static final int TASKS = 20_000;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theParentKeepsTheTotalAndEndsInTheReferenceStateAtTwoAccountsAndAThousandInFlight(boolean eventLoop) {
        Workload w = Workload.builder(WorkloadKind.SHARED).tasks(TASKS).concurrency(1_000).cpuUnits(2).accounts(2).build();
        Accounts reference = new Accounts(2);
        for (int i = 0; i < TASKS; i++) {
            reference.apply(w.task(i));
        }
        ModelOptions options = ModelOptions.defaults().withWorkers(2);
        try (ProcessesModel model = eventLoop ? ProcessesModel.eventLoop(options) : ProcessesModel.serial(options)) {
            RunResult r = Driver.run(model, w);
            assertTrue(r.checksumMatchesReference(), r.verification().describe());
            Ledger l = model.ledger();
            assertEquals("parent-owned", l.mechanism());
            assertEquals(0, l.total());
            assertEquals(2L * TASKS, l.updates());
            assertEquals(reference.ledger("reference", true, -1, -1).stateHash(), l.stateHash());
            assertTrue(l.contended() >= 0 && l.waitNanos() >= 0, "the parent's lock exposes its contention: " + l);
        }
    }
}
