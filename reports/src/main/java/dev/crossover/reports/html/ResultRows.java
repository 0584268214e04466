package dev.crossover.reports.html;

import dev.crossover.reports.crossover.Points;
import dev.crossover.reports.crossover.Sidecar;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns JMH results into table rows. */
final class ResultRows {
    private static final double[] SHOWN = {50, 90, 99, 99.9, 100};

    private ResultRows() {
    }

    /** {@return the row of a result without a run record} */
    static Views.ResultRow of(JmhResult r) {
        return of(r, null, 1, "");
    }

    /**
     * {@return the row of a result, with the run's record of it when there is one}; a Crossover
     * benchmark's primary unit reads "batches/s" before method 2, as its batches differ in size
     * between models, and is marked as not the task rate since.
     *
     * @param methodVersion the method version of the result's run
     * @param note          what the report knows of the point beside its numbers (dispatch-bound), or empty
     */
    static Views.ResultRow of(JmhResult r, Sidecar sidecar, int methodVersion, String note) {
        Metric m = r.primary();
        boolean ours = Points.isCrossoverBenchmark(r.benchmark()) && m.unit().equals("ops/s");
        String unit = !ours ? m.unit() : methodVersion >= 2 ? "ops/s (not the task rate: see completed)"
                : "batches/s (not comparable across models)";
        return new Views.ResultRow(r.source().label(), r.benchmark(), r.mode(), r.paramsLabel(),
                Format.number(m.score()), Double.isNaN(m.error()) ? "" : "\u00b1 " + Format.number(m.error()),
                unit, m.hasInterval() ? "[" + Format.number(m.low()) + ", " + Format.number(m.high()) + "]" : "",
                m.samples() == 0 ? "" : Long.toString(m.samples()),
                r.mode().equals("sample") || r.mode().equals("ss") ? percentiles(m) : "", secondary(r),
                sidecar == null || !sidecar.hasBatches() ? "" : Integer.toString(sidecar.batchTasks()),
                sidecar == null ? "" : Integer.toString(sidecar.maxInFlight()),
                sidecar == null ? "" : Format.number(sidecar.startupMillis()),
                sidecar == null || !sidecar.hasMeasuredCpu() ? "" : Format.number(sidecar.cpuMicrosPerTask()), note);
    }

    /** {@return the percentiles shown for sample and single-shot modes, such as "p50 3.76, p99 3.96"} */
    static String percentiles(Metric m) {
        List<String> parts = new ArrayList<>();
        for (double p : SHOWN) {
            Double v = m.percentiles().get(p);
            if (v != null) {
                parts.add((p == 100 ? "max" : "p" + Format.number(p)) + " " + Format.number(v));
            }
        }
        return String.join(", ", parts);
    }

    static String secondary(JmhResult r) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Metric> e : r.secondary().entrySet()) {
            Metric s = e.getValue();
            parts.add(e.getKey() + " = " + Format.number(s.score())
                    + (Double.isFinite(s.error()) ? " \u00b1 " + Format.number(s.error()) : "") + " " + s.unit());
        }
        return String.join("; ", parts);
    }
}
