package dev.crossover.benchmarks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crossover.benchmarks.Profile.Point;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code failures.json}: every point of a run that failed or was left out on purpose, so a report
 * shows them instead of silently crowning the points that survived.
 *
 * <h2>Format</h2>
 * A JSON array (empty when none) of objects {@code {"benchmark": str, "params": {k: v},
 * "status": "failed"|"excluded", "message": str}}, {@code params} holding every JMH param of the
 * point. This is a contract with the {@code reports} module.
 *
 * <h2>Threading</h2>
 * Not thread-safe; one sweep adds and writes from one thread (the shutdown hook only reads files).
 */
final class Failures {
    /** Why a point has no result. */
    enum Status {
        /** It ran and failed: a JMH error, a failed work check, a crashed fork. */
        FAILED,
        /** It was left out on purpose before the run. */
        EXCLUDED;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One point without a result.
     *
     * @param point   the point
     * @param status  failed or excluded
     * @param message why, in one line
     */
    record Entry(Point point, Status status, String message) {
        Entry {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    Failures(Path file) {
        this.file = file;
    }

    /** Adds {@code entry} and rewrites the file. @throws IOException if it cannot be written */
    void add(Entry entry) throws IOException {
        entries.add(entry);
        write();
    }

    /** {@return the entries so far, in order} */
    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Writes every entry so far, replacing the file atomically. @throws IOException if it cannot */
    void write() throws IOException {
        List<Map<String, Object>> array = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("benchmark", e.point().benchmark());
            f.put("params", e.point().params());
            f.put("status", e.status().id());
            f.put("message", e.message());
            array.add(f);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(array) + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
