package dev.crossover.core;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The driver's books, striped by thread, so the threads of a multi-threaded model do not write
 * shared cache lines: each thread records into the stripe its thread id picks, under that
 * stripe's monitor, and a reader sums the stripes.
 *
 * <p>Why a monitor per stripe rather than HdrHistogram's {@code Recorder}: a {@code Recorder} costs
 * every value two atomic increments (its phaser) and an atomic add (its concurrent histogram), on
 * lines every writer shares; a task books three or four values and two counters, which made a
 * dozen shared atomic operations per task: free of contention on a loop thread, yet a tax that
 * grows with the rate. An uncontended monitor is one compare-and-swap per task, on a line that
 * only one thread usually writes: with {@code 4 × cores} stripes two threads rarely share one.
 *
 * <h2>Threading</h2>
 * Recording from any thread; {@link #take()} and the sums from one reader at a time.
 */
final class Stripes {
    private final Stripe[] stripes;
    private final int mask;

    Stripes() {
        int n = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors() * 4) - 1) << 1;
        stripes = new Stripe[n];
        mask = n - 1;
        Arrays.setAll(stripes, i -> new Stripe());
    }

    /** {@return the calling thread's stripe} */
    Stripe mine() {
        return stripes[(int) (Mix.mix64(Thread.currentThread().threadId()) & mask)];
    }

    /** {@return the stripes' completed tasks, summed} */
    long completed() {
        return sum(s -> s.completed);
    }

    /** {@return the stripes' failed tasks, summed} */
    long failed() {
        return sum(s -> s.failed);
    }

    /** {@return the checksum of every completed task}: the stripes' sums of {@link Checksum#term}s, summed (mod 2<sup>64</sup>) */
    long checksum() {
        return sum(s -> s.checksum);
    }

    private long sum(java.util.function.ToLongFunction<Stripe> field) {
        long sum = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                sum += field.applyAsLong(s);
            }
        }
        return sum;
    }

    /** {@return the histograms recorded since the last call, merged}; resets the stripes' histograms */
    Histograms take() {
        Histograms merged = new Histograms(new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3),
                new Histogram(3));
        for (Stripe s : stripes) {
            synchronized (s) {
                merged.latency().add(s.latency);
                merged.service().add(s.service);
                merged.lateness().add(s.lateness);
                merged.lag().add(s.lag);
                merged.failures().add(s.failures);
                s.latency.reset();
                s.service.reset();
                s.lateness.reset();
                s.lag.reset();
                s.failures.reset();
            }
        }
        return merged;
    }

    /** One stripe: plain counters and histograms, guarded by the stripe's own monitor. */
    static final class Stripe {
        long completed;
        long failed;
        long checksum;
        final Histogram latency = new Histogram(3);
        final Histogram service = new Histogram(3);
        final Histogram lateness = new Histogram(3);
        final Histogram lag = new Histogram(3);
        final Histogram failures = new Histogram(3);
    }
}
