package dev.crossover.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crossover.core.Driver;
import dev.crossover.server.ServerStats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What one point's trial really ran, written by the forked JVM when the trial ends, beside the
 * latency log: {@code DIR/points/<benchmark>@<k1>=<v1>,....json}, named as {@link LatencyLog}
 * names its files (the full benchmark name, then every JMH param sorted by key).
 *
 * <h2>Format</h2>
 * One JSON object (the contract with the {@code reports} module): {@code benchmark},
 * {@code params} (every JMH param), {@code mode} ({@code closed} or {@code open}),
 * {@code concurrency}, {@code maxInFlight}, {@code cpuUnits}, {@code cpuNanosPerTask},
 * {@code startupMillis}, {@code invocations}; when a measured task finished,
 * {@code cpuNanosPerTaskMeasured}, {@code cpuSecondsMeasured} and {@code tasksMeasured};
 * {@code latencyMicros} and {@code serviceMicros} ({@code p50, p90, p99, p999, max}: from each
 * measured task's intended start, and from when the model began it), {@code latenessMicros}
 * ({@code p50, p99, max, count}: how much later than asked each wait ended), for an open loop
 * {@code lagMicros} ({@code p99, max}), {@code offeredRate}, {@code achievedRate} and
 * {@code rejected}; {@code verification} ({@code method, checked, passed}) and
 * {@code methodVersion}; {@code forks}, one entry per fork that ran the point ({@code tasksMeasured},
 * {@code measuredNanos}, {@code cpuNanosPerTaskMeasured}, {@code latencyP99Micros},
 * {@code serviceP99Micros}, {@code rejected}, {@code failedTasks} and {@code failedLatencyP50Micros}, the
 * median time to a failed task's outcome: the per-fork values a comparison needs). The four histograms themselves are kept too (compressed, base64, under
 * {@code histograms}), so that when several forks run a point, each merges its trial into the
 * file exactly: the histograms added, the highest in flight, the slowest start-up, the sums of
 * the invocations, measured CPU time, tasks and checked tasks, every verification's verdict.
 * After the point's last fork, the {@code run} command adds what other processes took of the CPU
 * during the point, in cores on average: {@code otherCpuCores}, {@code stealCpuCores},
 * {@code ownCpuCores} and {@code busy} (above the run's {@code busyThresholdCores}); {@link #read}
 * ignores them. A point that ran against the delay server carries its figures too, {@code server}
 * ({@link #serverFields}: its answers per second and its lateness over the asked delay in the
 * measured window).
 *
 * <h2>Measured CPU time</h2>
 * {@code cpuSecondsMeasured} is the CPU time {@link CpuTime} saw during the measured iterations
 * only: the forked JVM's whole process plus its descendant processes (the processes models'
 * workers). It includes JMH's own harness, the fork's GC and JIT threads and the model's idle
 * threads: an upper bound of the model's cost, not its exact share.
 * The directory reaches the forked JVM through the system property {@value #DIR_PROPERTY}; without
 * it (a plain {@code java -jar benchmarks.jar SleepBenchmark}) nothing is written.
 *
 * @param benchmark        the full JMH benchmark name
 * @param params           every JMH param, sorted by key
 * @param open             whether the point ran an open loop
 * @param concurrency      the point's concurrency C (closed loop) or cap on in flight (open loop)
 * @param maxInFlight      the most tasks in flight
 * @param cpuUnits         kernel units each task computed (nominal)
 * @param cpuNanosPerTask  the nominal CPU time of those units by the kernel's calibration
 * @param startupMillis    how long the model took to be ready
 * @param invocations      measured invocations
 * @param cpuNanosMeasured CPU nanoseconds of this JVM and its descendants in the measured iterations
 * @param tasksMeasured    tasks finished in the measured iterations
 * @param measuredNanos    wall time of the measured iterations
 * @param rejected         open loop: arrivals refused at the cap in the measured iterations
 * @param offeredRate      open loop: arrivals per second; NaN for a closed loop
 * @param histograms       latency, service, lateness and lag of the measured iterations
 * @param method           how the trial's work was checked: {@code full} or {@code sample}
 * @param checked          tasks the check recomputed
 * @param passed           whether every check held
 */
public record PointSummary(String benchmark, Map<String, String> params, boolean open, int concurrency,
                           int maxInFlight, long cpuUnits, long cpuNanosPerTask, double startupMillis, int invocations,
                           long cpuNanosMeasured, long tasksMeasured, long measuredNanos, long rejected,
                           double offeredRate, Histograms histograms, String method, long checked, boolean passed) {
    /** The system property naming the directory the forked JVMs write the summaries to. */
    public static final String DIR_PROPERTY = "crossover.pointsDir";
    /** The files' extension. */
    public static final String EXTENSION = ".json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The histograms of the measured iterations, in nanoseconds ({@code failures}: the failed tasks' latencies alone). */
    public record Histograms(Histogram latency, Histogram service, Histogram lateness, Histogram lag, Histogram failures) {
        /** Without the failed tasks' own histogram (a file written before it was kept). */
        public Histograms(Histogram latency, Histogram service, Histogram lateness, Histogram lag) {
            this(latency, service, lateness, lag, new Histogram(3));
        }

        static Histograms empty() {
            return new Histograms(new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3));
        }

        void add(dev.crossover.core.Histograms h) {
            latency.add(h.latency());
            service.add(h.service());
            lateness.add(h.lateness());
            lag.add(h.lag());
            failures.add(h.failures());
        }

        Histograms merge(Histograms other) {
            Histograms sum = empty();
            for (Histograms h : new Histograms[] {this, other}) {
                sum.latency.add(h.latency);
                sum.service.add(h.service);
                sum.lateness.add(h.lateness);
                sum.lag.add(h.lag);
                sum.failures.add(h.failures);
            }
            return sum;
        }
    }

    public PointSummary {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(histograms, "histograms");
        Objects.requireNonNull(method, "method");
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** {@return measured CPU nanoseconds per finished task}, or -1 when no task was measured */
    public long cpuNanosPerTaskMeasured() {
        return CpuTime.perTask(cpuNanosMeasured, tasksMeasured);
    }

    /**
     * {@return the file name for {@code benchmark} run with {@code params}}
     * @throws IllegalArgumentException if a key or value holds a character other than letters, digits, '.', '_', '-'
     */
    public static String fileName(String benchmark, Map<String, String> params) {
        return LatencyLog.baseName(benchmark, params) + EXTENSION;
    }

    /** {@return the summary file for this trial}, or {@code null} when {@value #DIR_PROPERTY} is not set */
    static Path fileFor(BenchmarkParams params) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return null;
        }
        return Path.of(dir).resolve(fileName(params.getBenchmark(), LatencyLog.paramsOf(params)));
    }

    /** {@return this trial merged with an earlier fork's {@code other} of the same point} */
    PointSummary merge(PointSummary other) {
        return new PointSummary(benchmark, params, open, concurrency, Math.max(maxInFlight, other.maxInFlight),
                cpuUnits, cpuNanosPerTask, Math.max(startupMillis, other.startupMillis), invocations + other.invocations,
                cpuNanosMeasured + other.cpuNanosMeasured, tasksMeasured + other.tasksMeasured,
                measuredNanos + other.measuredNanos, rejected + other.rejected, offeredRate,
                histograms.merge(other.histograms), method.equals(other.method) ? method : "sample",
                checked + other.checked, passed && other.passed);
    }

    /**
     * Writes this summary to {@code file}, merged with the one an earlier fork left there.
     *
     * @throws IOException if the file cannot be read or written
     */
    void writeMerged(Path file) throws IOException {
        writeMerged(file, null);
    }

    /**
     * Writes this summary to {@code file}, merged with the one an earlier fork left there, with the
     * delay server's own figures of this trial ({@code server}; null when the point had no server),
     * merged with the earlier forks' ({@link ServerStats#merge}).
     *
     * @throws IOException if the file cannot be read or written
     */
    void writeMerged(Path file, ServerStats server) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean earlier = Files.exists(file);
        PointSummary merged = earlier ? merge(read(file)) : this;
        List<Object> forks = new java.util.ArrayList<>(earlier ? forksIn(file) : List.of());
        forks.add(forkFigures());
        Map<String, Object> fields = merged.fields();
        fields.put("forks", forks);
        ServerStats before = earlier ? serverIn(file) : null;
        ServerStats all = before == null ? server : server == null ? before : before.merge(server);
        if (all != null) {
            fields.put("server", serverFields(all));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(fields) + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * {@return the {@code server} object of a summary}: {@code answered}, {@code elapsedSeconds},
     * {@code requestsPerSecond} and the lateness over the asked delay ({@code latenessP50Micros},
     * {@code latenessP99Micros}, {@code latenessMaxMicros}; over several forks, the worst fork's)
     */
    static Map<String, Object> serverFields(ServerStats s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("answered", s.answered());
        f.put("elapsedSeconds", s.elapsedSeconds());
        f.put("requestsPerSecond", s.requestsPerSecond());
        f.put("latenessP50Micros", s.latenessP50Micros());
        f.put("latenessP99Micros", s.latenessP99Micros());
        f.put("latenessMaxMicros", s.latenessMaxMicros());
        return f;
    }

    /** {@return the server's figures an earlier fork left in {@code file}}, null when it has none */
    @SuppressWarnings("unchecked")
    static ServerStats serverIn(Path file) throws IOException {
        Object server = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { }).get("server");
        if (!(server instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Object> f = (Map<String, Object>) m;
        try {
            return new ServerStats(num(f, "answered").longValue(), num(f, "elapsedSeconds").doubleValue(),
                    num(f, "latenessP50Micros").doubleValue(), num(f, "latenessP99Micros").doubleValue(),
                    num(f, "latenessMaxMicros").doubleValue());
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a server object (" + e + ")", e);
        }
    }

    /** {@return the per-fork figures an earlier fork left in {@code file}}, empty when it has none */
    @SuppressWarnings("unchecked")
    private static List<Object> forksIn(Path file) throws IOException {
        Object forks = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { }).get("forks");
        return forks instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /**
     * {@return this trial's own figures, one entry of the file's {@code forks}}: measured CPU per task,
     * tasks, and the p99 of latency and service time, so that a claim on them has one value per fork
     */
    private Map<String, Object> forkFigures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tasksMeasured", tasksMeasured);
        f.put("measuredNanos", measuredNanos);
        f.put("cpuNanosPerTaskMeasured", cpuNanosPerTaskMeasured());
        f.put("latencyP99Micros", micros(histograms.latency, 99));
        f.put("serviceP99Micros", micros(histograms.service, 99));
        f.put("rejected", rejected);
        f.put("failedTasks", histograms.failures.getTotalCount());
        f.put("failedLatencyP50Micros", micros(histograms.failures, 50));
        return f;
    }

    /** {@return the summary in {@code file}} @throws IOException if it cannot be read or is not one */
    @SuppressWarnings("unchecked")
    public static PointSummary read(Path file) throws IOException {
        Map<String, Object> f = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        try {
            Map<String, String> params = (Map<String, String>) f.get("params");
            boolean cpu = f.get("tasksMeasured") != null;
            Map<String, String> h = (Map<String, String>) f.get("histograms");
            Map<String, Object> v = (Map<String, Object>) f.get("verification");
            return new PointSummary((String) f.get("benchmark"), params, "open".equals(f.get("mode")),
                    num(f, "concurrency").intValue(), num(f, "maxInFlight").intValue(), num(f, "cpuUnits").longValue(),
                    num(f, "cpuNanosPerTask").longValue(), num(f, "startupMillis").doubleValue(),
                    num(f, "invocations").intValue(),
                    cpu ? Math.round(num(f, "cpuSecondsMeasured").doubleValue() * 1e9) : 0,
                    cpu ? num(f, "tasksMeasured").longValue() : 0, num(f, "measuredNanos").longValue(),
                    f.get("rejected") == null ? 0 : num(f, "rejected").longValue(),
                    f.get("offeredRate") == null ? Double.NaN : num(f, "offeredRate").doubleValue(),
                    new Histograms(decode(h.get("latency")), decode(h.get("service")), decode(h.get("lateness")),
                            decode(h.get("lag")), h.get("failures") == null ? new Histogram(3) : decode(h.get("failures"))),
                    (String) v.get("method"), ((Number) v.get("checked")).longValue(), (Boolean) v.get("passed"));
        } catch (RuntimeException | DataFormatException e) {
            throw new IOException(file + ": not a point summary (" + e + ")", e);
        }
    }

    private static Number num(Map<String, Object> f, String key) {
        return (Number) Objects.requireNonNull(f.get(key), key);
    }

    private Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("benchmark", benchmark);
        f.put("params", params);
        f.put("mode", open ? "open" : "closed");
        f.put("concurrency", concurrency);
        f.put("maxInFlight", maxInFlight);
        f.put("cpuUnits", cpuUnits);
        f.put("cpuNanosPerTask", cpuNanosPerTask);
        f.put("startupMillis", startupMillis);
        f.put("invocations", invocations);
        f.put("measuredNanos", measuredNanos);
        if (tasksMeasured > 0) {
            f.put("cpuNanosPerTaskMeasured", cpuNanosPerTaskMeasured());
            f.put("cpuSecondsMeasured", cpuNanosMeasured / 1e9);
            f.put("tasksMeasured", tasksMeasured);
        }
        f.put("latencyMicros", percentiles(histograms.latency));
        f.put("serviceMicros", percentiles(histograms.service));
        Map<String, Object> late = new LinkedHashMap<>();
        late.put("p50", micros(histograms.lateness, 50));
        late.put("p99", micros(histograms.lateness, 99));
        late.put("max", histograms.lateness.getMaxValue() / 1e3);
        late.put("count", histograms.lateness.getTotalCount());
        f.put("latenessMicros", late);
        if (open) {
            Map<String, Object> lag = new LinkedHashMap<>();
            lag.put("p99", micros(histograms.lag, 99));
            lag.put("max", histograms.lag.getMaxValue() / 1e3);
            f.put("lagMicros", lag);
            f.put("offeredRate", offeredRate);
            f.put("achievedRate", measuredNanos > 0 ? tasksMeasured / (measuredNanos / 1e9) : Double.NaN);
            f.put("rejected", rejected);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("method", method);
        v.put("checked", checked);
        v.put("passed", passed);
        f.put("verification", v);
        f.put("methodVersion", Driver.METHOD_VERSION);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("latency", encode(histograms.latency));
        h.put("service", encode(histograms.service));
        h.put("lateness", encode(histograms.lateness));
        h.put("lag", encode(histograms.lag));
        h.put("failures", encode(histograms.failures));
        f.put("histograms", h);
        return f;
    }

    /** {@return {@code p50, p90, p99, p999, max} of {@code h} in microseconds}, zeros when it is empty */
    public static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("p50", micros(h, 50));
        p.put("p90", micros(h, 90));
        p.put("p99", micros(h, 99));
        p.put("p999", micros(h, 99.9));
        p.put("max", h.getMaxValue() / 1e3);
        return p;
    }

    /** {@return the value at {@code percentile} of {@code h} in microseconds}, 0 when it is empty */
    public static double micros(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
    }

    private static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    private static Histogram decode(String base64) throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    }
}
