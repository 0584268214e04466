package dev.crossover.core;

import java.time.Duration;
import java.util.Arrays;

/**
 * The deterministic CPU kernel: {@code units} rounds of xorshift-multiply over a 64-bit state.
 *
 * <p>The result depends on every round, so no compiler can skip the work, and it is the same on
 * every JVM and in every model for the same seed and units: it is what the run's checksum proves.
 * One unit is {@value #ROUNDS_PER_UNIT} rounds, about a tenth of a microsecond on a current core;
 * {@link #calibrate()} measures what it is here.
 *
 * <h2>Threading</h2>
 * Stateless; every method may be called from any thread.
 */
public final class Kernel {
    /** Rounds of the mixing step in one unit of work. */
    public static final int ROUNDS_PER_UNIT = 32;

    private static volatile Calibration calibration;

    private Kernel() {
    }

    /** {@return the state after {@code units} units of work starting from {@code seed}} */
    public static long compute(long seed, long units) {
        long x = seed | 1;
        for (long u = 0; u < units; u++) {
            for (int r = 0; r < ROUNDS_PER_UNIT; r++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                x *= Mix.GOLDEN;
            }
        }
        return x;
    }

    /** How fast the kernel runs on this machine, measured once per JVM. */
    public record Calibration(double unitsPerMicro) {
        /** {@return the units that take {@code duration} here} (0 for a zero duration, else at least 1) */
        public long unitsFor(Duration duration) {
            long nanos = duration.toNanos();
            return nanos == 0 ? 0 : Math.max(1, Math.round(nanos / 1_000.0 * unitsPerMicro));
        }

        /** {@return the nominal CPU nanoseconds of {@code units}} */
        public long nanosFor(long units) {
            return Math.round(units * 1_000.0 / unitsPerMicro);
        }
    }

    /**
     * {@return this JVM's calibration}, measured on first use: after a warm-up that lets the JIT
     * compile the kernel, the median of nine timed rounds of about 5 ms each.
     */
    public static Calibration calibrate() {
        Calibration c = calibration;
        if (c == null) {
            synchronized (Kernel.class) {
                c = calibration;
                if (c == null) {
                    c = measure();
                    calibration = c;
                }
            }
        }
        return c;
    }

    private static Calibration measure() {
        long sink = 0;
        long warmUpEnd = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            sink += compute(sink, 1_000);
        }
        long units = 1_000;
        long elapsed;
        do {  // grow the round until it lasts about 5 ms
            units *= 2;
            long start = System.nanoTime();
            sink += compute(sink, units);
            elapsed = System.nanoTime() - start;
        } while (elapsed < 5_000_000L);
        double[] rates = new double[9];
        for (int i = 0; i < rates.length; i++) {
            long start = System.nanoTime();
            sink += compute(sink, units);
            rates[i] = units * 1_000.0 / (System.nanoTime() - start);
        }
        Arrays.sort(rates);
        if (sink == 42) {  // keeps the warm-up observable; practically never true
            System.err.print("");
        }
        return new Calibration(rates[rates.length / 2]);
    }
}
