package dev.crossover.reports.compare;

import java.util.Objects;

/**
 * How to compare two runs.
 *
 * @param threshold the smallest relative change that counts, as a fraction ({@code 0.05} for 5%)
 * @param metric    which metric of each entry to compare
 */
public record Options(double threshold, MetricChoice metric) {
    /** 5%, {@code auto}. */
    public static final Options DEFAULT = new Options(0.05, new MetricChoice.Auto());

    /** @throws IllegalArgumentException if {@code threshold} is negative or not finite */
    public Options {
        Objects.requireNonNull(metric, "metric");
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold: " + threshold + " (expected: a finite fraction >= 0)");
        }
    }

    /**
     * {@return the fraction a percentage such as {@code 5%}, {@code 2.5%} or {@code 10} stands for}
     *
     * @throws IllegalArgumentException naming {@code --threshold} if {@code text} is not a percentage >= 0
     */
    public static double parseThreshold(String text) {
        Objects.requireNonNull(text, "text");
        String number = text.strip();
        number = number.endsWith("%") ? number.substring(0, number.length() - 1).strip() : number;
        try {
            double percent = Double.parseDouble(number);
            if (percent >= 0 && Double.isFinite(percent) && number.matches("[0-9.]+([eE][-+]?[0-9]+)?")) {
                return percent / 100;
            }
        } catch (NumberFormatException e) {
            // Reported below with the flag's name.
        }
        throw new IllegalArgumentException("--threshold: " + text + " (expected: a percentage >= 0, such as 5%)");
    }
}
