package dev.crossover.core;

import java.util.concurrent.atomic.LongAdder;

/**
 * An order-independent checksum over task results: the sum, modulo 2<sup>64</sup>, of a hash of
 * each (index, result) pair. Any order of completion, on any thread, gives the same value.
 *
 * <h2>Threading</h2>
 * {@link #add} may be called from any number of threads at once.
 */
public final class Checksum {
    private final LongAdder sum = new LongAdder();

    /** Adds the result of task {@code index}. */
    public void add(int index, long result) {
        sum.add(term(index, result));
    }

    /** {@return what the result of task {@code index} adds to a checksum}: checksums are sums of these, modulo 2<sup>64</sup> */
    public static long term(int index, long result) {
        return Mix.mix64(result ^ (index * Mix.GOLDEN));
    }

    /** {@return the checksum of everything added so far} */
    public long value() {
        return sum.sum();
    }
}
