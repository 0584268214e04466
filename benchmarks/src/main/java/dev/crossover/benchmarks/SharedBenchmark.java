package dev.crossover.benchmarks;

import dev.crossover.core.ClosedLoop;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Ledger;
import dev.crossover.core.LockKind;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.SharedState;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Shared state: each task computes {@code cpuMicros}, then moves an amount between two of
 * {@code accounts} shared accounts, at most {@code concurrency} at once.
 *
 * <h2>What it measures</h2>
 * Tasks per second ({@code completed} in JMH's secondary metrics) when every task ends with an
 * update of shared data, each model in its own idiom: the thread models under the lock the
 * {@code lock} param names ({@code synchronized}, {@code reentrant}, {@code stamped}, or
 * {@code striped}: one lock per account, taken in account order), the loops by confinement (the
 * loop thread owns the accounts; {@code eventloop-offload} computes on its pool and updates on the
 * loop), the processes models by the parent, which applies each transfer when the worker's reply
 * comes back. {@code accounts} sets the contention: K = 2 is every task on the same two accounts.
 * The {@code lock} param reaches only the thread models; the others ignore it.
 *
 * <h2>What to expect</h2>
 * Seed 000 says threads suit shared data with light CPU. With a short update, a lock held for a
 * few tens of nanoseconds should cost threads little even at K = 2, a loop pays no lock but runs
 * every task's CPU on one thread ({@code eventloop}) or hands it back and forth
 * ({@code eventloop-offload}), and processes pay a pipe round trip per task.
 *
 * <h2>The check</h2>
 * Besides the driver's usual check, the trial's accounts must still total 0, have lost no update
 * and end in the reference's state hash for exactly the tasks that ran; otherwise the benchmark
 * fails. {@code -p lock=none} is a demonstration: its lost updates are printed when the trial ends,
 * its numbers are not a result to compare (reports should leave points with {@code lock=none} out
 * of every winner map).
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar SharedBenchmark -p model=threads-fixed,eventloop -p accounts=2,10000 \
 *     -p lock=synchronized,striped
 * }
 * The {@code model} and {@code concurrency} params are {@link WorkloadBenchmark}'s.
 */
@State(Scope.Benchmark)
public class SharedBenchmark extends WorkloadBenchmark {
    @Param("0")
    public int ioMillis;

    @Param("10")
    public int cpuMicros;

    @Param("100")
    public int accounts;

    @Param("synchronized")
    public String lock;

    @Override
    protected Workload.Builder workload() {
        return builder(WorkloadKind.SHARED, ioMillis, cpuMicros).accounts(accounts);
    }

    @Override
    protected ModelOptions options() {
        return ModelOptions.defaults().withLock(LockKind.byId(lock));
    }

    /** Prints the trial's accounts: the mechanism, what was lost (a {@code lock=none} demonstration) and the contention. */
    @Override
    protected void drained(ConcurrencyModel model, ClosedLoop.Drained drained) {
        if (model instanceof SharedState owner) {
            Ledger l = owner.ledger();
            System.out.println(String.format(Locale.ROOT, "crossover: shared: %s: %s, %d accounts, total %d, "
                            + "%d of %d account writes lost, contended %s, lock wait %s%s", model.id(),
                    l.mechanism(), l.accounts(), l.total(), 2 * drained.totals().completed() - l.updates(),
                    2 * drained.totals().completed(), l.contended() < 0 ? "n/a" : Long.toString(l.contended()),
                    l.waitNanos() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", l.waitNanos() / 1e6),
                    l.guarded() ? "" : " (unguarded: a demonstration)"));
        }
    }

    /** One slice of the running load: sleeps, then counts what finished (see {@link WorkloadBenchmark}). */
    @Benchmark
    public long run(TaskCounters counters) {
        return slice(counters);
    }
}
