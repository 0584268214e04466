package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import dev.crossover.reports.jmh.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds points with chosen fork means, as a run of several JMH forks reads: the metric's
 * {@code forks} is the number of fork means and {@code rawData} holds one row per fork (each row
 * three iterations whose mean is the fork's mean), so {@link Estimate#forkMeans} gives back exactly
 * the means given here.
 */
public final class TestPoints {
    /** The run every point belongs to: 4 cores. */
    public static final Source SOURCE = new Source(Path.of("results.json"), "run", Map.of("cores", "4"));
    /** The benchmarks' package. */
    public static final String PKG = "dev.crossover.benchmarks.";

    private TestPoints() {
    }

    /** {@return a throughput metric whose forks have these means} (NaN-free; three iterations per fork: m − 1%, m, m + 1%) */
    public static Metric forks(double... means) {
        List<Double> raw = new ArrayList<>();
        for (double m : means) {
            raw.add(m * 0.99);
            raw.add(m);
            raw.add(m * 1.01);
        }
        double score = Arrays.stream(means).average().orElse(Double.NaN);
        return new Metric(score, Double.NaN, Double.NaN, Double.NaN, "ops/s", new TreeMap<>(), raw.size(), raw, means.length);
    }

    /** {@return the params of a closed-loop point} */
    public static TreeMap<String, String> params(String model, int c, double io, double cpu) {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("concurrency", Integer.toString(c));
        params.put("cpuMicros", trim(cpu));
        params.put("ioMillis", trim(io));
        params.put("model", model);
        return params;
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    /** {@return a closed-loop point whose throughput forks have these means, in {@link #SOURCE}} */
    public static Point point(String workload, String model, int c, double io, double cpu, double... forkMeans) {
        return point(SOURCE, workload, model, c, io, cpu, forkMeans);
    }

    /** {@return a closed-loop point of {@code source} whose throughput forks have these means} */
    public static Point point(Source source, String workload, String model, int c, double io, double cpu, double... forkMeans) {
        return point(source, workload, model, c, io, cpu, Map.of(), forkMeans);
    }

    /** {@return a closed-loop point of {@code source} with {@code extra} params, whose throughput forks have these means} */
    public static Point point(Source source, String workload, String model, int c, double io, double cpu,
                              Map<String, String> extra, double... forkMeans) {
        Metric completed = forks(forkMeans);
        TreeMap<String, String> params = params(model, c, io, cpu);
        params.putAll(extra);
        JmhResult r = new JmhResult(source, 0, PKG + Character.toUpperCase(workload.charAt(0)) + workload.substring(1)
                + "Benchmark.run", "thrpt", 1, forkMeans.length, "25", params,
                Metric.of(1, 1, 1, "ops/s"), Map.of("completed", completed));
        return Points.of(r, RunFiles.NONE).orElseThrow();
    }

    /** {@return three fork means around {@code mean}: mean × (1 − spread), mean, mean × (1 + spread)} */
    public static double[] around(double mean, double spread) {
        return new double[] {mean * (1 - spread), mean, mean * (1 + spread)};
    }

    /** {@return {@code p} with a run record whose forks measured these p99s (µs from intended start)} */
    public static Point withForkP99(Point p, double... p99Micros) {
        List<Sidecar.Fork> forks = Arrays.stream(p99Micros).mapToObj(x -> new Sidecar.Fork(-1, x, x)).toList();
        return withSidecar(p, sidecar(p.result(), p.concurrency(), p.concurrency(), -1, forks));
    }

    /** {@return {@code p} with a run record whose forks' failed tasks took these median times to their outcome (µs)} */
    public static Point withForkFailures(Point p, double... failedP50Micros) {
        List<Sidecar.Fork> forks = Arrays.stream(failedP50Micros).mapToObj(x -> new Sidecar.Fork(-1, x, x, 10, x)).toList();
        return withSidecar(p, sidecar(p.result(), p.concurrency(), p.concurrency(), -1, forks));
    }

    /** {@return {@code p} (an http point) with a run record whose delay server answered this late at its median (µs; p99 twice that)} */
    public static Point withServerLateness(Point p, double latenessP50Micros) {
        double latenessP99Micros = 2 * latenessP50Micros;
        Sidecar s = sidecar(p.result(), p.concurrency(), p.concurrency(), -1, List.of());
        return withSidecar(p, new Sidecar(s.benchmark(), s.params(), s.batchTasks(), s.concurrency(), s.reachedConcurrency(),
                s.maxInFlight(), s.cpuUnits(), s.cpuNanosPerTask(), s.startupMillis(), s.invocations(),
                s.cpuNanosPerTaskMeasured(), s.cpuSecondsMeasured(), s.steady(), s.forks(),
                new Sidecar.Server(1000, p.rate(), latenessP50Micros, latenessP99Micros, latenessP99Micros * 2)));
    }

    /** {@return {@code p} with a run record saying at most {@code maxInFlight} tasks were in flight} */
    public static Point withMaxInFlight(Point p, int maxInFlight) {
        return withSidecar(p, sidecar(p.result(), p.concurrency(), maxInFlight, -1, List.of()));
    }

    /** {@return {@code p} (a point of the null workload) with its measured CPU per task} */
    public static Point withCpu(Point p, long cpuNanosPerTask) {
        return withSidecar(p, sidecar(p.result(), p.concurrency(), p.concurrency(), cpuNanosPerTask, List.of()));
    }

    private static Point withSidecar(Point p, Sidecar s) {
        return new Point(p.result(), p.workload(), p.model(), p.concurrency(), p.ioMillis(), p.cpuMicros(), p.other(),
                p.throughput(), p.failed(), p.ideal(), p.latency(), s);
    }

    private static Sidecar sidecar(JmhResult r, int c, int maxInFlight, long cpuNanos, List<Sidecar.Fork> forks) {
        return new Sidecar(r.benchmark(), r.params(), -1, c, true, maxInFlight, 0, 0, 2.0, 10, cpuNanos,
                cpuNanos < 0 ? Double.NaN : cpuNanos * 1e-6, SteadyState.NONE, forks);
    }

    /**
     * {@return an open-loop point at one fixed {@code rate} (load 0) whose forks measured these CPU
     * times per task (ns; -1 for none) and p99s (µs from intended start)}
     */
    public static LoadPoint open(String workload, String model, double io, double cpu, long rate, Map<String, String> extra,
                                 long[] cpuNanosPerTask, double[] p99Micros) {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("model", model);
        params.put("workload", workload);
        params.put("ioMillis", trim(io));
        params.put("cpuMicros", trim(cpu));
        params.put("rate", Long.toString(rate));
        params.put("load", "0");
        params.putAll(extra);
        int n = Math.max(cpuNanosPerTask.length, p99Micros.length);
        List<Sidecar.Fork> forks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            forks.add(new Sidecar.Fork(i < cpuNanosPerTask.length ? cpuNanosPerTask[i] : -1,
                    i < p99Micros.length ? p99Micros[i] : Double.NaN, i < p99Micros.length ? p99Micros[i] : Double.NaN));
        }
        double[] achieved = new double[n];
        Arrays.fill(achieved, rate);
        Metric completed = forks(achieved);
        JmhResult r = new JmhResult(SOURCE, 0, PKG + "OpenLoopBenchmark.run", "thrpt", 1, n, "25", params,
                Metric.of(1, 1, 1, "ops/s"), Map.of("completed", completed));
        TreeMap<String, String> other = new TreeMap<>(extra);
        Sidecar s = new Sidecar(r.benchmark(), r.params(), -1, 0, true, 100, 0, 0, 2.0, 10, -1, Double.NaN,
                SteadyState.NONE, forks);
        return new LoadPoint(r, workload, model, io, cpu, rate, 0, other, completed, null, s);
    }
}
