package dev.crossover.core;

import org.HdrHistogram.Histogram;

/**
 * The histograms of one stretch of a run, in nanoseconds.
 *
 * @param latency  from each task's intended start to its outcome
 * @param service  from when the model began each task to its outcome
 * @param lateness how much later than asked each wait ended
 * @param lag      how much later than scheduled each arrival was submitted (open loop)
 * @param failures the latencies of the failed tasks alone (also in {@code latency}): their count is the stretch's failures
 */
public record Histograms(Histogram latency, Histogram service, Histogram lateness, Histogram lag, Histogram failures) {
}
