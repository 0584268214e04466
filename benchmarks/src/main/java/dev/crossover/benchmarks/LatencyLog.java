package dev.crossover.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Per-task latency files: one HdrHistogram log per benchmark and parameter set, beside the JMH JSON.
 *
 * <p>The name is {@code <benchmark>@<k1>=<v1>,<k2>=<v2>,....hlog}: the full JMH benchmark name
 * (e.g. {@code dev.crossover.benchmarks.SleepBenchmark.run}), then every parameter sorted by key.
 * The {@code reports} module finds a result's latency by this name. Values are in nanoseconds;
 * each fork appends one interval holding all its measurement iterations (no warm-up).
 * The directory reaches the forked JVM through the system property {@value #DIR_PROPERTY}; without
 * it (a plain {@code java -jar benchmarks.jar SleepBenchmark}) nothing is written.
 */
public final class LatencyLog {
    /** The system property naming the directory the forked JVMs write latency logs to. */
    public static final String DIR_PROPERTY = "crossover.latencyDir";
    /** The files' extension. */
    public static final String EXTENSION = ".hlog";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private LatencyLog() {
    }

    /**
     * {@return the file name for {@code benchmark} run with {@code params}}
     * @throws IllegalArgumentException if a key or value holds a character other than letters, digits, '.', '_', '-'
     */
    public static String fileName(String benchmark, Map<String, String> params) {
        return baseName(benchmark, params) + EXTENSION;
    }

    /**
     * {@return the point's name, {@code <benchmark>@<k1>=<v1>,...}, without extension}: the name of
     * its latency log and of its {@link PointSummary}
     * @throws IllegalArgumentException if a key or value holds a character other than letters, digits, '.', '_', '-'
     */
    public static String baseName(String benchmark, Map<String, String> params) {
        Objects.requireNonNull(benchmark, "benchmark");
        Map<String, String> sorted = new TreeMap<>(params);
        sorted.forEach((k, v) -> {
            if (!SAFE.matcher(k).matches() || !SAFE.matcher(v).matches()) {
                throw new IllegalArgumentException("param: " + k + "=" + v
                        + " (expected: letters, digits, '.', '_' and '-' only)");
            }
        });
        return benchmark + "@" + sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** {@return the log file for this trial}, or {@code null} when {@value #DIR_PROPERTY} is not set */
    static Path fileFor(BenchmarkParams params) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return null;
        }
        return Path.of(dir).resolve(fileName(params.getBenchmark(), paramsOf(params)));
    }

    /** {@return every JMH param of the trial, sorted by key} */
    static Map<String, String> paramsOf(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        for (String key : params.getParamsKeys()) {
            values.put(key, params.getParam(key));
        }
        return values;
    }

    /**
     * Appends {@code histogram} as one interval to {@code file}, writing the log's header first
     * when the file is new or empty.
     *
     * @throws IOException if the file cannot be written
     */
    static void append(Path file, Histogram histogram) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(print);
            if (fresh) {
                writer.outputComment("Per-task latency in nanoseconds, admission to completion: " + file.getFileName());
                writer.outputLogFormatVersion();
                writer.outputStartTime(histogram.getStartTimeStamp());
                writer.outputLegend();
            }
            writer.outputIntervalHistogram(histogram);
            print.flush();
        }
    }
}
