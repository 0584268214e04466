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
        List<String> labels = labels(sources);
        List<Loaded> loaded = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Source source = sources.get(i).withLabel(labels.get(i));
            loaded.add(new Loaded(source, JmhParser.parse(files.get(i), trees.get(i), source)));
        }
        return loaded;
    }

    /** environment.json beside the file, then what the JMH file says of its own run. */
    static Map<String, String> environment(Path file, JsonNode tree) {
        Map<String, String> env = new LinkedHashMap<>();
        Path dir = file.toAbsolutePath().getParent();
        Path envFile = dir == null ? null : dir.resolve("environment.json");
        if (envFile != null && Files.isRegularFile(envFile)) {
            JsonNode json = JmhParser.readTree(envFile);
            if (!json.isObject()) {
                throw new BadInputException(envFile, "expected an object at $, found " + JmhParser.kind(json));
            }
            json.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull() && !e.getValue().isContainerNode()) {
                    env.put(e.getKey(), e.getValue().asText());
                }
            });
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
