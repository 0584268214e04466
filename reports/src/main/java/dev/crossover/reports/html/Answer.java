package dev.crossover.reports.html;

import dev.crossover.reports.crossover.LoadPoint;
import dev.crossover.reports.crossover.MethodVersions;
import dev.crossover.reports.crossover.Point;
import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import dev.crossover.reports.jmh.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's first screen: per workload who wins where, the claims' verdicts, and how far the
 * run can be trusted (method, JDK, forks, noise, verification, dispatch-bound points, load on the
 * machine), each line pointing to the section below that holds the evidence.
 */
final class Answer {
    private Answer() {
    }

    /**
     * {@return one line per Crossover source on how far its numbers can be trusted}, such as
     * "bench-host: method 2: steady-state windows; JDK 25; 3 forks per point; median 99.9% interval
     * ±0.5% of the score over 36 points; work verified: every check passed; 6 points dispatch-bound"
     */
    static List<String> trust(List<Source> sources, Map<Source, Integer> versions, Map<Source, RunFiles> runFiles,
                              List<Point> points, List<LoadPoint> load) {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            Integer version = versions.get(s);
            if (version == null) {
                continue;
            }
            // a Python run shares its JVM run's label: its own points are its models'
            boolean python = dev.crossover.reports.jmh.PythonRuns.isPython(s);
            List<Point> mine = points.stream().filter(p -> p.sourceLabel().equals(s.label())
                    && dev.crossover.reports.jmh.PythonRuns.isPython(p.model()) == python).toList();
            List<LoadPoint> myLoad = load.stream().filter(p -> p.sourceLabel().equals(s.label())
                    && dev.crossover.reports.jmh.PythonRuns.isPython(p.model()) == python).toList();
            List<JmhResult> results = new ArrayList<>(mine.stream().map(Point::result).toList());
            myLoad.forEach(p -> results.add(p.result()));
            List<Metric> rates = new ArrayList<>(mine.stream().map(Point::throughput).toList());
            myLoad.forEach(p -> rates.add(p.achieved()));
            List<String> parts = new ArrayList<>();
            parts.add(MethodVersions.words(version));
            String jdk = s.get("forkedJdkVersion") != null ? s.get("forkedJdkVersion") : s.get("jdkVersion");
            if (jdk != null) {
                parts.add((dev.crossover.reports.jmh.PythonRuns.isPython(s) ? "Python " : "JDK ") + jdk);
            }
            parts.add(forks(results));
            parts.add(noise(rates));
            Verified verified = Verified.of(runFiles.getOrDefault(s, RunFiles.NONE));
            if (!verified.words().isEmpty()) {
                parts.add("work verified: " + verified.words());
            }
            parts.addAll(dev.crossover.reports.crossover.Claims.checks(mine));
            long bound = mine.stream().filter(Point::dispatchBound).count();
            if (bound > 0) {
                parts.add(bound + " point" + (bound == 1 ? "" : "s") + " dispatch-bound, left out of cells and claims");
            }
            out.add((sources.size() > 1 ? s.label() + ": " : "") + String.join("; ", parts));
        }
        return out;
    }

    private static String forks(List<JmhResult> results) {
        int lo = results.stream().mapToInt(JmhResult::forks).filter(f -> f > 0).min().orElse(0);
        int hi = results.stream().mapToInt(JmhResult::forks).max().orElse(0);
        if (hi == 0) {
            return "forks unknown";
        }
        if (lo == hi) {
            return hi + " fork" + (hi == 1 ? "" : "s") + " per point" + (lo <= 1 ? " (one JVM: no interval over forks)" : "");
        }
        long more = results.stream().filter(r -> r.forks() > lo).count();
        return lo + " forks per point, up to " + hi + " for " + more + " point" + (more == 1 ? "" : "s")
                + " (more forks where a cell was undecided)" + (lo <= 1 ? "; one JVM: no interval over forks" : "");
    }

    /** {@return the median half-width of the points' 95% intervals over their forks, relative to their means} */
    private static String noise(List<Metric> rates) {
        List<Double> rel = rates.stream().map(dev.crossover.reports.crossover.Estimate::of)
                .filter(e -> e.hasInterval() && e.mean() > 0)
                .map(dev.crossover.reports.crossover.Estimate::relativeHalfWidth).sorted().toList();
        if (rel.isEmpty()) {
            return "no intervals over forks (fewer than 2 forks per point): nothing is decided";
        }
        int n = rel.size();
        double median = n % 2 == 1 ? rel.get(n / 2) : (rel.get(n / 2 - 1) + rel.get(n / 2)) / 2;
        return "median 95% interval over the forks \u00b1" + Format.number(100 * median) + "% of the mean over " + n + " point"
                + (n == 1 ? "" : "s");
    }
}
