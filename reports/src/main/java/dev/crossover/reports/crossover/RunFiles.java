package dev.crossover.reports.crossover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crossover.reports.BadInputException;
import dev.crossover.reports.jmh.At;
import dev.crossover.reports.jmh.JmhParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files a Crossover run writes beside its {@code results.json}: the latency logs
 * ({@code latency/*.hlog}), one record per point ({@code points/*.json}) and the points without a
 * result ({@code failures.json}). Each is optional.
 *
 * <p>They belong to a file named {@code results.json} only: any other JMH file in the same
 * directory is another run, and gets none of them (nor the directory's {@code environment.json}).
 *
 * @param latency        latency percentiles by benchmark and params
 * @param points         the point records by benchmark and params
 * @param failures       the failed and excluded points, in file order
 * @param methodVersions the method versions the point records state, the first record of each (one entry
 *                       when they agree; a record without {@code methodVersion} implies 1); empty without records
 */
public record RunFiles(Map<LatencyLogs.Key, Latency> latency, Map<LatencyLogs.Key, Sidecar> points,
                       List<Failure> failures, List<MethodVersions.Stated> methodVersions) {
    /** The name of the JMH file the run-directory files belong to. */
    public static final String RESULTS = "results.json";
    /** No files: a JMH file that is not a Crossover run's results.json. */
    public static final RunFiles NONE = new RunFiles(Map.of(), Map.of(), List.of(), List.of());

    public RunFiles {
        latency = Map.copyOf(latency);
        points = Map.copyOf(points);
        failures = List.copyOf(failures);
        methodVersions = List.copyOf(methodVersions);
    }

    /** Run files whose point records state no method version. */
    public RunFiles(Map<LatencyLogs.Key, Latency> latency, Map<LatencyLogs.Key, Sidecar> points, List<Failure> failures) {
        this(latency, points, failures, List.of());
    }

    /** {@return true if {@code file} is named results.json, so the files beside it are its own} */
    public static boolean ownsDirectory(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals(RESULTS);
    }

    /** {@return the files beside {@code resultsFile}; {@link #NONE} unless it is named results.json} @throws BadInputException naming the file that is malformed */
    public static RunFiles near(Path resultsFile) {
        Path dir = resultsFile.toAbsolutePath().getParent();
        if (!ownsDirectory(resultsFile) || dir == null) {
            return NONE;
        }
        List<MethodVersions.Stated> versions = new ArrayList<>();
        Map<LatencyLogs.Key, Sidecar> points = points(dir.resolve("points"), versions);
        return new RunFiles(LatencyLogs.in(dir.resolve("latency")), points, failures(dir.resolve("failures.json")),
                MethodVersions.distinct(versions));
    }

    /** {@return the point records in {@code dir} (a run's {@code points/}), by benchmark and params; empty when it does not exist} @throws BadInputException naming a malformed file */
    public static Map<LatencyLogs.Key, Sidecar> points(Path dir) {
        return points(dir, new ArrayList<>());
    }

    /** {@return the point records in {@code dir}}, adding the method version each states (or implies) to {@code versions} */
    static Map<LatencyLogs.Key, Sidecar> points(Path dir, List<MethodVersions.Stated> versions) {
        Map<LatencyLogs.Key, Sidecar> out = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot list: " + e, e);
        }
        for (Path file : files) {
            At root = At.root(file, JmhParser.readTree(file)).requireObject();
            Sidecar s = sidecar(root);
            versions.add(new MethodVersions.Stated(s.steady().methodVersion(), file, root.optional("methodVersion").isEmpty()));
            if (out.putIfAbsent(s.key(), s) != null) {
                throw new BadInputException(file, "a second record for " + s.benchmark() + " " + s.params()
                        + " (expected: one file per point)");
            }
        }
        return out;
    }

    /**
     * Reads either shape: before method 2 with {@code batchTasks} and {@code reachedConcurrency}, since
     * without them and with {@link SteadyState}'s fields; {@code concurrency} may be absent only in an
     * open loop's record.
     */
    private static Sidecar sidecar(At o) {
        SteadyState steady = SteadyState.read(o);
        int concurrency = steady.isOpen() ? o.optional("concurrency").map(At::integer).orElse(0)
                : o.field("concurrency").integer();
        return new Sidecar(o.field("benchmark").text(), params(o.field("params")),
                o.optional("batchTasks").map(At::integer).orElse(-1), concurrency,
                o.optional("reachedConcurrency").map(At::bool).orElse(true), o.field("maxInFlight").integer(),
                o.field("cpuUnits").longInteger(), o.field("cpuNanosPerTask").longInteger(),
                o.field("startupMillis").number(), o.field("invocations").integer(),
                o.optional("cpuNanosPerTaskMeasured").map(At::longInteger).orElse(-1L),
                o.optional("cpuSecondsMeasured").map(At::number).orElse(Double.NaN), steady, forks(o),
                o.optional("server").map(RunFiles::server).orElse(null));
    }

    /** {@return the delay server's figures ({@code server}: answered, requests/s, lateness p50/p99/max in µs)} */
    private static Sidecar.Server server(At s) {
        s.requireObject();
        return new Sidecar.Server(s.field("answered").longInteger(), s.field("requestsPerSecond").number(),
                s.field("latenessP50Micros").number(), s.field("latenessP99Micros").number(),
                s.field("latenessMaxMicros").number());
    }

    /** {@return the record's per-fork figures ({@code forks}), empty when absent} */
    private static List<Sidecar.Fork> forks(At o) {
        List<Sidecar.Fork> out = new ArrayList<>();
        o.optional("forks").ifPresent(a -> {
            a.requireArray();
            for (int i = 0; i < a.json().size(); i++) {
                At f = a.element(i).requireObject();
                out.add(new Sidecar.Fork(f.optional("cpuNanosPerTaskMeasured").map(At::longInteger).orElse(-1L),
                        f.optional("latencyP99Micros").map(At::number).orElse(Double.NaN),
                        f.optional("serviceP99Micros").map(At::number).orElse(Double.NaN),
                        f.optional("failedTasks").map(At::longInteger).orElse(0L),
                        f.optional("failedLatencyP50Micros").map(At::number).orElse(Double.NaN)));
            }
        });
        return out;
    }

    static List<Failure> failures(Path file) {
        List<Failure> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        At root = At.root(file, JmhParser.readTree(file)).requireArray();
        for (int i = 0; i < root.json().size(); i++) {
            At f = root.element(i).requireObject();
            At status = f.field("status");
            Failure.Status s = switch (status.text()) {
                case "failed" -> Failure.Status.FAILED;
                case "excluded" -> Failure.Status.EXCLUDED;
                default -> throw status.bad("status \"" + status.text() + "\" (expected: failed or excluded)");
            };
            out.add(new Failure(f.field("benchmark").text(), params(f.field("params")), s, f.field("message").text()));
        }
        return out;
    }

    private static TreeMap<String, String> params(At p) {
        TreeMap<String, String> params = new TreeMap<>();
        p.fields().forEach((k, v) -> params.put(k, v.scalar()));
        return params;
    }
}
