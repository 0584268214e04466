package dev.crossover.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the real run directories of src/test/resources/runs, whole or with their task rates scaled. */
public final class RunFixtures {
    public static final String SMOKE_A = "smoke-a";
    public static final String SMOKE_B = "smoke-b";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFixtures() {
    }

    /** {@return {@code target}, a copy of the run directory {@code name}} */
    public static Path copy(String name, Path target) throws IOException {
        Path source;
        try {
            source = Path.of(RunFixtures.class.getResource("/runs/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("fixture: " + name + " (expected: in src/test/resources/runs)", e);
        }
        return copyTree(source, target);
    }

    private static Path copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return target;
    }

    /**
     * {@return {@code target}, a copy of the run {@code name} with every score, error, interval bound,
     * percentile and rawData value of every metric multiplied by {@code factor}} (its task rates
     * and batch rate; environment and points records as they were)
     */
    public static Path scaled(String name, Path target, double factor) throws IOException {
        copy(name, target);
        return scaleInPlace(target, factor);
    }

    /** {@return {@code target}, a copy of the run directory {@code run} scaled as {@link #scaled} scales} */
    public static Path scaledCopy(Path run, Path target, double factor) throws IOException {
        return scaleInPlace(copyTree(run, target), factor);
    }

    private static Path scaleInPlace(Path target, double factor) throws IOException {
        Path results = target.resolve("results.json");
        ArrayNode entries = (ArrayNode) JSON.readTree(results.toFile());
        for (JsonNode e : entries) {
            scale((ObjectNode) e.get("primaryMetric"), factor);
            e.path("secondaryMetrics").forEach(m -> scale((ObjectNode) m, factor));
        }
        JSON.writeValue(results.toFile(), entries);
        return target;
    }

    private static void scale(ObjectNode m, double f) {
        for (String field : new String[] {"score", "scoreError"}) {
            if (m.path(field).isNumber()) {
                m.put(field, m.get(field).doubleValue() * f);
            }
        }
        if (m.get("scoreConfidence") instanceof ArrayNode ci) {
            for (int i = 0; i < ci.size(); i++) {
                ci.set(i, DoubleNode.valueOf(ci.get(i).doubleValue() * f));
            }
        }
        if (m.get("scorePercentiles") instanceof ObjectNode p) {
            p.fieldNames().forEachRemaining(k -> p.put(k, p.get(k).doubleValue() * f));
        }
        if (m.get("rawData") instanceof ArrayNode forks) {
            for (JsonNode fork : forks) {
                ArrayNode values = (ArrayNode) fork;
                for (int i = 0; i < values.size(); i++) {
                    values.set(i, DoubleNode.valueOf(values.get(i).doubleValue() * f));
                }
            }
        }
    }

    /** Puts {@code value} into the run's environment.json as {@code field}. */
    public static void environment(Path run, String field, Object value) throws IOException {
        Path env = run.resolve("environment.json");
        ObjectNode root = (ObjectNode) JSON.readTree(env.toFile());
        root.set(field, JSON.valueToTree(value));
        JSON.writeValue(env.toFile(), root);
    }
}
