package dev.crossover.reports.crossover;

import dev.crossover.reports.BadInputException;
import dev.crossover.reports.jmh.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run's numbers were measured, and the rule that one report holds one way only. Method 1
 * timed one batch per JMH invocation from empty to drained; method 2 counts tasks in steady-state
 * windows through one driver for every model, so its {@code completed} is another quantity and the
 * two must never share a table or a chart.
 *
 * <p>A run states its version in {@code environment.json} and in every point record
 * ({@code methodVersion}); a Crossover run that states none is method 1.
 */
public final class MethodVersions {
    private MethodVersions() {
    }

    /**
     * A method version as one file states it.
     *
     * @param version the version
     * @param file    the file that states (or, without a field, implies) it
     * @param implied true when the file has no {@code methodVersion}: a run from before method 2
     */
    public record Stated(int version, Path file, boolean implied) {
        String words() {
            return "method version " + version + (implied ? " (none stated: a run before method 2)" : "");
        }
    }

    /** {@return the run record's line for a version, such as "method 2: steady-state windows"} */
    public static String words(int version) {
        return version >= 2 ? "method " + version + ": steady-state windows"
                : "method 1: one batch per invocation, timed from empty to drained";
    }

    /** {@return the versions {@code stated} holds, the first file of each}: two entries mean the files disagree */
    static List<Stated> distinct(List<Stated> stated) {
        Map<Integer, Stated> first = new LinkedHashMap<>();
        stated.forEach(s -> first.putIfAbsent(s.version(), s));
        return List.copyOf(first.values());
    }

    /**
     * Checks that every Crossover source of a report was measured the same way: the JVM's sources
     * among themselves, the Python reference's (its own driver, its own method versions) among themselves.
     *
     * @param sources   the sources, in the report's order
     * @param runFiles  each source's run files
     * @param crossover whether each source holds Crossover results (a plain JMH file states nothing and is not checked)
     * @return each Crossover source's version
     * @throws BadInputException naming both files when two state different versions
     */
    public static Map<Source, Integer> check(List<Source> sources, Map<Source, RunFiles> runFiles,
                                             Map<Source, Boolean> crossover) {
        List<Stated> all = new ArrayList<>();
        List<Stated> python = new ArrayList<>();  // the Python reference has its own driver and its own versions
        Map<Source, Integer> out = new LinkedHashMap<>();
        for (Source s : sources) {
            List<Stated> mine = new ArrayList<>();
            environment(s).ifPresent(mine::add);
            mine.addAll(runFiles.getOrDefault(s, RunFiles.NONE).methodVersions());
            if (mine.isEmpty() && crossover.getOrDefault(s, false)) {
                mine.add(new Stated(1, s.file(), true));
            }
            (dev.crossover.reports.jmh.PythonRuns.isPython(s) ? python : all).addAll(mine);
            if (!mine.isEmpty()) {
                out.put(s, mine.get(0).version());
            }
        }
        for (List<Stated> group : List.of(all, python)) {
            List<Stated> versions = distinct(group);
            if (versions.size() > 1) {
                Stated a = versions.get(0);
                Stated b = versions.get(1);
                throw new BadInputException(b.file(), b.words() + ", but " + a.file() + " has " + a.words()
                        + " (expected: one method version per report; numbers measured differently are not comparable)");
            }
        }
        return out;
    }

    /** {@return the version environment.json states, read through the source's environment} */
    private static Optional<Stated> environment(Source s) {
        String text = s.get("methodVersion");
        if (text == null) {
            return Optional.empty();
        }
        Path dir = s.file().toAbsolutePath().getParent();
        Path env = dir == null ? Path.of("environment.json") : dir.resolve("environment.json");
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return Optional.of(new Stated(v, env, false));
        } catch (NumberFormatException e) {
            throw new BadInputException(env, "methodVersion \"" + text + "\" (expected: an integer >= 1) at $.methodVersion");
        }
    }
}
