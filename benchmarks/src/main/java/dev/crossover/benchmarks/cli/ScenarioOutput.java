package dev.crossover.benchmarks.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.benchmarks.PointSummary;
import dev.crossover.core.Driver;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Writes a scenario's {@link ScenarioRun}s side by side: a table with one row per model, or a JSON
 * array with design.md's object per model.
 */
final class ScenarioOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Below this gap (µs) between latency and service time at p90 there is no queueing worth a sentence. */
    static final double QUEUEING_FLOOR_MICROS = 1_000;
    private static final String ROW = "%-20s %10s %7s %7s %12s %12s %6s %9s %9s %9s %9s %8s  %s";

    private ScenarioOutput() {
    }

    /** {@return the fields of design.md, in its order, then the driver's} */
    static Map<String, Object> fields(ScenarioRun run) {
        RunResult r = run.measured();
        Workload w = r.workload();
        int cores = Runtime.getRuntime().availableProcessors();
        double ideal = r.idealThroughput(cores);
        double efficiency = r.efficiency(cores);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", r.model());
        f.put("workload", w.kind().id());
        if (!run.mechanism().isEmpty()) {
            f.put("mechanism", run.mechanism());
        }
        f.put("mode", r.mode().name().toLowerCase(Locale.ROOT));
        f.put("tasks", w.tasks());
        f.put("concurrency", w.concurrency());
        f.put("completed", r.completed());
        f.put("failed", r.failed());
        f.put("rejected", r.rejected());
        f.put("wallSeconds", r.wallNanos() / 1e9);
        f.put("throughput", r.throughput());
        f.put("idealThroughput", Double.isInfinite(ideal) ? null : ideal);
        f.put("efficiency", Double.isNaN(efficiency) ? null : efficiency);
        f.put("maxInFlight", r.maxInFlight());
        f.put("checksum", Long.toHexString(r.checksum()));
        f.put("latencyMicros", percentiles(r.latencyNanos()));
        f.put("serviceMicros", percentiles(r.serviceNanos()));
        Map<String, Object> late = new LinkedHashMap<>();
        late.put("p50", micros(r.latenessNanos(), 50));
        late.put("p99", micros(r.latenessNanos(), 99));
        late.put("max", r.latenessNanos().getMaxValue() / 1e3);
        late.put("count", r.latenessNanos().getTotalCount());
        f.put("latenessMicros", late);
        if (r.mode() == RunResult.Mode.OPEN) {
            f.put("offeredRate", r.offeredRate());
            f.put("achievedRate", r.throughput());
            Map<String, Object> lag = new LinkedHashMap<>();
            lag.put("p50", micros(r.lagNanos(), 50));
            lag.put("p99", micros(r.lagNanos(), 99));
            lag.put("max", r.lagNanos().getMaxValue() / 1e3);
            f.put("lagMicros", lag);
        }
        f.put("ioMillis", w.ioNanos() / 1e6);
        f.put("cpuMicros", w.cpuNanos() / 1e3);
        f.put("cpuUnits", w.cpuUnits());
        f.put("ioDist", w.ioDist().toString());
        f.put("cpuDist", w.cpuDist().toString());
        f.put("fanout", w.fanout());
        f.put("seed", w.seed());
        f.put("cores", cores);
        f.put("startupMillis", run.startupNanos() / 1e6);
        f.put("failureCauses", r.failureCauses());
        Map<String, Object> trial = new LinkedHashMap<>();
        trial.put("submitted", r.totals().submitted());
        trial.put("completed", r.totals().completed());
        trial.put("failed", r.totals().failed());
        trial.put("rejected", r.totals().rejected());
        trial.put("expectedFailures", r.totals().expectedFailures());
        f.put("trial", trial);
        Map<String, Object> warmup = new LinkedHashMap<>();
        warmup.put("seconds", run.warmup().seconds());
        warmup.put("completed", run.warmup().completed());
        warmup.put("failed", run.warmup().failed());
        warmup.put("failureCauses", run.warmup().failureCauses());
        f.put("warmup", warmup);
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("method", r.verification().method());
        check.put("checked", r.verification().checked());
        check.put("passed", r.verification().passed());
        check.put("detail", r.verification().detail());
        f.put("verification", check);
        f.put("unexpectedFailures", run.unexpectedFailures());
        queueing(r).ifPresent(q -> f.put("queueing", q));
        if (run.shared() != null) {
            f.put("shared", shared(run));
        }
        f.put("methodVersion", Driver.METHOD_VERSION);
        return f;
    }

    /**
     * {@return a sentence when latency from intended start is at least twice the service time at
     * p90, and longer by at least {@value #QUEUEING_FLOOR_MICROS} µs}: tasks then waited, before the
     * model began them, behind something that held it (a stall, a thread still starting)
     */
    static Optional<String> queueing(RunResult r) {
        double latency = micros(r.latencyNanos(), 90);
        double service = micros(r.serviceNanos(), 90);
        if (r.serviceNanos().getTotalCount() == 0 || latency < 2 * service || latency - service < QUEUEING_FLOOR_MICROS) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "p90 from intended start %.2f ms is %.1fx the p90 of service "
                + "time %.2f ms: tasks waited behind stalls before the model began them", latency / 1e3,
                latency / service, service / 1e3));
    }

    /**
     * {@return the {@code shared} workload's fields}: the mechanism, K, the total, the account
     * writes that landed and those lost, the state hash, contention where the mechanism exposes it
     * (-1 where not), and {@code demonstration} for an unguarded run ({@code --lock none}), which no
     * comparison of models should use
     */
    static Map<String, Object> shared(ScenarioRun run) {
        dev.crossover.core.Ledger l = run.shared();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("mechanism", l.mechanism());
        f.put("accounts", l.accounts());
        f.put("total", l.total());
        f.put("updates", l.updates());
        f.put("lostUpdates", run.lostUpdates());
        f.put("stateHash", Long.toHexString(l.stateHash()));
        f.put("contended", l.contended());
        f.put("lockWaitMicros", l.waitNanos() < 0 ? -1 : l.waitNanos() / 1e3);
        f.put("demonstration", !l.guarded());
        f.put("jdk", Runtime.version().toString());
        return f;
    }

    /** {@return one line on a {@code shared} run's accounts} */
    static String sharedLine(ScenarioRun run) {
        dev.crossover.core.Ledger l = run.shared();
        return String.format(Locale.ROOT, "%s: shared: %s, %,d accounts, total %,d, %,d account writes, %,d lost, "
                        + "state hash %s, contended %s, lock wait %s%s", run.measured().model(), l.mechanism(),
                l.accounts(), l.total(), l.updates(), run.lostUpdates(), Long.toHexString(l.stateHash()),
                l.contended() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", l.contended()),
                l.waitNanos() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", l.waitNanos() / 1e6),
                l.guarded() ? "" : " (unguarded: a demonstration, not a result to compare)");
    }

    private static Map<String, Object> percentiles(Histogram h) {
        return PointSummary.percentiles(h);
    }

    private static double micros(Histogram h, double percentile) {
        return PointSummary.micros(h, percentile);
    }

    /** {@return a JSON array of one {@link #fields} object per run, in order} */
    static String json(List<Map<String, Object>> objects) {
        try {
            return JSON.writeValueAsString(objects);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the line above the table: the workload every row ran, and how} */
    static String title(Workload w, ScenarioRun.Mode mode, java.time.Duration warmup) {
        StringBuilder s = new StringBuilder("workload ").append(w.kind().id()).append(": ");
        switch (mode) {
            case ScenarioRun.Mode.Steady st -> s.append(String.format(Locale.ROOT,
                    "steady state, concurrency %,d, a window of %,d tasks", w.concurrency(), w.tasks()));
            case ScenarioRun.Mode.Fixed fx -> s.append(String.format(Locale.ROOT,
                    "every one of %,d tasks once, concurrency %,d", w.tasks(), w.concurrency()));
            case ScenarioRun.Mode.Open op -> s.append(String.format(Locale.ROOT,
                    "open loop, %s arrivals at %,.0f/s, at most %,d in flight, a window of %,d arrivals",
                    op.arrivals().kind().name().toLowerCase(Locale.ROOT), op.arrivals().rate(), op.maxInFlight(),
                    w.tasks()));
        }
        if (w.kind().waits()) {
            s.append(", io ").append(Durations.format(java.time.Duration.ofNanos(w.ioNanos())));
            if (w.ioDist().kind() != dev.crossover.core.Distribution.Kind.FIXED) {
                s.append(" (").append(w.ioDist()).append(")");
            }
        }
        if (w.kind().computes()) {
            s.append(", cpu ").append(Durations.format(java.time.Duration.ofNanos(w.cpuNanos())))
                    .append(" (").append(w.cpuUnits()).append(" kernel units");
            if (w.cpuDist().kind() != dev.crossover.core.Distribution.Kind.FIXED) {
                s.append(", ").append(w.cpuDist());
            }
            s.append(")");
        }
        if (w.fanout() > 1) {
            s.append(", fanout ").append(w.fanout());
        }
        if (w.failRate() > 0) {
            s.append(", fail-rate ").append(w.failRate());
        }
        return s.append(", seed ").append(w.seed()).append(", warm-up ").append(Durations.format(warmup)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores").toString();
    }

    /** {@return the table's header line} */
    static String header() {
        return String.format(Locale.ROOT, ROW, "model", "completed", "failed", "rejected", "tasks/s", "ideal/s", "eff",
                "p50 ms", "p99 ms", "svc p99", "late p99", "start ms", "checksum, check").stripTrailing();
    }

    /** {@return one model's row of the table} */
    static String row(ScenarioRun run) {
        RunResult r = run.measured();
        int cores = Runtime.getRuntime().availableProcessors();
        double ideal = r.idealThroughput(cores);
        double efficiency = r.efficiency(cores);
        return String.format(Locale.ROOT, ROW, r.model(), String.format(Locale.ROOT, "%,d", r.completed()),
                String.format(Locale.ROOT, "%,d", r.failed()), String.format(Locale.ROOT, "%,d", r.rejected()),
                String.format(Locale.ROOT, "%,.1f", r.throughput()),
                Double.isInfinite(ideal) ? "-" : String.format(Locale.ROOT, "%,.1f", ideal),
                Double.isNaN(efficiency) ? "-" : String.format(Locale.ROOT, "%.3f", efficiency),
                String.format(Locale.ROOT, "%.3f", micros(r.latencyNanos(), 50) / 1e3),
                String.format(Locale.ROOT, "%.3f", micros(r.latencyNanos(), 99) / 1e3),
                String.format(Locale.ROOT, "%.3f", micros(r.serviceNanos(), 99) / 1e3),
                String.format(Locale.ROOT, "%.3f", micros(r.latenessNanos(), 99) / 1e3),
                String.format(Locale.ROOT, "%.1f", run.startupNanos() / 1e6),
                Long.toHexString(r.checksum()) + ", " + r.verification().describe());
    }
}
