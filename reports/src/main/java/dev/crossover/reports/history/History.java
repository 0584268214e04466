package dev.crossover.reports.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crossover.reports.BadInputException;
import dev.crossover.reports.compare.RunEnvironment;
import dev.crossover.reports.compare.Side;
import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.jmh.JmhParser;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A history of runs kept in one directory, which a CI cache or artifact can carry from job to job.
 *
 * <h2>Layout</h2>
 * One subdirectory per run, named {@code <date>-<commit>} ({@code 20260101T100000Z-0123456789ab}, a
 * suffix {@code -2}, {@code -3} … when taken), holding the run's {@code results.json}, its
 * {@code environment.json} and {@code failures.json} when it had them, and {@code run.json}:
 * {@code commit}, {@code date} (ISO-8601), {@code dirty} and {@code addedFrom}. Runs are ordered by
 * date, then by name. Nothing else in the directory is read.
 */
public final class History {
    /** Each kept run's own record. */
    public static final String META = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private History() {
    }

    /**
     * Copies the run in {@code runDir} (a run directory or a JMH JSON file) into the history {@code into}.
     *
     * @param commit the commit it measured, or null for its environment's {@code gitCommit}
     * @param date   when it ran, or null for its environment's {@code startTime} (else now)
     * @return the run's new directory
     * @throws BadInputException    if the run has no readable results
     * @throws UncheckedIOException if the history cannot be written
     */
    public static Path add(Path runDir, Path into, String commit, Instant date) {
        Path results = Files.isDirectory(runDir) ? runDir.resolve(RunFiles.RESULTS) : runDir;
        if (!Files.isRegularFile(results)) {
            throw new BadInputException(results, "no such file");
        }
        List<JmhResult> parsed = JmhParser.parse(results, new Source(results, results.toString(), Map.of()));
        Optional<RunEnvironment> env = RunEnvironment.near(results);
        String theCommit = commit != null ? commit : env.map(RunEnvironment::gitCommit).orElse("unknown");
        Instant when = date != null ? date : env.map(RunEnvironment::startTime).map(History::instant).orElse(Instant.now());
        String shortCommit = theCommit.length() > 12 ? theCommit.substring(0, 12) : theCommit;
        try {
            Files.createDirectories(into);
            String base = NAME.format(when) + "-" + shortCommit.replaceAll("[^A-Za-z0-9._-]", "_");
            Path temp = Files.createTempDirectory(into, ".adding-");
            Files.copy(results, temp.resolve(RunFiles.RESULTS));
            Path dir = results.toAbsolutePath().getParent();
            if (RunFiles.ownsDirectory(results)) {
                for (String name : List.of(RunEnvironment.FILE_NAME, "failures.json")) {
                    if (Files.isRegularFile(dir.resolve(name))) {
                        Files.copy(dir.resolve(name), temp.resolve(name));
                    }
                }
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("commit", theCommit);
            meta.put("date", when.toString());
            meta.put("dirty", env.map(RunEnvironment::gitDirty).orElse(null));
            meta.put("methodVersion", Side.methodVersion(env.orElse(null), parsed));
            meta.put("addedFrom", runDir.toAbsolutePath().toString());
            JSON.writeValue(temp.resolve(META).toFile(), meta);
            Path target = into.resolve(base);
            for (int n = 2; Files.exists(target); n++) {
                target = into.resolve(base + "-" + n);
            }
            Files.move(temp, target);  // the history never holds a half-copied run
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to " + into + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return the runs kept in {@code dir}, oldest first}
     *
     * @throws BadInputException if {@code dir} is not a directory, or a kept run is malformed
     */
    public static List<HistoryRun> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, "not a directory (expected: a history written by history add)");
        }
        List<Path> runs;
        try (Stream<Path> list = Files.list(dir)) {
            runs = list.filter(p -> Files.isRegularFile(p.resolve(META))).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot list: " + e, e);
        }
        List<HistoryRun> out = new ArrayList<>();
        for (Path run : runs) {
            out.add(read(run));
        }
        out.sort(Comparator.comparing(HistoryRun::date).thenComparing(r -> r.dir().getFileName().toString()));
        return out;
    }

    private static HistoryRun read(Path run) {
        Path metaFile = run.resolve(META);
        JsonNode meta = JmhParser.readTree(metaFile);
        if (!meta.isObject() || !meta.path("commit").isTextual() || !meta.path("date").isTextual()) {
            throw new BadInputException(metaFile, "expected an object with commit and date (expected: written by history add)");
        }
        Instant date = instant(meta.get("date").asText());
        if (date == null) {
            throw new BadInputException(metaFile, "date \"" + meta.get("date").asText() + "\" (expected: ISO-8601)");
        }
        Path results = run.resolve(RunFiles.RESULTS);
        if (!Files.isRegularFile(results)) {
            throw new BadInputException(results, "no such file");
        }
        List<JmhResult> parsed = JmhParser.parse(results, new Source(results, run.getFileName().toString(), Map.of()));
        Optional<RunEnvironment> env = RunEnvironment.near(results);
        JsonNode dirty = meta.path("dirty");
        return new HistoryRun(run, meta.get("commit").asText(), date, dirty.isBoolean() ? dirty.booleanValue() : null,
                env, Side.methodVersion(env.orElse(null), parsed), parsed);
    }

    /** {@return {@code text} as an instant, null when it is not ISO-8601} */
    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
