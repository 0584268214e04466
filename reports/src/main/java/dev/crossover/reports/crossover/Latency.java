package dev.crossover.reports.crossover;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of one point, in microseconds: from its HdrHistogram log, or from its point
 * record ({@code points/*.json}), which gives no count.
 *
 * @param count  recorded tasks, -1 when unknown
 * @param p50    median
 * @param p90    90th percentile
 * @param p99    99th percentile
 * @param p999   99.9th percentile
 * @param max    the largest value
 */
public record Latency(long count, double p50, double p90, double p99, double p999, double max) {
    /** {@return the percentiles of a histogram whose values are nanoseconds} */
    public static Latency ofNanos(Histogram h) {
        return new Latency(h.getTotalCount(), micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
                micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()));
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
