package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One open-loop point of a Crossover run ({@code OpenLoopBenchmark}): a model offered tasks at a
 * fixed rate, whatever it completes, with latency timed from each task's intended start.
 *
 * @param result    the JMH entry behind it
 * @param workload  the workload id ({@code sleep}, {@code mixed})
 * @param model     the model id
 * @param ioMillis  the wait per task in milliseconds (0 when absent)
 * @param cpuMicros the CPU work per task in microseconds (0 when absent)
 * @param rate      the offered rate, tasks per second
 * @param load      the offered rate as a percentage of the model's measured closed-loop capacity, -1 when absent
 * @param other     every other param (such as {@code maxInFlight}), sorted by name
 * @param achieved  completed tasks per second ({@code completed}), with JMH's 99.9% interval
 * @param rejected  arrivals per second refused at the cap on tasks in flight ({@code rejected}), or null
 * @param sidecar   the run's record of this point, or null
 */
public record LoadPoint(JmhResult result, String workload, String model, double ioMillis, double cpuMicros, long rate,
                        int load, SortedMap<String, String> other, Metric achieved, Metric rejected, Sidecar sidecar) {
    public LoadPoint {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(achieved, "achieved");
    }

    /** {@return the source's label} */
    public String sourceLabel() {
        return result.source().label();
    }

    /** {@return the percentiles from each task's intended start, or null when the run did not record them} */
    public Latency latency() {
        return sidecar == null ? null : sidecar.steady().latency();
    }

    /** {@return the percentiles of service time (from when the model began each task), or null} */
    public Latency service() {
        return sidecar == null ? null : sidecar.steady().service();
    }

    /** {@return the service level: twice the task's nominal time (its wait plus its CPU work), in microseconds} */
    public double sloMicros() {
        return 2 * (ioMillis * 1000 + cpuMicros);
    }

    /** {@return true if any arrival was refused at the cap (the point record's count, else the {@code rejected} rate)} */
    public boolean rejectedAny() {
        if (sidecar != null && sidecar.steady().open() != null && sidecar.steady().open().rejected() >= 0) {
            return sidecar.steady().open().rejected() > 0;
        }
        return rejected != null && rejected.hasScore() && rejected.score() > 0;
    }

    /** {@return true if the model sustained this rate: its p99 from intended start within the SLO, and no arrival refused} */
    public boolean sustained() {
        Latency l = latency();
        return l != null && sloMicros() > 0 && l.p99() <= sloMicros() && !rejectedAny();
    }

    /** {@return what a latency-against-load chart holds fixed: everything but the model, the rate and the load} */
    public Slice slice() {
        return new Slice(sourceLabel(), workload, ioMillis, cpuMicros, other);
    }

    /**
     * The open-loop points that differ only by model and offered rate.
     *
     * @param source    the source's label
     * @param workload  the workload id
     * @param ioMillis  the wait per task
     * @param cpuMicros the CPU per task
     * @param other     the other params
     */
    public record Slice(String source, String workload, double ioMillis, double cpuMicros, SortedMap<String, String> other) {
        /** {@return the service level of these points, in microseconds} */
        public double sloMicros() {
            return 2 * (ioMillis * 1000 + cpuMicros);
        }
    }
}
