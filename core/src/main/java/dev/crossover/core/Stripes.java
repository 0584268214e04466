package dev.crossover.core;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A latency recorder striped by thread, so the threads of a multi-threaded model do not write
 * one shared histogram: each records into the stripe its thread id picks, and a reader merges
 * the stripes' interval histograms.
 *
 * <p>Why not one recorder: a shared {@link Recorder} costs every recording thread two atomic
 * increments and an atomic add on cache lines all threads share, free on a loop thread and a tax
 * on the multi-threaded models only. With {@code 4 × cores} stripes two threads rarely share one;
 * a loop model records on one stripe.
 *
 * <h2>Threading</h2>
 * {@link #record} from any thread; {@link #interval()} from one reader at a time.
 */
final class Stripes {
    private final Recorder[] stripes;
    private final int mask;

    Stripes() {
        int n = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors() * 4) - 1) << 1;
        stripes = new Recorder[n];
        mask = n - 1;
        Arrays.setAll(stripes, i -> new Recorder(3));
    }

    void record(long nanos) {
        long id = Thread.currentThread().threadId();
        stripes[(int) (Mix.mix64(id) & mask)].recordValue(Math.max(0, nanos));
    }

    /** {@return everything recorded since the last call, merged}; resets the stripes */
    Histogram interval() {
        Histogram merged = new Histogram(3);
        for (Recorder stripe : stripes) {
            merged.add(stripe.getIntervalHistogram());
        }
        return merged;
    }
}
