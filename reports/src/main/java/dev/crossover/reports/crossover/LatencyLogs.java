package dev.crossover.reports.crossover;

import dev.crossover.reports.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads the latency logs of a Crossover run directory (see {@link RunFiles} for which JMH file they belong to): {@code latency/<benchmark>@<k1>=<v1>,<k2>=<v2>.hlog},
 * params sorted by key, written by HdrHistogram's {@code HistogramLogWriter} with values in
 * nanoseconds. A log's interval histograms are added up.
 */
public final class LatencyLogs {
    private LatencyLogs() {
    }

    /** Which benchmark and params a log belongs to. */
    public record Key(String benchmark, SortedMap<String, String> params) {
    }

    /** {@return the logs in {@code latency}, by benchmark and params; empty when there is no such directory} @throws BadInputException for an unreadable log */
    public static Map<Key, Latency> in(Path latency) {
        Map<Key, Latency> out = new HashMap<>();
        if (!Files.isDirectory(latency)) {
            return out;
        }
        List<Path> logs;
        try (Stream<Path> files = Files.list(latency)) {
            logs = files.filter(f -> f.getFileName().toString().endsWith(".hlog")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(latency, "cannot list: " + e, e);
        }
        for (Path log : logs) {
            Key key = key(log.getFileName().toString());
            if (key != null) {
                out.put(key, Latency.ofNanos(read(log)));
            }
        }
        return out;
    }

    /** {@return the key a log's file name encodes, or null if it does not follow the pattern} */
    static Key key(String fileName) {
        String stem = fileName.substring(0, fileName.length() - ".hlog".length());
        int at = stem.indexOf('@');
        String benchmark = at < 0 ? stem : stem.substring(0, at);
        SortedMap<String, String> params = new TreeMap<>();
        if (at >= 0 && at + 1 < stem.length()) {
            for (String pair : stem.substring(at + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    return null;
                }
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new Key(benchmark, params);
    }

    /** {@return all interval histograms of the log, added up} */
    static Histogram read(Path log) {
        Histogram sum = new Histogram(3);
        int intervals = 0;
        try {
            HistogramLogReader reader = new HistogramLogReader(log.toFile());
            for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
                if (!(h instanceof Histogram histogram)) {
                    throw new BadInputException(log, "holds a " + h.getClass().getSimpleName()
                            + " (expected: integer Histogram of nanoseconds)");
                }
                sum.add(histogram);
                intervals++;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(log, "not a readable HdrHistogram log: " + e, e);
        }
        if (intervals == 0) {
            throw new BadInputException(log, "holds no interval histogram (expected: HistogramLogWriter output)");
        }
        return sum;
    }
}
