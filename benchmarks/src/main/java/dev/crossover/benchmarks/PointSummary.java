package dev.crossover.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What one point's trial really ran, written by the forked JVM when the trial ends, beside the
 * latency log: {@code DIR/points/<benchmark>@<k1>=<v1>,....json}, named as {@link LatencyLog}
 * names its files (the full benchmark name, then every JMH param sorted by key).
 *
 * <h2>Format</h2>
 * One JSON object with these fields (the contract with the {@code reports} module):
 * {@code benchmark}, {@code params} (every JMH param), {@code batchTasks}, {@code concurrency},
 * {@code reachedConcurrency}, {@code maxInFlight}, {@code cpuUnits}, {@code cpuNanosPerTask},
 * {@code startupMillis}, {@code invocations}, and when a measured task finished,
 * {@code cpuNanosPerTaskMeasured}, {@code cpuSecondsMeasured} and {@code tasksMeasured}. When
 * several forks run a point, each merges its trial into the file: the smallest batch, the highest
 * in flight, whether every fork reached the concurrency, the slowest start-up, the sum of the
 * invocations and of the measured CPU time and tasks (CPU per task is their quotient). After the
 * point's last fork, the {@code run} command adds what other processes took of the CPU during the
 * point, in cores on average: {@code otherCpuCores}, {@code stealCpuCores}, {@code ownCpuCores} and
 * {@code busy} (above the run's {@code busyThresholdCores}); {@link #read} ignores them.
 *
 * <h2>Measured CPU time</h2>
 * {@code cpuSecondsMeasured} is the CPU time {@link CpuTime} saw during the measured iterations
 * only (the window of the latency log and of {@code invocations}): the forked JVM's whole process
 * plus its descendant processes (the processes models' workers). It therefore includes JMH's own
 * harness, the fork's GC and JIT threads and the model's idle threads: it is an upper bound of
 * the model's cost, not its exact share. A worker process that died within an iteration is not
 * counted (see {@link CpuTime}). {@code cpuNanosPerTaskMeasured} divides it by the tasks finished
 * (completed or failed) in those iterations, {@code tasksMeasured}.
 * The directory reaches the forked JVM through the system property {@value #DIR_PROPERTY}; without
 * it (a plain {@code java -jar benchmarks.jar SleepBenchmark}) nothing is written.
 *
 * @param benchmark          the full JMH benchmark name
 * @param params             every JMH param, sorted by key
 * @param batchTasks         tasks in the batch each invocation ran
 * @param concurrency        the point's concurrency C
 * @param reachedConcurrency whether the batch held at least C tasks and the measured batches
 *                           reached {@code min(C, batchTasks)} tasks in flight
 * @param maxInFlight        the most tasks in flight seen in a measured batch
 * @param cpuUnits           kernel units each task computed
 * @param cpuNanosPerTask    the nominal CPU time of those units by the kernel's calibration
 * @param startupMillis      how long the model took to be ready (for processes, the pool's start-up)
 * @param invocations        measured invocations (batches)
 * @param cpuNanosMeasured   CPU nanoseconds of this JVM and its descendants in the measured iterations
 * @param tasksMeasured      tasks finished in the measured iterations (0: the CPU time was not measured)
 */
public record PointSummary(String benchmark, Map<String, String> params, int batchTasks, int concurrency,
                           boolean reachedConcurrency, int maxInFlight, long cpuUnits, long cpuNanosPerTask,
                           double startupMillis, int invocations, long cpuNanosMeasured, long tasksMeasured) {
    /** The system property naming the directory the forked JVMs write the summaries to. */
    public static final String DIR_PROPERTY = "crossover.pointsDir";
    /** The files' extension. */
    public static final String EXTENSION = ".json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PointSummary {
        Objects.requireNonNull(benchmark, "benchmark");
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** {@return measured CPU nanoseconds per finished task}, or -1 when no task was measured */
    public long cpuNanosPerTaskMeasured() {
        return CpuTime.perTask(cpuNanosMeasured, tasksMeasured);
    }

    /** {@return whether a trial reached its concurrency}: a batch of at least C tasks and as many in flight as it allows */
    static boolean reached(int concurrency, int batchTasks, int maxInFlight) {
        return batchTasks >= concurrency && maxInFlight == Math.min(concurrency, batchTasks);
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
        return new PointSummary(benchmark, params, Math.min(batchTasks, other.batchTasks), concurrency,
                reachedConcurrency && other.reachedConcurrency, Math.max(maxInFlight, other.maxInFlight), cpuUnits,
                cpuNanosPerTask, Math.max(startupMillis, other.startupMillis), invocations + other.invocations,
                cpuNanosMeasured + other.cpuNanosMeasured, tasksMeasured + other.tasksMeasured);
    }

    /**
     * Writes this summary to {@code file}, merged with the one an earlier fork left there.
     *
     * @throws IOException if the file cannot be read or written
     */
    void writeMerged(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        PointSummary merged = Files.exists(file) ? merge(read(file)) : this;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(merged.fields()) + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@return the summary in {@code file}} @throws IOException if it cannot be read or is not one */
    public static PointSummary read(Path file) throws IOException {
        Map<String, Object> f = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) f.get("params");
            boolean cpu = f.get("tasksMeasured") != null;
            return new PointSummary((String) f.get("benchmark"), params, ((Number) f.get("batchTasks")).intValue(),
                    ((Number) f.get("concurrency")).intValue(), (Boolean) f.get("reachedConcurrency"),
                    ((Number) f.get("maxInFlight")).intValue(), ((Number) f.get("cpuUnits")).longValue(),
                    ((Number) f.get("cpuNanosPerTask")).longValue(), ((Number) f.get("startupMillis")).doubleValue(),
                    ((Number) f.get("invocations")).intValue(),
                    cpu ? Math.round(((Number) f.get("cpuSecondsMeasured")).doubleValue() * 1e9) : 0,
                    cpu ? ((Number) f.get("tasksMeasured")).longValue() : 0);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a point summary (" + e + ")", e);
        }
    }

    private Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("benchmark", benchmark);
        f.put("params", params);
        f.put("batchTasks", batchTasks);
        f.put("concurrency", concurrency);
        f.put("reachedConcurrency", reachedConcurrency);
        f.put("maxInFlight", maxInFlight);
        f.put("cpuUnits", cpuUnits);
        f.put("cpuNanosPerTask", cpuNanosPerTask);
        f.put("startupMillis", startupMillis);
        f.put("invocations", invocations);
        if (tasksMeasured > 0) {
            f.put("cpuNanosPerTaskMeasured", cpuNanosPerTaskMeasured());
            f.put("cpuSecondsMeasured", cpuNanosMeasured / 1e9);
            f.put("tasksMeasured", tasksMeasured);
        }
        return f;
    }
}
