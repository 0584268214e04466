package dev.crossover.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code shared} workload: transfers from the token, the accounts' invariant, and the driver's check of them. */
@Timeout(60)
class SharedStateTest {

    private static Workload shared(int accounts, int tasks, int concurrency) {
        return Workload.builder(WorkloadKind.SHARED).tasks(tasks).concurrency(concurrency).cpuUnits(3)
                .accounts(accounts).build();
    }

    @Test
    void eachTransferMovesBetweenTwoDistinctAccountsInRange() {
        for (int k : new int[] {2, 3, 100, 100_000}) {
            Workload w = shared(k, 1, 1);
            boolean[] seen = new boolean[k <= 100 ? Math.min(k, 3) : 0];  // with K = 100,000, 20,000 draws miss most
            for (int i = 0; i < 20_000; i++) {
                TaskSpec t = w.task(i);
                assertTrue(t.transfers());
                assertTrue(t.from() >= 0 && t.from() < k, "from " + t.from());
                assertTrue(t.to() >= 0 && t.to() < k, "to " + t.to());
                assertNotEquals(t.from(), t.to(), "task " + i);
                assertTrue(t.amount() >= 1 && t.amount() <= TaskSpec.MAX_AMOUNT, "amount " + t.amount());
                if (t.from() < seen.length) {
                    seen[t.from()] = true;
                }
            }
            for (boolean s : seen) {
                assertTrue(s, "every small account is drawn for K = " + k);
            }
        }
    }

    @Test
    void tasksOfOtherWorkloadsMakeNoTransfer() {
        assertFalse(Workload.builder(WorkloadKind.CPU).cpuUnits(1).build().task(0).transfers());
    }

    @Test
    void transfersCommuteSoTheFinalStateIsOrderIndependentAndTotalsZero() {
        Workload w = shared(7, 1, 1);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            order.add(i);
        }
        Accounts forward = new Accounts(7);
        order.forEach(i -> forward.apply(w.task(i)));
        Collections.shuffle(order, new Random(1));
        Accounts shuffled = new Accounts(7);
        order.forEach(i -> shuffled.apply(w.task(i)));
        Ledger a = forward.ledger("a", true, -1, -1);
        Ledger b = shuffled.ledger("b", true, -1, -1);
        assertEquals(0, a.total());
        assertEquals(10_000, a.updates());
        assertEquals(a.stateHash(), b.stateHash());
        Accounts fewer = new Accounts(7);
        order.subList(1, order.size()).forEach(i -> fewer.apply(w.task(i)));
        assertNotEquals(a.stateHash(), fewer.ledger("c", true, -1, -1).stateHash(), "one transfer less, another state");
    }

    @Test
    void rejectsAccountsOutsideTheirRangeNamingTheFlag() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> shared(1, 1, 1));
        assertEquals("accounts: 1 (expected: 2 to 100000)", low.getMessage());
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> shared(100_001, 1, 1));
        assertEquals("accounts: 100001 (expected: 2 to 100000)", high.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> Workload.builder(WorkloadKind.SLEEP).accounts(5).build());
        assertEquals("accounts: 5 (expected: 0 unless the workload is shared)", other.getMessage());
    }

    @Test
    void aGuardedModelPassesWithTheReferenceStateHash() {
        Workload w = shared(2, 20_000, 1_000);
        try (LedgerModel model = new LedgerModel(true, 0)) {
            RunResult r = Driver.run(model, w);
            assertTrue(r.checksumMatchesReference(), r.verification().describe());
            Ledger l = model.ledger();
            assertEquals(0, l.total());
            assertEquals(40_000, l.updates());
            assertTrue(r.verification().detail().contains("state hash " + Long.toHexString(l.stateHash())),
                    r.verification().detail());
        }
    }

    @Test
    void aGuardedModelThatLosesUpdatesFailsItsCheckSayingHowMany() {
        Workload w = shared(2, 1_000, 10);
        try (LedgerModel model = new LedgerModel(true, 10)) {
            RunResult r = Driver.run(model, w);
            assertFalse(r.verification().passed());
            assertTrue(r.verification().detail().contains("lost 100 of 2000 account updates (expected: none)"),
                    r.verification().detail());
        }
    }

    @Test
    void anUnguardedModelThatLosesUpdatesIsADemonstrationThatReportsThem() {
        Workload w = shared(2, 1_000, 10);
        try (LedgerModel model = new LedgerModel(false, 10)) {
            RunResult r = Driver.run(model, w);
            assertTrue(r.verification().passed(), r.verification().describe());
            assertTrue(r.verification().detail().contains("unguarded (a demonstration): lost 100 of 2000 account updates"),
                    r.verification().detail());
        }
    }

    @Test
    void aModelWithoutAccountsIsRejectedBeforeAnythingRuns() {
        try (PoolModel model = new PoolModel(false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Driver.run(model, shared(2, 10, 1)));
            assertEquals("workload: shared (expected: a workload model pool runs: it keeps no shared accounts)",
                    e.getMessage());
        }
    }

    /**
     * A small model with accounts: a pool of two threads applies each transfer under one monitor,
     * or with {@code guarded} false under none; with {@code dropEvery} n > 0 it leaves out the
     * second write of every n-th transfer (a lost update, made deterministic), for the failure paths.
     */
    private static final class LedgerModel implements ConcurrencyModel, SharedState {
        private final OwnedThreads owned = new OwnedThreads("ledger");
        private final ExecutorService pool = Executors.newFixedThreadPool(2, owned.factory(Thread.ofPlatform()
                .name("ledger-", 0).factory()));
        private final boolean guarded;
        private final int dropEvery;
        private Accounts accounts;

        LedgerModel(boolean guarded, int dropEvery) {
            this.guarded = guarded;
            this.dropEvery = dropEvery;
        }

        @Override
        public String id() {
            return "ledger";
        }

        @Override
        public void accept(Workload workload) {
            accounts = new Accounts(workload.accounts());
        }

        @Override
        public void submit(TaskSpec task, Completion done) {
            pool.execute(() -> {
                done.began();
                long result = task.compute();
                synchronized (this) {
                    if (dropEvery > 0 && task.index() % dropEvery == 0) {
                        accounts.debit(task.from(), task.amount());
                    } else {
                        accounts.apply(task);
                    }
                }
                done.completed(result);
            });
        }

        @Override
        public synchronized Ledger ledger() {
            return accounts.ledger(guarded ? "monitor" : "none", guarded, -1, -1);
        }

        @Override
        public void close() {
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
