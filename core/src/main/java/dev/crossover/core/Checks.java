package dev.crossover.core;

/**
 * Argument checks with one message shape everywhere: {@code "<name>: <value> (expected: <rule>)"}.
 */
public final class Checks {
    private Checks() {
    }

    /** {@return value} if it is positive. @throws IllegalArgumentException if it is not */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
        return value;
    }

    /** {@return value} if it is zero or more. @throws IllegalArgumentException if it is negative */
    public static long notNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= 0)");
        }
        return value;
    }

    /** {@return value} if it lies in [0, 1]. @throws IllegalArgumentException otherwise */
    public static double probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: between 0 and 1)");
        }
        return value;
    }

    /**
     * {@return {@code nanos} as the command line writes durations}: in the largest unit that
     * keeps it whole, e.g. {@code 200us}, {@code 50ms}, {@code 2s}, {@code 0ms}
     */
    public static String duration(long nanos) {
        if (nanos == 0) {
            return "0ms";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos % 1_000L == 0 ? nanos / 1_000L + "us" : nanos + "ns";
    }

    /** Fails with {@code "<name>: <value> (expected: <rule>)"} unless {@code condition} holds. */
    public static void argument(boolean condition, String name, Object value, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + rule + ")");
        }
    }
}
