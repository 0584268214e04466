package dev.crossover.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crossover.reports.BadInputException;
import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.jmh.JmhParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Crossover run's {@code environment.json} says about where and how it ran, as far as
 * deciding whether two runs may be compared.
 *
 * <p>Two runs compare only on the same machine ({@code cpuModel}, {@code hostname}), with the same
 * {@code cores} and the same JDK ({@code jdkVendor}, {@code jdkVersion}, {@code forkedJdkVersion}):
 * {@link #differences} names each field that differs. A field absent from either file is not
 * judged.
 *
 * @param file          the environment.json it was read from
 * @param identity      the fields above that the file has, in the order above, as text
 * @param methodVersion the {@code methodVersion} field as text, or null when absent
 * @param unitsPerMicro the kernel calibration, {@code calibration.unitsPerMicro}; NaN when absent
 * @param gitCommit     the commit the run was built from, or null
 * @param gitDirty      whether the tree had changes, or null when unknown
 * @param startTime     the run's start as ISO-8601 text, or null
 */
public record RunEnvironment(Path file, Map<String, String> identity, String methodVersion, double unitsPerMicro,
                             String gitCommit, Boolean gitDirty, String startTime) {
    /** The fields that must agree, in the order differences are named. */
    public static final List<String> IDENTITY = List.of("cpuModel", "hostname", "cores", "jdkVendor", "jdkVersion",
            "forkedJdkVersion");
    /** The file's name in a run directory. */
    public static final String FILE_NAME = "environment.json";

    public RunEnvironment {
        Objects.requireNonNull(file, "file");
        identity = Collections.unmodifiableMap(new LinkedHashMap<>(identity));
    }

    /**
     * {@return the environment.json beside {@code resultsFile}, empty when there is none or the
     * file is not a run's {@code results.json}}
     *
     * @throws BadInputException if the file exists but is not a JSON object
     */
    public static Optional<RunEnvironment> near(Path resultsFile) {
        Path dir = resultsFile.toAbsolutePath().getParent();
        if (!RunFiles.ownsDirectory(resultsFile) || dir == null || !Files.isRegularFile(dir.resolve(FILE_NAME))) {
            return Optional.empty();
        }
        return Optional.of(read(dir.resolve(FILE_NAME)));
    }

    /** {@return the environment in {@code file}} @throws BadInputException if it is not a readable JSON object */
    public static RunEnvironment read(Path file) {
        JsonNode root = JmhParser.readTree(file);
        if (!root.isObject()) {
            throw new BadInputException(file, "expected a JSON object at $, found " + JmhParser.kind(root));
        }
        Map<String, String> identity = new LinkedHashMap<>();
        for (String field : IDENTITY) {
            text(root, field).ifPresent(v -> identity.put(field, v));
        }
        JsonNode rate = root.path("calibration").path("unitsPerMicro");
        JsonNode dirty = root.path("gitDirty");
        return new RunEnvironment(file, identity, text(root, "methodVersion").orElse(null),
                rate.isNumber() ? rate.doubleValue() : Double.NaN, text(root, "gitCommit").orElse(null),
                dirty.isBoolean() ? dirty.booleanValue() : null, text(root, "startTime").orElse(null));
    }

    /**
     * {@return the kernel calibration of the run in {@code runDir}, for {@code run --units-from}}
     *
     * @throws IllegalArgumentException naming {@code --units-from} if the directory has no
     *                                  environment.json with a positive {@code calibration.unitsPerMicro}
     */
    public static double unitsPerMicro(Path runDir) {
        Path file = Files.isDirectory(runDir) ? runDir.resolve(FILE_NAME) : runDir;
        double rate;
        try {
            rate = Files.isRegularFile(file) ? read(file).unitsPerMicro() : Double.NaN;
        } catch (BadInputException e) {
            throw new IllegalArgumentException("--units-from: " + e.getMessage(), e);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--units-from: " + runDir + " (expected: a run directory whose "
                    + FILE_NAME + " has calibration.unitsPerMicro > 0)");
        }
        return rate;
    }

    /** {@return each identity field that differs from {@code other}'s, as {@code "cores 2 -> 4"}; empty when none} */
    public List<String> differences(RunEnvironment other) {
        List<String> out = new ArrayList<>();
        for (String field : IDENTITY) {
            String mine = identity.get(field);
            String theirs = other.identity.get(field);
            if (mine != null && theirs != null && !mine.equals(theirs)) {
                out.add(field + " " + mine + " -> " + theirs);
            }
        }
        return out;
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() || n.isContainerNode() ? Optional.empty() : Optional.of(n.asText());
    }
}
