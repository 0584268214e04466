package dev.crossover.reports.compare;

import dev.crossover.reports.BadInputException;
import dev.crossover.reports.crossover.LatencyLogs;
import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.crossover.Sidecar;
import dev.crossover.reports.jmh.JmhParser;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * One side of a comparison: one run, or several rounds of the same build merged point by point
 * ({@link Rounds}), with what its run directories say beside the JMH results.
 *
 * @param files         the JMH files read, one per round
 * @param results       the results, rounds merged
 * @param environment   the first round's environment.json; empty for a plain JMH file
 * @param methodVersion the method version the numbers were measured by ({@link #methodVersion(RunEnvironment, List)})
 * @param cpuUnits      the kernel units per task each point computed, by benchmark and params, from
 *                      its {@code points/*.json} records (every distinct value over the rounds)
 */
public record Side(List<Path> files, List<JmhResult> results, Optional<RunEnvironment> environment,
                   String methodVersion, Map<LatencyLogs.Key, Set<Long>> cpuUnits) {
    /** The JMH param that may carry a method version, when environment.json does not. */
    public static final String METHOD_VERSION = "methodVersion";
    /** The version of a run that names none. */
    public static final String FIRST_VERSION = "1";

    public Side {
        files = List.copyOf(files);
        results = List.copyOf(results);
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(methodVersion, "methodVersion");
        cpuUnits = Collections.unmodifiableMap(new HashMap<>(cpuUnits));
    }

    /**
     * {@return the side made of {@code given}: JMH files or run directories (their results.json), one per round}
     *
     * @throws BadInputException if a file is missing or malformed, or if the rounds' environments
     *                           or method versions differ from each other
     */
    public static Side load(List<Path> given) {
        if (given.isEmpty()) {
            throw new IllegalArgumentException("given: [] (expected: at least one JMH file or run directory)");
        }
        List<Path> files = new ArrayList<>();
        List<List<JmhResult>> rounds = new ArrayList<>();
        Map<LatencyLogs.Key, Set<Long>> units = new HashMap<>();
        RunEnvironment first = null;
        String version = null;
        for (Path g : given) {
            Path file = Files.isDirectory(g) ? g.resolve(RunFiles.RESULTS) : g;
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file, "no such file");
            }
            List<JmhResult> round = JmhParser.parse(file, new Source(file, file.toString(), Map.of()));
            Optional<RunEnvironment> env = RunEnvironment.near(file);
            String v = methodVersion(env.orElse(null), round);
            if (first != null && env.isPresent() && !first.differences(env.get()).isEmpty()) {
                throw new BadInputException(env.get().file(), String.join(", ", first.differences(env.get()))
                        + " (expected: every round of a side on the machine, cores and JDK of " + first.file() + ")");
            }
            if (version != null && !version.equals(v)) {
                throw new BadInputException(file, "methodVersion " + v + " differs from " + version + " of "
                        + files.getFirst() + " (expected: every round of a side measured the same way)");
            }
            first = first == null ? env.orElse(null) : first;
            version = v;
            files.add(file);
            rounds.add(round);
            Map<LatencyLogs.Key, Sidecar> records = RunFiles.ownsDirectory(file)
                    ? RunFiles.points(file.toAbsolutePath().getParent().resolve("points")) : Map.of();
            for (Map.Entry<LatencyLogs.Key, Sidecar> s : records.entrySet()) {
                units.computeIfAbsent(s.getKey(), k -> new LinkedHashSet<>()).add(s.getValue().cpuUnits());
            }
        }
        return new Side(files, Rounds.merge(rounds), Optional.ofNullable(first), version, units);
    }

    /** {@return a side of {@code results} alone: no environment, no units, the version its params name} */
    public static Side of(List<JmhResult> results) {
        return new Side(List.of(), results, Optional.empty(), methodVersion(null, results), Map.of());
    }

    /**
     * {@return the method version of a run}: environment.json's {@code methodVersion} when present,
     * else the {@value #METHOD_VERSION} param of its entries, else {@value #FIRST_VERSION}
     *
     * @throws BadInputException if entries name different versions
     */
    public static String methodVersion(RunEnvironment env, List<JmhResult> results) {
        if (env != null && env.methodVersion() != null) {
            return env.methodVersion();
        }
        String found = null;
        for (JmhResult r : results) {
            String v = r.params().get(METHOD_VERSION);
            if (v != null && found != null && !found.equals(v)) {
                throw new BadInputException(r.source().file(), "methodVersion param " + v + " at $[" + r.index()
                        + "] differs from " + found + " (expected: one method version per run)");
            }
            found = v != null ? v : found;
        }
        return found != null ? found : FIRST_VERSION;
    }

    /** {@return the identity the environment (or, without one, the JMH entries' JDK) gives, for {@link #differences}} */
    public Map<String, String> identity() {
        Map<String, String> id = new LinkedHashMap<>(environment.map(RunEnvironment::identity).orElse(Map.of()));
        if (!id.containsKey("forkedJdkVersion")) {
            results.stream().map(JmhResult::jdkVersion).filter(v -> !v.isEmpty()).findFirst()
                    .ifPresent(v -> id.put("forkedJdkVersion", v));
        }
        return id;
    }

    /** {@return each identity field that differs from {@code other}'s, as {@code "cores 2 -> 4"}} */
    public List<String> differences(Side other) {
        Map<String, String> mine = identity();
        Map<String, String> theirs = other.identity();
        List<String> out = new ArrayList<>();
        for (String field : RunEnvironment.IDENTITY) {
            if (mine.containsKey(field) && theirs.containsKey(field) && !mine.get(field).equals(theirs.get(field))) {
                out.add(field + " " + mine.get(field) + " -> " + theirs.get(field));
            }
        }
        return out;
    }

    /** {@return the kernel units per task at the point, or empty when unknown or not one value over the rounds} */
    public Optional<Long> units(String benchmark, SortedMap<String, String> params) {
        Set<Long> u = cpuUnits.get(new LatencyLogs.Key(benchmark, params));
        return u == null || u.size() != 1 ? Optional.empty() : Optional.of(u.iterator().next());
    }

    /** {@return whether the rounds computed different units at the point} */
    public boolean unitsVary(String benchmark, SortedMap<String, String> params) {
        Set<Long> u = cpuUnits.get(new LatencyLogs.Key(benchmark, params));
        return u != null && u.size() > 1;
    }

    /** {@return the file to name for this side: its first environment.json, else its first JMH file} */
    public Path describedBy() {
        return environment.map(RunEnvironment::file).orElse(files.isEmpty() ? Path.of("(results)") : files.getFirst());
    }
}
