package dev.crossover.reports.compare;

import dev.crossover.reports.jmh.Metric;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a higher value of a metric is better, for every metric a JMH file holds.
 *
 * <h2>Rules, first match wins</h2>
 * <ol>
 * <li>The primary metric: the mode ({@code thrpt} higher; {@code avgt}, {@code sample}, {@code ss} lower).</li>
 * <li>A secondary metric that counts something bad is lower-is-better whatever its unit: Crossover's
 *     {@code failed} (tasks/s, a rate, yet fewer is better), {@code rejected}, errors and timeouts;
 *     the GC profiler's {@code gc.*} (allocation rate, counts, time, churn); the compiler and
 *     safepoint profilers' times and counts; perf's {@code CPI} and any {@code …misses}.</li>
 * <li>Perf's {@code IPC} is higher-is-better.</li>
 * <li>The unit, when it says: {@code ops/…} higher (a rate of work done), {@code …/op} lower (a cost per operation).</li>
 * <li>Otherwise the mode, as for the primary metric.</li>
 * </ol>
 */
public final class Direction {
    /** Counters whose every occurrence is bad, by their normalised name, in lower case. */
    private static final Set<String> BAD_COUNTS = Set.of("failed", "failures", "rejected", "errors", "timeouts",
            "timedout", "dropped", "retries", "cpi");
    private static final Pattern BAD_FAMILIES = Pattern.compile(
            "(gc\\..*|compiler\\..*|safepoints\\..*|.*[-.]misses|.*\\.miss(es)?)", Pattern.CASE_INSENSITIVE);

    private Direction() {
    }

    /** {@return true if a higher value of {@code metric} (the primary's name or a secondary's) is better in {@code mode}} */
    public static boolean higherIsBetter(String mode, String metric, Metric m) {
        if (!metric.equals(MetricChoice.PRIMARY)) {
            String name = metric.toLowerCase(Locale.ROOT);
            if (BAD_COUNTS.contains(name) || BAD_FAMILIES.matcher(name).matches()) {
                return false;
            }
            if (name.equals("ipc")) {
                return true;
            }
            if (m.unit().startsWith("ops/")) {
                return true;
            }
            if (m.unit().endsWith("/op")) {
                return false;
            }
        }
        return switch (mode) {
            case "thrpt" -> true;
            case "avgt", "sample", "ss" -> false;
            default -> m.higherIsBetter();
        };
    }
}
