package dev.crossover.reports.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crossover.reports.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads several JMH result files, each with the {@code environment.json} beside it when there is
 * one, and labels each by what tells it from the others (host, JDK, commit, profile, start time).
 */
public final class Sources {
    /** Environment keys that tell runs apart, in the order a label lists them. */
    private static final List<String> DISTINGUISHING =
            List.of("hostname", "forkedJdkVersion", "jdkVersion", "gitCommit", "profile", "startTime");

    private Sources() {
    }

    /** A file's results and its source. */
    public record Loaded(Source source, List<JmhResult> results) {
    }

    /** {@return every file read and labelled} @throws BadInputException if a file (or its environment.json) is malformed */
    public static List<Loaded> load(List<Path> files) {
        List<Source> sources = new ArrayList<>();
        List<JsonNode> trees = new ArrayList<>();
        for (Path file : files) {
            JsonNode tree = JmhParser.readTree(file);
            trees.add(tree);
            sources.add(new Source(file, file.getFileName().toString(), environment(file, tree)));
        }
        List<String> labels = PythonRuns.labels(sources, Sources::labels);
        List<Loaded> loaded = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Source source = sources.get(i).withLabel(labels.get(i));
            loaded.add(new Loaded(source, JmhParser.parse(files.get(i), trees.get(i), source)));
        }
        return loaded;
    }

    /**
     * environment.json beside the file when the file is a run's {@code results.json} (any other
     * JMH file in the directory is another run), then what the JMH file says of its own run.
     */
    static Map<String, String> environment(Path file, JsonNode tree) {
        Map<String, String> env = new LinkedHashMap<>();
        Path dir = file.toAbsolutePath().getParent();
        boolean ownsDirectory = file.getFileName() != null && file.getFileName().toString().equals("results.json");
        Path envFile = dir == null || !ownsDirectory ? null : dir.resolve("environment.json");
        if (envFile != null && Files.isRegularFile(envFile)) {
            At root = At.root(envFile, JmhParser.readTree(envFile)).requireObject();
            root.fields().forEach((key, value) -> put(env, key, value));
        }
        if (tree.isArray() && !tree.isEmpty() && tree.get(0).isObject()) {
            JsonNode first = tree.get(0);
            copy(first, "jmhVersion", env, "jmhVersion");
            copy(first, "jdkVersion", env, "forkedJdkVersion");
            copy(first, "vmName", env, "vmName");
            copy(first, "vmVersion", env, "vmVersion");
        }
        return env;
    }

    /** One environment field, checked when its type is known; objects flatten to {@code key.name}. */
    private static void put(Map<String, String> env, String key, At value) {
        switch (key) {
            case "loadAverageStart", "loadAverageEnd" -> env.put(key, plain(value.number()));
            case "gitDirty" -> env.put(key, Boolean.toString(value.bool()));
            case "modelDefaults" -> value.fields().forEach((id, v) -> env.put(key + "." + id, v.text()));
            case "calibration" -> env.put(key + ".unitsPerMicro", plain(value.field("unitsPerMicro").number()));
            default -> {
                if (!value.json().isNull() && !value.json().isContainerNode()) {
                    env.put(key, value.json().asText());
                }
            }
        }
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static void copy(JsonNode from, String field, Map<String, String> env, String key) {
        JsonNode v = from.get(field);
        if (v != null && v.isValueNode() && !v.isNull() && !env.containsKey(key)) {
            env.put(key, v.asText());
        }
    }

    /** One label per source: the file name alone, or the environment fields that differ. */
    static List<String> labels(List<Source> sources) {
        List<String> labels = new ArrayList<>();
        if (sources.size() == 1) {
            Source only = sources.get(0);
            String host = only.get("hostname");
            labels.add(host != null ? host : parentAndName(only.file()));
            return labels;
        }
        List<String> differing = DISTINGUISHING.stream()
                .filter(k -> sources.stream().map(s -> s.get(k)).filter(java.util.Objects::nonNull).distinct().count() > 1)
                .toList();
        Set<String> seen = new HashSet<>();
        for (Source s : sources) {
            List<String> parts = new ArrayList<>();
            parts.add(s.get("hostname") != null ? s.get("hostname") : parentAndName(s.file()));
            for (String k : differing) {
                String v = s.get(k);
                if (v != null) {
                    v = k.equals("gitCommit") && v.length() > 8 ? v.substring(0, 8) : v;
                    if (!parts.contains(v)) {
                        parts.add(v);
                    }
                }
            }
            String label = String.join(" / ", parts);
            String unique = label;
            for (int n = 2; !seen.add(unique); n++) {
                unique = label + " #" + n;
            }
            labels.add(unique);
        }
        return labels;
    }

    private static String parentAndName(Path file) {
        Path abs = file.toAbsolutePath();
        Path parent = abs.getParent();
        return parent == null || parent.getFileName() == null
                ? abs.getFileName().toString() : parent.getFileName() + "/" + abs.getFileName();
    }
}
