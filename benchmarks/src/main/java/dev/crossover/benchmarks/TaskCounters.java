package dev.crossover.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The tasks a benchmark finished, reported by JMH beside the batch score as {@code secondaryMetrics}
 * named {@code completed} and {@code failed}, in tasks per second.
 *
 * <p>The field names are part of the contract with the {@code reports} module. JMH requires
 * {@code @AuxCounters} on a {@link Scope#Thread} state; every benchmark here runs one thread.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class TaskCounters {
    /** Tasks that completed in this iteration. */
    public long completed;
    /** Tasks that failed in this iteration. */
    public long failed;
    /** Open loop: arrivals refused at the cap in this iteration. */
    public long rejected;

    /** Starts each iteration from zero: JMH reads the fields per iteration. */
    @Setup(Level.Iteration)
    public void reset() {
        completed = 0;
        failed = 0;
        rejected = 0;
    }
}
