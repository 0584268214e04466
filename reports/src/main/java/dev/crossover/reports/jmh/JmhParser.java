package dev.crossover.reports.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.reports.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses a JMH JSON result file ({@code -rf json}) of any JMH 1.x version.
 *
 * <p>Accepted: modes {@code thrpt}, {@code avgt}, {@code sample}, {@code ss} (any mode string is
 * kept as is), params, secondary metrics with or without the old {@code ·} prefix, numbers written
 * as {@code "NaN"}, {@code "+INF"}, {@code "-INF"}, {@code rawData} and {@code rawDataHistogram},
 * and files from older versions without {@code jmhVersion}, {@code jvm}, {@code params} and the like.
 * Required: a non-empty array of objects, each with {@code benchmark}, {@code mode} and a
 * {@code primaryMetric} holding {@code score} and {@code scoreUnit}.
 *
 * <h2>Errors</h2>
 * Every problem is a {@link BadInputException} whose one-line message names the file and the JSON
 * path (such as {@code $[2].primaryMetric.score}) or, for malformed JSON, the line and column.
 */
public final class JmhParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhParser() {
    }

    /** {@return the entries of {@code file}, labelled with {@code source}} @throws BadInputException if the file is unreadable or malformed */
    public static List<JmhResult> parse(Path file, Source source) {
        return parse(file, readTree(file), source);
    }

    /** {@return the entries of {@code root}, read from {@code file}} @throws BadInputException if it is malformed */
    public static List<JmhResult> parse(Path file, JsonNode root, Source source) {
        if (!root.isArray()) {
            throw new BadInputException(file, "expected a JSON array of JMH results at $, found " + kind(root));
        }
        if (root.isEmpty()) {
            throw new BadInputException(file, "empty array at $ (expected: at least one JMH result)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(entry(new At(file, "$[" + i + "]", root.get(i)), source, i));
        }
        return results;
    }

    /** {@return the JSON tree of {@code file}} @throws BadInputException if it is not readable JSON */
    public static JsonNode readTree(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new BadInputException(file, "empty file (expected: JMH JSON)");
            }
            return root;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadInputException(file, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read: " + e, e);
        }
    }

    private static JmhResult entry(At entry, Source source, int index) {
        entry.requireObject();
        String benchmark = entry.field("benchmark").text();
        String mode = entry.field("mode").text();
        int threads = entry.optional("threads").map(n -> n.integer()).orElse(0);
        int forks = entry.optional("forks").map(n -> n.integer()).orElse(0);
        String jdk = entry.optional("jdkVersion").map(At::text).orElse("");
        TreeMap<String, String> params = new TreeMap<>();
        entry.optional("params").ifPresent(p -> p.fields().forEach((k, v) -> params.put(k, v.scalar())));
        Metric primary = metric(entry.field("primaryMetric"));
        Map<String, Metric> secondary = new LinkedHashMap<>();
        entry.optional("secondaryMetrics").ifPresent(s -> s.fields().forEach(
                (k, v) -> secondary.put(JmhResult.metricName(method(benchmark), k), metric(v))));
        return new JmhResult(source, index, benchmark, mode, threads, forks, jdk, params, primary, secondary);
    }

    private static Metric metric(At m) {
        m.requireObject();
        double score = m.field("score").number();
        String unit = m.field("scoreUnit").text();
        double error = m.optional("scoreError").map(At::number).orElse(Double.NaN);
        double low = Double.NaN;
        double high = Double.NaN;
        var ci = m.optional("scoreConfidence");
        if (ci.isPresent()) {
            At interval = ci.get();
            if (!interval.json().isArray() || interval.json().size() != 2) {
                throw interval.bad("expected [low, high], found " + kind(interval.json()));
            }
            low = interval.element(0).number();
            high = interval.element(1).number();
        }
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        m.optional("scorePercentiles").ifPresent(p -> p.fields().forEach((k, v) -> {
            try {
                percentiles.put(Double.parseDouble(k), v.number());
            } catch (NumberFormatException e) {
                throw p.bad("percentile key \"" + k + "\" is not a number");
            }
        }));
        List<Double> raw = m.optional("rawData").map(JmhParser::rawValues).orElse(List.of());
        long samples = m.optional("rawData").isPresent() ? raw.size()
                : m.optional("rawDataHistogram").map(JmhParser::histogramCount).orElse(0L);
        int forks = m.optional("rawData").or(() -> m.optional("rawDataHistogram"))
                .map(r -> r.requireArray().json().size()).orElse(0);
        return new Metric(score, error, low, high, unit, percentiles, samples, raw, forks);
    }

    /** rawData is [fork][iteration] -> value. */
    private static List<Double> rawValues(At raw) {
        List<Double> values = new ArrayList<>();
        for (int f = 0; f < raw.requireArray().json().size(); f++) {
            At fork = raw.element(f).requireArray();
            for (int i = 0; i < fork.json().size(); i++) {
                values.add(fork.element(i).number());
            }
        }
        return values;
    }

    /** rawDataHistogram is [fork][iteration][bin] -> [value, count]. */
    private static long histogramCount(At raw) {
        long n = 0;
        for (int f = 0; f < raw.requireArray().json().size(); f++) {
            At fork = raw.element(f).requireArray();
            for (int i = 0; i < fork.json().size(); i++) {
                At iteration = fork.element(i).requireArray();
                for (int b = 0; b < iteration.json().size(); b++) {
                    At bin = iteration.element(b).requireArray();
                    if (bin.json().size() != 2) {
                        throw bin.bad("expected [value, count], found " + bin.json().size() + " elements");
                    }
                    bin.element(0).number();
                    n += (long) bin.element(1).number();
                }
            }
        }
        return n;
    }

    private static String method(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** {@return what kind of JSON value {@code n} is, in words} */
    public static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase();
        };
    }
}
