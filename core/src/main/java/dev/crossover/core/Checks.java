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

    /** Fails with {@code "<name>: <value> (expected: <rule>)"} unless {@code condition} holds. */
    public static void argument(boolean condition, String name, Object value, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + rule + ")");
        }
    }
}
