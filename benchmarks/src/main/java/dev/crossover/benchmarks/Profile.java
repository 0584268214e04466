package dev.crossover.benchmarks;

import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The benchmark sweeps, each one named definition: a parameter grid per workload and the JMH
 * settings it runs with. Every grid runs every model given to {@link #points}.
 *
 * <h2>Profiles</h2>
 * <ul>
 * <li>{@link #SMOKE}: for CI, about 2 minutes on 2 cores: one point per workload, every model.</li>
 * <li>{@link #QUICK}: the default, under 10 minutes on 2 cores: concurrency 1 to 10,000 and CPU
 *     share none (0), light (9%) and dominant (67%), enough for a winner map.</li>
 * <li>{@link #FULL}: the paper-grade sweep: 3 forks, 3 + 5 iterations of 2 s, five concurrencies,
 *     three waits, five CPU amounts; many hours.</li>
 * </ul>
 *
 * <h2>Exclusions</h2>
 * A model that rejects fan-out workloads is left out of {@link FanoutBenchmark} (it would only
 * fail). No other point is excluded: a model that runs few tasks at once at C = 10,000 would make
 * a batch of 10,000 tasks absurdly long, but {@link Batch} sizes every batch by timing, so each
 * point stays bounded and still shows the cap.
 *
 * <h2>Cost</h2>
 * A point costs its iterations plus about 1 s of forking, calibration and batch sizing;
 * {@link #estimate(int)} says so before a run starts.
 */
public enum Profile {
    /** For CI: one small point per workload, every model, short iterations. */
    SMOKE(new Settings(1, 1, Duration.ofMillis(200), 3, Duration.ofMillis(200), "512m"), List.of(
            new Grid(WorkloadKind.SLEEP, List.of(100), List.of(10), List.of(0), List.of()),
            new Grid(WorkloadKind.CPU, List.of(4), List.of(0), List.of(500), List.of()),
            new Grid(WorkloadKind.MIXED, List.of(100), List.of(10), List.of(200), List.of()),
            new Grid(WorkloadKind.FANOUT, List.of(10), List.of(10), List.of(0), List.of(4)))),

    /** The default: concurrency 1 to 10,000 and CPU share none to dominant, under 10 minutes. */
    QUICK(new Settings(Pinned.FORKS, Pinned.WARMUP_ITERATIONS, Duration.ofMillis(Pinned.WARMUP_MILLIS),
            Pinned.MEASUREMENT_ITERATIONS, Duration.ofMillis(Pinned.MEASUREMENT_MILLIS), Pinned.HEAP), List.of(
            new Grid(WorkloadKind.SLEEP, List.of(1, 100, 10_000), List.of(10), List.of(0), List.of()),
            new Grid(WorkloadKind.CPU, List.of(1, 100), List.of(0), List.of(1_000), List.of()),
            new Grid(WorkloadKind.MIXED, List.of(1, 100, 10_000), List.of(10), List.of(0, 1_000, 20_000), List.of()),
            new Grid(WorkloadKind.FANOUT, List.of(100), List.of(10), List.of(0), List.of(8)))),

    /** Paper-grade: more forks, iterations and points; hours. */
    FULL(new Settings(3, 3, Duration.ofSeconds(2), 5, Duration.ofSeconds(2), "2g"), List.of(
            new Grid(WorkloadKind.SLEEP, List.of(1, 10, 100, 1_000, 10_000), List.of(1, 10, 100), List.of(0), List.of()),
            new Grid(WorkloadKind.CPU, List.of(1, 2, 4, 16, 100), List.of(0), List.of(100, 1_000, 10_000), List.of()),
            new Grid(WorkloadKind.MIXED, List.of(1, 10, 100, 1_000, 10_000), List.of(1, 10, 100),
                    List.of(0, 100, 1_000, 10_000, 30_000), List.of()),
            new Grid(WorkloadKind.FANOUT, List.of(10, 100, 1_000), List.of(10), List.of(0), List.of(2, 8, 32))));

    /**
     * The settings the benchmark annotations pin (the {@link #QUICK} profile's), as compile-time
     * constants, so a plain {@code java -jar benchmarks.jar SleepBenchmark} never uses JMH's defaults.
     */
    public static final class Pinned {
        public static final int FORKS = 1;
        public static final int WARMUP_ITERATIONS = 1;  // batch sizing has already run the model
        public static final int WARMUP_MILLIS = 500;
        /** At least 3: JMH gives no confidence interval for fewer. */
        public static final int MEASUREMENT_ITERATIONS = 3;
        public static final int MEASUREMENT_MILLIS = 500;
        public static final String HEAP = "1g";
        public static final String XMS = "-Xms" + HEAP;
        public static final String XMX = "-Xmx" + HEAP;
        /** JMH's limit on one iteration; a batch that hangs fails its point instead of the run. */
        public static final int TIMEOUT_SECONDS = 120;

        private Pinned() {
        }
    }

    /** Seconds a point costs beyond its iterations: the fork, kernel calibration, model start, batch sizing. */
    static final double OVERHEAD_SECONDS = 1.0;

    private final Settings settings;
    private final List<Grid> grids;

    Profile(Settings settings, List<Grid> grids) {
        this.settings = settings;
        this.grids = grids;
    }

    /** {@return the profile's JMH settings} */
    public Settings settings() {
        return settings;
    }

    /** {@return the profile's grids, one per workload} */
    public List<Grid> grids() {
        return grids;
    }

    /** {@return the id used on the command line, e.g. {@code quick}} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@return the points of this profile for {@code models} that {@code include} accepts}:
     * workload by workload, each grid point for each model, leaving out fan-out points of models
     * that {@code runsFanout} rejects (asked only about included points)
     */
    public List<Point> points(List<String> models, Predicate<Point> include, Predicate<String> runsFanout) {
        List<Point> points = new ArrayList<>();
        for (Grid grid : grids) {
            for (Map<String, String> values : grid.values()) {
                for (String model : models) {
                    Map<String, String> params = new TreeMap<>(values);
                    params.put("model", model);
                    Point point = new Point(Point.benchmarkOf(grid.kind()), params);
                    if (include.test(point) && (grid.kind() != WorkloadKind.FANOUT || runsFanout.test(model))) {
                        points.add(point);
                    }
                }
            }
        }
        return List.copyOf(points);
    }

    /** {@return about how long {@code points} points take with these settings} */
    public Duration estimate(int points) {
        double perPoint = settings.forks() * (settings.warmupIterations() * settings.warmupTime().toMillis()
                + settings.measurementIterations() * settings.measurementTime().toMillis()) / 1e3 + OVERHEAD_SECONDS;
        return Duration.ofMillis(Math.round(points * perPoint * 1e3));
    }

    /**
     * A profile's JMH settings.
     *
     * @param forks                 forked JVMs per point
     * @param warmupIterations      unmeasured iterations per fork
     * @param warmupTime            each warm-up iteration's time
     * @param measurementIterations measured iterations per fork
     * @param measurementTime       each measured iteration's time
     * @param heap                  the forked JVM's heap, as {@code -Xms}/{@code -Xmx} take it
     */
    public record Settings(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                           Duration measurementTime, String heap) {
    }

    /**
     * One workload's parameter grid; the points are every combination.
     *
     * @param kind        the workload, which names the benchmark
     * @param concurrency values of {@code concurrency}
     * @param ioMillis    values of {@code ioMillis}
     * @param cpuMicros   values of {@code cpuMicros}
     * @param fanout      values of {@code fanout} (fan-out only; empty otherwise)
     */
    public record Grid(WorkloadKind kind, List<Integer> concurrency, List<Integer> ioMillis, List<Integer> cpuMicros,
                       List<Integer> fanout) {

        /** {@return every combination of the values, without the model} */
        List<Map<String, String>> values() {
            List<Map<String, String>> all = new ArrayList<>();
            List<Integer> fanouts = fanout.isEmpty() ? java.util.Collections.singletonList(null) : fanout;
            for (int c : concurrency) {
                for (int io : ioMillis) {
                    for (int cpu : cpuMicros) {
                        for (Integer k : fanouts) {
                            Map<String, String> v = new TreeMap<>();
                            v.put("concurrency", Integer.toString(c));
                            v.put("ioMillis", Integer.toString(io));
                            v.put("cpuMicros", Integer.toString(cpu));
                            if (k != null) {
                                v.put("fanout", Integer.toString(k));
                            }
                            all.add(v);
                        }
                    }
                }
            }
            return all;
        }
    }

    /**
     * One benchmark run with one parameter set: what the {@code run} command hands to one JMH run.
     *
     * @param benchmark the full JMH benchmark name, e.g. {@code dev.crossover.benchmarks.SleepBenchmark.run}
     * @param params    every param, sorted by key
     */
    public record Point(String benchmark, Map<String, String> params) {
        public Point {
            params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        }

        /** {@return the JMH benchmark that runs {@code kind}} */
        static String benchmarkOf(WorkloadKind kind) {
            Class<?> type = switch (kind) {
                case SLEEP -> SleepBenchmark.class;
                case CPU -> CpuBenchmark.class;
                case MIXED -> MixedBenchmark.class;
                case FANOUT -> FanoutBenchmark.class;
            };
            return type.getName() + ".run";
        }

        /** {@return the point's id, {@code benchmark@k1=v1,k2=v2}: its latency log's name without extension} */
        public String id() {
            String name = LatencyLog.fileName(benchmark, params);
            return name.substring(0, name.length() - LatencyLog.EXTENSION.length());
        }

        /** {@return the benchmark's short name and params, for progress lines} */
        public String label() {
            String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.length() - 5) + 1);
            StringBuilder s = new StringBuilder(simple);
            params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
            return s.toString();
        }
    }
}
