package dev.crossover.reports.crossover;

import dev.crossover.reports.BadInputException;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recognises Crossover's own benchmarks among JMH results.
 *
 * <p>A result is a Crossover point when its benchmark is named
 * {@code dev.crossover.benchmarks.<Workload>Benchmark.<method>}, it has the params {@code model}
 * and an integer {@code concurrency}, and the secondary metric {@code completed} (tasks per
 * second, from {@code @AuxCounters}). The primary metric (before method 2 batches per second,
 * whose batch size differs by model) is not what the report charts. The {@code null} workload
 * ({@code NullBenchmark}) gives the models' {@linkplain Ceilings dispatch ceilings}; open-loop
 * points are {@link LoadPoints}'. Anything else is reported generically.
 */
public final class Points {
    private static final Pattern NAME = Pattern.compile("dev\\.crossover\\.benchmarks\\.(\\w+)Benchmark\\.(\\w+)");
    private static final Set<String> KNOWN = Set.of("model", "concurrency", "ioMillis", "cpuMicros");

    private Points() {
    }

    /** {@return true if {@code benchmark} is named like one of Crossover's benchmarks} */
    public static boolean isCrossoverBenchmark(String benchmark) {
        return NAME.matcher(benchmark).matches();
    }

    /** {@return the point this result is, or empty when it is not a Crossover point} */
    public static Optional<Point> of(JmhResult r, RunFiles files) {
        Metric completed = r.secondary().get("completed");
        Optional<Slot> slot = slot(r.source().label(), r.benchmark(), r.params());
        if (slot.isEmpty() || completed == null || !r.mode().equals("thrpt")) {
            return Optional.empty();
        }
        Slot s = slot.get();
        double ideal = Ideal.throughput(s.ioMillis(), s.cpuMicros(), s.concurrency(), cores(r));
        LatencyLogs.Key key = new LatencyLogs.Key(r.benchmark(), r.params());
        Sidecar sidecar = files.points().get(key);
        Latency latency = files.latency().get(key);
        if (latency == null && sidecar != null) {
            latency = sidecar.steady().latency();
        }
        return Optional.of(new Point(r, s.workload(), s.model(), s.concurrency(), s.ioMillis(), s.cpuMicros(), s.other(),
                completed, r.secondary().get("failed"), ideal, latency, sidecar));
    }

    /**
     * Where a benchmark run with some params sits: its workload, model and fixed params.
     *
     * @param source      the source's label
     * @param workload    the workload id
     * @param model       the model id
     * @param concurrency C
     * @param ioMillis    the wait per task
     * @param cpuMicros   the CPU per task
     * @param other       the other params
     * @param method      the benchmark method
     */
    public record Slot(String source, String workload, String model, int concurrency, double ioMillis, double cpuMicros,
                       SortedMap<String, String> other, String method) {
        /** {@return the winner-map cell this slot belongs to} */
        public Cell.Key cellKey() {
            return new Cell.Key(new Point.Slice(source, workload, ioMillis, cpuMicros, other), concurrency);
        }
    }

    /** {@return the slot of a Crossover benchmark with these params, or empty when it is not one} */
    public static Optional<Slot> slot(String source, String benchmark, Map<String, String> params) {
        Matcher m = NAME.matcher(benchmark);
        String model = params.get("model");
        if (!m.matches() || model == null || m.group(1).equals("OpenLoop")) {
            return Optional.empty();  // an open-loop point offers a rate, not a concurrency: it is LoadPoints'
        }
        try {
            int concurrency = Integer.parseInt(params.getOrDefault("concurrency", ""));
            double io = number(params.get("ioMillis"));
            double cpu = number(params.get("cpuMicros"));
            if (concurrency <= 0 || io < 0 || cpu < 0) {
                return Optional.empty();
            }
            SortedMap<String, String> other = new TreeMap<>(params);
            other.keySet().removeAll(KNOWN);
            return Optional.of(new Slot(source, m.group(1).toLowerCase(Locale.ROOT), model, concurrency, io, cpu, other,
                    m.group(2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * {@return the points among {@code results}}; when a workload's class has several benchmark
     * methods, each point's other params gain {@code method=<name>} so their lines stay apart.
     *
     * @throws BadInputException if one file holds the same benchmark with the same params twice:
     *                           the second would silently replace the first in every map
     */
    public static List<Point> all(List<JmhResult> results, RunFiles files) {
        return read(results, files).points();
    }

    /**
     * The closed-loop points of one source and its models' dispatch ceilings.
     *
     * @param points   the points of every workload but {@code null}, each with its model's ceiling
     * @param ceilings the ceilings the {@code null} workload's points give (empty when there are none)
     */
    public record Found(List<Point> points, Ceilings ceilings, List<Point> ceilingPoints) {
        public Found {
            points = List.copyOf(points);
            ceilingPoints = List.copyOf(ceilingPoints);
        }

        /** Points and ceilings, without the null workload's own points. */
        public Found(List<Point> points, Ceilings ceilings) {
            this(points, ceilings, List.of());
        }
    }

    /**
     * {@return the points among {@code results}, the {@code null} workload's set apart as the dispatch
     * ceilings}; when a workload's class has several benchmark methods, each point's other params gain
     * {@code method=<name>} so their lines stay apart.
     *
     * @throws BadInputException as {@link #all} does
     */
    public static Found read(List<JmhResult> results, RunFiles files) {
        List<Point> points = results.stream().map(r -> of(r, files)).flatMap(Optional::stream).toList();
        rejectDuplicates(points);
        Set<String> several = severalMethods(points.stream().map(p -> p.workload() + "\n" + p.result().method()).toList());
        points = points.stream().map(p -> several.contains(p.workload()) ? withMethod(p) : p).toList();
        String source = results.isEmpty() ? "" : results.get(0).source().label();
        Ceilings ceilings = Ceilings.of(source, points.stream().filter(p -> p.workload().equals(Ceilings.WORKLOAD)).toList());
        return new Found(points.stream().filter(p -> !p.workload().equals(Ceilings.WORKLOAD))
                .map(p -> p.withCeiling(ceilings.of(p.model()))).toList(), ceilings,
                points.stream().filter(p -> p.workload().equals(Ceilings.WORKLOAD)).toList());
    }

    /** {@return the workloads (of "workload\nmethod" pairs) that have more than one method} */
    public static Set<String> severalMethods(List<String> workloadAndMethod) {
        return workloadAndMethod.stream().distinct().collect(Collectors.groupingBy(s -> s.substring(0, s.indexOf('\n')),
                        Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static void rejectDuplicates(List<Point> points) {
        Map<List<Object>, JmhResult> seen = new HashMap<>();
        for (Point p : points) {
            JmhResult r = p.result();
            JmhResult first = seen.putIfAbsent(List.of(r.source().file(), r.benchmark(), r.params()), r);
            if (first != null) {
                throw new BadInputException(r.source().file(), "duplicate result for " + r.benchmark() + " with "
                        + r.paramsLabel() + " at $[" + r.index() + "] (first at $[" + first.index()
                        + "]; expected: each benchmark and params once per file)");
            }
        }
    }

    private static Point withMethod(Point p) {
        SortedMap<String, String> other = new TreeMap<>(p.other());
        other.put("method", p.result().method());
        return new Point(p.result(), p.workload(), p.model(), p.concurrency(), p.ioMillis(), p.cpuMicros(), other,
                p.throughput(), p.failed(), p.ideal(), p.latency(), p.sidecar(), p.ceiling());
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
