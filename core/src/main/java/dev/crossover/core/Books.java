package dev.crossover.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a run's tasks did, recorded as they finish without a shared write per task: counters, the
 * checksum and the histograms live in {@link Stripes}, one monitor entered per outcome.
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
    private final Map<String, Integer> causes = new ConcurrentHashMap<>();
    private final Stripes stripes = new Stripes();
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
        long term = Checksum.term(index, result);
        if (sampling && sampled(index)) {
            samples.add(new long[] {index, result});
        }
        Stripes.Stripe s = stripes.mine();
        synchronized (s) {
            s.checksum += term;
            if (attempt.measured) {
                s.latency.recordValue(Math.max(0, nowNanos - attempt.intendedNanos));
                s.service.recordValue(Math.max(0, nowNanos - attempt.beganNanos()));
            }
            s.completed++;
        }
    }

    void failed(Attempt attempt, Throwable cause, long nowNanos) {
        causes.merge(causeName(cause), 1, Integer::sum);
        Stripes.Stripe s = stripes.mine();
        synchronized (s) {
            if (attempt.measured) {
                long latency = Math.max(0, nowNanos - attempt.intendedNanos);
                s.latency.recordValue(latency);
                s.service.recordValue(Math.max(0, nowNanos - attempt.beganNanos()));
                s.failures.recordValue(latency);
            }
            s.failed++;
        }
    }

    void lateness(long nanos) {
        Stripes.Stripe s = stripes.mine();
        synchronized (s) {
            s.lateness.recordValue(Math.max(0, nanos));
        }
    }

    void lag(long nanos) {
        Stripes.Stripe s = stripes.mine();
        synchronized (s) {
            s.lag.recordValue(Math.max(0, nanos));
        }
    }

    void violation(String what) {
        violations.add(what);
    }

    boolean samplingOn() {
        return sampling;
    }

    long completed() {
        return stripes.completed();
    }

    long failed() {
        return stripes.failed();
    }

    long checksum() {
        return stripes.checksum();
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
        return stripes.take();
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
