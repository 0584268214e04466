package dev.crossover.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run's tasks did, recorded as they finish without a shared write per task: counters and
 * the checksum are {@link LongAdder}s (striped cells), histograms are {@link Stripes}.
 *
 * <p>Latency runs from a task's intended start (its submission in a closed loop, its scheduled
 * arrival in an open one: corrected for coordinated omission), service time from when the model
 * began it, timer lateness from each wait's deadline to when it ended, lag from an arrival's
 * schedule to its submission. Only {@linkplain Attempt#measured measured} attempts go to the
 * histograms; every attempt goes to the counters and the checksum.
 *
 * <h2>Threading</h2>
 * Recording from any thread; reading ({@link #take}) from one thread at a time.
 */
final class Books {
    /** Completed tasks whose (index, result) is kept for a sampled check: one in 64 when sampling. */
    private static final long SAMPLE_MASK = 63;

    private final long sampleSalt;
    private final boolean sampling;
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Checksum checksum = new Checksum();
    private final Map<String, Integer> causes = new ConcurrentHashMap<>();
    private final Stripes latency = new Stripes();
    private final Stripes service = new Stripes();
    private final Stripes lateness = new Stripes();
    private final Stripes lag = new Stripes();
    private final Stripes failures = new Stripes();
    private final ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    /** @param sampling whether to keep a seeded sample of results, for runs too long to check in full */
    Books(Workload workload, boolean sampling) {
        this.sampleSalt = Mix.mix64(workload.seed() ^ 0x51A3_7E5D_0C4BL);
        this.sampling = sampling;
    }

    /** {@return whether task {@code index} is in the seeded sample} */
    boolean sampled(long index) {
        return (Mix.mix64(index ^ sampleSalt) & SAMPLE_MASK) == 0;
    }

    void completed(Attempt attempt, long result, long nowNanos) {
        int index = attempt.spec.index();
        checksum.add(index, result);
        if (sampling && sampled(index)) {
            samples.add(new long[] {index, result});
        }
        times(attempt, nowNanos);
        completed.increment();
    }

    void failed(Attempt attempt, Throwable cause, long nowNanos) {
        causes.merge(causeName(cause), 1, Integer::sum);
        times(attempt, nowNanos);
        if (attempt.measured) {
            failures.record(nowNanos - attempt.intendedNanos);
        }
        failed.increment();
    }

    private void times(Attempt attempt, long nowNanos) {
        if (attempt.measured) {
            latency.record(nowNanos - attempt.intendedNanos);
            service.record(nowNanos - attempt.beganNanos());
        }
    }

    void lateness(long nanos) {
        lateness.record(nanos);
    }

    void lag(long nanos) {
        lag.record(nanos);
    }

    void violation(String what) {
        violations.add(what);
    }

    boolean samplingOn() {
        return sampling;
    }

    long completed() {
        return completed.sum();
    }

    long failed() {
        return failed.sum();
    }

    long checksum() {
        return checksum.value();
    }

    Map<String, Integer> causes() {
        return Map.copyOf(causes);
    }

    List<long[]> samples() {
        return new ArrayList<>(samples);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** {@return the histograms recorded since the last call} */
    Histograms take() {
        return new Histograms(latency.interval(), service.interval(), lateness.interval(), lag.interval(),
                failures.interval());
    }

    static String causeName(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        if (cause instanceof InjectedFailure) {
            return "InjectedFailure";
        }
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        return message == null ? type : type + ": " + message.lines().findFirst().orElse("");
    }
}
