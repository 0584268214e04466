package dev.crossover.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Accounts;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.Ledger;
import dev.crossover.core.LockKind;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.RunResult;
import dev.crossover.core.SharedState;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The thread models on the {@code shared} workload: every lock keeps the accounts whole; none is a demonstration. */
@Timeout(120)
class SharedStateThreadsTest {
    private static final List<String> MODELS = List.of(FixedPoolModel.ID, ThreadPerTaskModel.ID, ForkJoinModel.ID,
            VirtualThreadModel.ID);
    private static final int TASKS = 20_000;

    private static Workload shared(int accounts, int tasks, int concurrency) {
        return Workload.builder(WorkloadKind.SHARED).tasks(tasks).concurrency(concurrency).cpuUnits(2)
                .accounts(accounts).build();
    }

    /** {@return the reference's state hash: the transfers of tasks 0 .. n-1, one after another} */
    private static long reference(Workload w) {
        Accounts accounts = new Accounts(w.accounts());
        for (int i = 0; i < w.tasks(); i++) {
            accounts.apply(w.task(i));
        }
        return accounts.ledger("reference", true, -1, -1).stateHash();
    }

    static Stream<Arguments> modelsAndLocks() {
        List<Arguments> all = new ArrayList<>();
        for (String model : MODELS) {
            for (LockKind lock : LockKind.values()) {
                if (lock != LockKind.NONE) {
                    all.add(Arguments.of(model, lock));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelsAndLocks")
    void everyLockKeepsTheTotalAndEndsInTheReferenceStateAtTwoAccountsAndAThousandInFlight(String id, LockKind lock) {
        Workload w = shared(2, TASKS, 1_000);
        try (ConcurrencyModel model = Models.create(id, ModelOptions.defaults().withLock(lock))) {
            RunResult r = Driver.run(model, w);
            assertTrue(r.checksumMatchesReference(), r.verification().describe());
            Ledger l = ((SharedState) model).ledger();
            assertEquals(lock.id(), l.mechanism());
            assertTrue(l.guarded());
            assertEquals(0, l.total());
            assertEquals(2L * TASKS, l.updates(), "no update lost");
            assertEquals(reference(w), l.stateHash());
            assertEquals(lock == LockKind.SYNCHRONIZED, l.contended() == -1, "a monitor exposes no contention: " + l);
            assertTrue(l.contended() >= -1 && (l.contended() <= 0) == (l.waitNanos() <= 0), "waits only when contended: " + l);
        }
    }

    @Test
    void eachTrialStartsFromFreshAccounts() {
        Workload w = shared(100, 2_000, 50);
        try (ConcurrencyModel model = Models.create(FixedPoolModel.ID, ModelOptions.defaults().withLock(LockKind.STRIPED))) {
            Driver.run(model, w);
            long first = ((SharedState) model).ledger().stateHash();
            RunResult again = Driver.run(model, w);
            assertTrue(again.checksumMatchesReference(), again.verification().describe());
            assertEquals(first, ((SharedState) model).ledger().stateHash());
            assertEquals(4_000, ((SharedState) model).ledger().updates());
        }
    }

    @Test
    void stripedLocksTakenInAccountOrderCannotDeadlockOnOppositeTransfers() throws InterruptedException {
        // Half the threads move 0 -> 1, half 1 -> 0, all at once: taken in argument order, two of
        // them would each hold the lock the other waits for; in account order they never do.
        Workload w = shared(2, 1, 1);
        TaskSpec forth = null;
        TaskSpec back = null;
        for (int i = 0; forth == null || back == null; i++) {
            TaskSpec t = w.task(i);
            if (t.from() == 0 && forth == null) {
                forth = t;
            } else if (t.from() == 1 && back == null) {
                back = t;
            }
        }
        LockedAccounts accounts = LockedAccounts.of(LockKind.STRIPED, 2);
        int threads = 8;
        int rounds = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            TaskSpec mine = t % 2 == 0 ? forth : back;
            started.add(Thread.ofPlatform().name("striped-" + t).start(() -> {
                try {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        accounts.transfer(mine);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }));
        }
        start.countDown();
        boolean finished = done.await(60, TimeUnit.SECONDS);
        started.forEach(Thread::interrupt);
        assertTrue(finished, "every transfer finished (no deadlock)");
        Ledger l = accounts.ledger();
        assertEquals(0, l.total());
        assertEquals(2L * threads * rounds, l.updates());
        Accounts reference = new Accounts(2);
        for (int i = 0; i < threads / 2 * rounds; i++) {
            reference.apply(forth);
            reference.apply(back);
        }
        assertEquals(reference.ledger("r", true, -1, -1).stateHash(), l.stateHash(), "every transfer applied once");
    }

    @Test
    void withoutALockThreadsFixedReportsTheUpdatesItLostOverAHundredThousandTransfers() {
        int tasks = 100_000;
        Workload w = shared(2, tasks, 1_000);
        try (ConcurrencyModel model = Models.create(FixedPoolModel.ID, ModelOptions.defaults().withLock(LockKind.NONE))) {
            RunResult r = Driver.run(model, w);
            Ledger l = ((SharedState) model).ledger();
            long lost = 2L * tasks - l.updates();
            // A demonstration: it is not required to lose any in one run, and never fails the run for it.
            assertTrue(r.checksumMatchesReference(), r.verification().describe());
            assertEquals("none", l.mechanism());
            assertTrue(!l.guarded() && lost >= 0, "lost " + lost);
            assertEquals(lost > 0, r.verification().detail().contains("unguarded (a demonstration): lost " + lost
                    + " of " + 2L * tasks + " account updates"), r.verification().detail());
            assertTrue(l.total() == 0 || lost > 0, "a total off 0 is lost updates: " + l);
            assertEquals(lost == 0, l.stateHash() == reference(w), "the reference's state exactly when nothing was lost");
        }
    }
}
