package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises Crossover's own benchmarks among JMH results.
 *
 * <p>A result is a Crossover point when its benchmark is named
 * {@code dev.crossover.benchmarks.<Workload>Benchmark.<method>}, it has the params {@code model}
 * and an integer {@code concurrency}, and the secondary metric {@code completed} (tasks per
 * second, from {@code @AuxCounters}). The primary metric (batches per second) is not what the
 * report charts. Anything else is reported generically.
 */
public final class Points {
    private static final Pattern NAME = Pattern.compile("dev\\.crossover\\.benchmarks\\.(\\w+)Benchmark\\.\\w+");
    private static final java.util.Set<String> KNOWN = java.util.Set.of("model", "concurrency", "ioMillis", "cpuMicros");

    private Points() {
    }

    /** {@return the point this result is, or empty when it is not a Crossover point} */
    public static Optional<Point> of(JmhResult r, Map<LatencyLogs.Key, Latency> latencies) {
        Matcher m = NAME.matcher(r.benchmark());
        Metric completed = r.secondary().get("completed");
        String model = r.params().get("model");
        if (!m.matches() || completed == null || model == null || !r.mode().equals("thrpt")) {
            return Optional.empty();
        }
        try {
            int concurrency = Integer.parseInt(r.params().getOrDefault("concurrency", ""));
            double io = number(r.params().get("ioMillis"));
            double cpu = number(r.params().get("cpuMicros"));
            if (concurrency <= 0 || io < 0 || cpu < 0) {
                return Optional.empty();
            }
            SortedMap<String, String> other = new TreeMap<>(r.params());
            other.keySet().removeAll(KNOWN);
            double ideal = Ideal.throughput(io, cpu, concurrency, cores(r));
            Latency latency = latencies.get(new LatencyLogs.Key(r.benchmark(), r.params()));
            return Optional.of(new Point(r, m.group(1).toLowerCase(Locale.ROOT), model, concurrency, io, cpu, other,
                    completed, r.secondary().get("failed"), ideal, latency));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * {@return the points among {@code results}}; when a workload's class has several benchmark
     * methods, each point's other params gain {@code method=<name>} so their lines stay apart.
     */
    public static java.util.List<Point> all(java.util.List<JmhResult> results, Map<LatencyLogs.Key, Latency> latencies) {
        java.util.List<Point> points = results.stream().map(r -> of(r, latencies)).flatMap(Optional::stream).toList();
        Map<String, Long> methods = points.stream().collect(java.util.stream.Collectors.groupingBy(
                Point::workload, java.util.stream.Collectors.mapping(p -> p.result().method(),
                        java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toSet(), s -> (long) s.size()))));
        return points.stream().map(p -> methods.get(p.workload()) < 2 ? p : withMethod(p)).toList();
    }

    private static Point withMethod(Point p) {
        SortedMap<String, String> other = new TreeMap<>(p.other());
        other.put("method", p.result().method());
        return new Point(p.result(), p.workload(), p.model(), p.concurrency(), p.ioMillis(), p.cpuMicros(), other,
                p.throughput(), p.failed(), p.ideal(), p.latency());
    }

    private static double number(String param) {
        return param == null ? 0 : Double.parseDouble(param);
    }

    /** {@return the cores environment.json gives, 0 when unknown} */
    static int cores(JmhResult r) {
        String cores = r.source().get("cores");
        try {
            return cores == null ? 0 : Integer.parseInt(cores.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
