package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.At;

/**
 * What a point record ({@code points/*.json}) of method 2 adds: the driver's steady-state windows,
 * closed or open loop, with latency from each task's intended start, service time from when the
 * model began it, timer lateness, the open loop's offered and achieved rates, and how the work was
 * verified. Records of older runs have none of it: {@link #NONE}.
 *
 * <p>Every part is optional in the file and null here when absent ("not applicable"); a part that
 * is present is checked, and a wrong type is a {@link dev.crossover.reports.BadInputException}
 * naming the file and the JSON path.
 *
 * @param mode          "closed" or "open"
 * @param latency       percentiles from each task's intended start to its end (µs; count unknown: -1), or null
 * @param service       percentiles from when the model began each task to its end (µs; count -1), or null
 * @param lateness      how much later than asked each timer wait ended, or null
 * @param open          the open loop's rates and the driver's own lag, or null for a closed loop
 * @param verification  how the results were checked against the reference, or null
 * @param methodVersion how the numbers were measured: 1 before steady-state windows (also when absent), 2 since
 */
public record SteadyState(String mode, Latency latency, Latency service, Lateness lateness, OpenLoop open,
                          Verification verification, int methodVersion) {
    /** A closed loop. */
    public static final String CLOSED = "closed";
    /** An open loop. */
    public static final String OPEN = "open";
    /** A record of a run before method 2: a closed loop, nothing else known. */
    public static final SteadyState NONE = new SteadyState(CLOSED, null, null, null, null, null, 1);

    /**
     * Timer lateness over a point's waits, in microseconds.
     *
     * @param p50   median
     * @param p99   99th percentile
     * @param max   the largest
     * @param count waits recorded (0 when the workload does not wait)
     */
    public record Lateness(double p50, double p99, double max, long count) {
    }

    /**
     * An open loop's rates.
     *
     * @param lagP99       the driver's own lag (intended vs actual submission), 99th percentile, µs; NaN when absent
     * @param lagMax       that lag's maximum, µs; NaN when absent
     * @param offeredRate  arrivals per second the schedule asked for; NaN when absent
     * @param achievedRate completions per second; NaN when absent
     * @param rejected     arrivals refused at the cap on tasks in flight; -1 when absent
     */
    public record OpenLoop(double lagP99, double lagMax, double offeredRate, double achievedRate, long rejected) {
    }

    /**
     * How a point's results were checked against the reference checksum.
     *
     * @param method  "full" (every index) or "sample" (a seeded sample)
     * @param checked indices checked
     * @param passed  whether every check held: each task one outcome, every checked result the reference's
     */
    public record Verification(String method, long checked, boolean passed) {
        /** {@return true if every check held} */
        public boolean allPassed() {
            return passed;
        }
    }

    /** {@return true if this is an open-loop record} */
    public boolean isOpen() {
        return OPEN.equals(mode);
    }

    /** {@return the method-2 parts of a point record, {@link #NONE}'s values where absent} */
    static SteadyState read(At o) {
        String mode = o.optional("mode").map(m -> {
            String text = m.text();
            if (!text.equals(CLOSED) && !text.equals(OPEN)) {
                throw m.bad("mode \"" + text + "\" (expected: closed or open)");
            }
            return text;
        }).orElse(CLOSED);
        Latency latency = o.optional("latencyMicros").map(SteadyState::percentiles).orElse(null);
        Latency service = o.optional("serviceMicros").map(SteadyState::percentiles).orElse(null);
        Lateness lateness = o.optional("latenessMicros").map(l -> new Lateness(l.field("p50").number(),
                l.field("p99").number(), l.field("max").number(), count(l.field("count")))).orElse(null);
        OpenLoop open = null;
        if (mode.equals(OPEN)) {
            At lag = o.optional("lagMicros").orElse(null);
            open = new OpenLoop(lag == null ? Double.NaN : lag.field("p99").number(),
                    lag == null ? Double.NaN : lag.field("max").number(),
                    o.optional("offeredRate").map(At::number).orElse(Double.NaN),
                    o.optional("achievedRate").map(At::number).orElse(Double.NaN),
                    o.optional("rejected").map(SteadyState::count).orElse(-1L));
        }
        Verification verification = o.optional("verification").map(SteadyState::verification).orElse(null);
        int version = o.optional("methodVersion").map(v -> {
            int n = v.integer();
            if (n < 1) {
                throw v.bad("methodVersion " + n + " (expected: >= 1)");
            }
            return n;
        }).orElse(1);
        return new SteadyState(mode, latency, service, lateness, open, verification, version);
    }

    private static Latency percentiles(At p) {
        return new Latency(-1, p.field("p50").number(), p.field("p90").number(), p.field("p99").number(),
                p.field("p999").number(), p.field("max").number());
    }

    private static Verification verification(At v) {
        At method = v.field("method");
        if (!method.text().equals("full") && !method.text().equals("sample")) {
            throw method.bad("method \"" + method.text() + "\" (expected: full or sample)");
        }
        long checked = count(v.field("checked"));
        return new Verification(method.text(), checked, v.field("passed").bool());
    }

    private static long count(At n) {
        long v = n.longInteger();
        if (v < 0) {
            throw n.bad("count " + v + " (expected: >= 0)");
        }
        return v;
    }
}
