package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Recognises Crossover's open-loop benchmark among JMH results, and names the highest rate each
 * model sustains.
 *
 * <p>A result is an open-loop point when its benchmark is named
 * {@code dev.crossover.benchmarks.OpenLoopBenchmark.<method>}, its mode is {@code thrpt}, it has
 * the params {@code model}, {@code workload} and an integer {@code rate} (offered tasks per
 * second), and the secondary metric {@code completed} (the achieved rate). {@code ioMillis},
 * {@code cpuMicros} and {@code load} (percent of the model's closed-loop capacity) are read when
 * present; the secondary metric {@code rejected} too.
 */
public final class LoadPoints {
    private static final Pattern NAME = Pattern.compile("dev\\.crossover\\.benchmarks\\.OpenLoopBenchmark\\.\\w+");
    /** The params a load point is placed by; {@code concurrency} (inherited from the closed-loop benchmarks, the C its capacity was measured at) labels nothing. */
    private static final Set<String> KNOWN = Set.of("model", "workload", "ioMillis", "cpuMicros", "rate", "load", "concurrency");

    private LoadPoints() {
    }

    /** {@return the open-loop point this result is, or empty when it is not one} */
    public static Optional<LoadPoint> of(JmhResult r, RunFiles files) {
        Metric completed = r.secondary().get("completed");
        String model = r.params().get("model");
        String workload = r.params().get("workload");
        if (!NAME.matcher(r.benchmark()).matches() || completed == null || model == null || workload == null
                || !r.mode().equals("thrpt")) {
            return Optional.empty();
        }
        try {
            long rate = Long.parseLong(r.params().getOrDefault("rate", ""));
            double io = number(r.params().get("ioMillis"));
            double cpu = number(r.params().get("cpuMicros"));
            int load = r.params().containsKey("load") ? Integer.parseInt(r.params().get("load")) : -1;
            if (rate <= 0 || io < 0 || cpu < 0) {
                return Optional.empty();
            }
            SortedMap<String, String> other = new TreeMap<>(r.params());
            other.keySet().removeAll(KNOWN);
            return Optional.of(new LoadPoint(r, workload, model, io, cpu, rate, load, other, completed,
                    r.secondary().get("rejected"), files.points().get(new LatencyLogs.Key(r.benchmark(), r.params()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@return the open-loop points among {@code results}} */
    public static List<LoadPoint> all(List<JmhResult> results, RunFiles files) {
        return results.stream().map(r -> of(r, files)).flatMap(Optional::stream).toList();
    }

    /** {@return the points grouped by slice, in first-seen order, each by model then ascending rate} */
    public static Map<LoadPoint.Slice, List<LoadPoint>> bySlice(List<LoadPoint> points) {
        Map<LoadPoint.Slice, List<LoadPoint>> out = new LinkedHashMap<>();
        points.forEach(p -> out.computeIfAbsent(p.slice(), s -> new ArrayList<>()).add(p));
        out.replaceAll((s, ps) -> ps.stream().sorted(Comparator.comparing(LoadPoint::model)
                .thenComparingLong(LoadPoint::rate)).toList());
        return out;
    }

    /**
     * {@return one sentence on a slice's service level: per model, the highest offered rate it
     * sustained (p99 from intended start at or under twice the task's nominal time, and no arrival
     * refused), or "none of the measured rates"}
     *
     * @param slice  the slice
     * @param points its points
     * @param models the models in the order to name them
     */
    public static String sloSentence(LoadPoint.Slice slice, List<LoadPoint> points, List<String> models) {
        double slo = slice.sloMicros();
        String nominal = Claims.num(slice.ioMillis()) + " ms + " + Claims.num(slice.cpuMicros()) + " \u00b5s";
        if (!(slo > 0)) {
            return "No SLO: the task's nominal time (" + nominal + ") is 0.";
        }
        List<String> parts = new ArrayList<>();
        for (String model : models) {
            List<LoadPoint> mine = points.stream().filter(p -> p.model().equals(model)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            if (mine.stream().allMatch(p -> p.latency() == null)) {
                parts.add(model + ": no latency recorded");
                continue;
            }
            Optional<LoadPoint> best = mine.stream().filter(LoadPoint::sustained).max(Comparator.comparingLong(LoadPoint::rate));
            parts.add(model + " " + best.map(p -> Claims.num(p.rate()) + " tasks/s"
                    + (p.load() >= 0 ? " (" + p.load() + "% of its capacity)" : "")).orElse("none of the measured rates"));
        }
        return "SLO: p99 from intended start at most twice the task's nominal time, 2 \u00d7 (" + nominal + ") = "
                + Claims.num(slo / 1000) + " ms. Highest offered rate sustained within it (and no arrival refused): "
                + String.join("; ", parts) + ".";
    }

    private static double number(String param) {
        return param == null ? 0 : Double.parseDouble(param);
    }
}
