package dev.crossover.reports;

import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.footprint.FootprintFile;
import dev.crossover.reports.html.FootprintSection;
import dev.crossover.reports.html.HtmlWriter;
import dev.crossover.reports.html.ReportBuilder;
import dev.crossover.reports.jmh.Source;
import dev.crossover.reports.jmh.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the HTML report of one or more JMH result files.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * Path html = Reports.write(List.of(Path.of("run/results.json")), Path.of("run"));
 * }
 * A Crossover run directory ({@code results.json}, {@code environment.json}, {@code latency/*.hlog},
 * {@code points/*.json}, {@code failures.json}) gets the full report: winner maps, throughput and
 * efficiency against concurrency, crossovers, claims, latency against offered load, dispatch
 * ceilings, timer lateness, latency, start-up and failed points, and memory per task when a
 * {@code footprint.json} lies beside it. The
 * files beside a JMH file belong to it only when it is named {@code results.json}. Any other JMH file gets a chart and a table per benchmark class. Several
 * files merge into one report, each labelled by its environment.
 *
 * <h2>Files</h2>
 * The report is one self-contained file: inline CSS and SVG, no script, nothing fetched. It is
 * written to a temporary file in the output directory and moved into place, so a failed run never
 * leaves a half-written {@code report.html}.
 */
public final class Reports {
    /** The report's file name inside the output directory. */
    public static final String FILE_NAME = "report.html";

    private Reports() {
    }

    /**
     * Reads {@code jmhJsonFiles} and writes {@code outDir/report.html}.
     *
     * @param jmhJsonFiles one or more JMH JSON result files (a directory stands for its {@code results.json})
     * @param outDir       the directory to write to (created if missing)
     * @return the report's path
     * @throws BadInputException        if a file is missing, not JSON, truncated or not JMH's shape
     * @throws IllegalArgumentException if {@code jmhJsonFiles} is empty
     * @throws UncheckedIOException     if the report cannot be written
     */
    public static Path write(List<Path> jmhJsonFiles, Path outDir) {
        return write(jmhJsonFiles, outDir, dev.crossover.reports.crossover.Decision.DEFAULT_MARGIN);
    }

    /**
     * {@return {@link #write(List, Path)}'s report, with its cells and claims decided by {@code margin}}
     * (0.05: a model wins by more than 5%, models within 5% are equivalent when the data shows it)
     */
    public static Path write(List<Path> jmhJsonFiles, Path outDir, double margin) {
        Objects.requireNonNull(jmhJsonFiles, "jmhJsonFiles");
        Objects.requireNonNull(outDir, "outDir");
        if (jmhJsonFiles.isEmpty()) {
            throw new IllegalArgumentException("jmhJsonFiles: [] (expected: at least one JMH JSON file)");
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<Path> files = jmhJsonFiles.stream().map(Reports::resultsFile).toList();
        List<Sources.Loaded> loaded = Sources.load(files);
        Map<Source, RunFiles> runFiles = new HashMap<>();
        for (Sources.Loaded l : loaded) {
            runFiles.put(l.source(), RunFiles.near(l.source().file()));
        }
        List<FootprintSection.View> footprint = new java.util.ArrayList<>();
        for (Sources.Loaded l : loaded) {
            if (RunFiles.ownsDirectory(l.source().file())) {
                FootprintFile.near(l.source().file()).ifPresent(f -> footprint.add(FootprintSection.of(l.source().label(),
                        FootprintFile.read(f))));
            }
        }
        String html = HtmlWriter.render(ReportBuilder.build(loaded, runFiles, margin), footprint);
        return writeAtomically(outDir, html);
    }

    /**
     * Where a run's lead changes between two neighbouring concurrencies with both cells decided: a
     * bracket a refinement can narrow by measuring its midpoint.
     *
     * @param benchmark the benchmark of the slice
     * @param params    the slice's params, without {@code model} and {@code concurrency}
     * @param fromC     the lower concurrency
     * @param toC       the higher one
     * @param midpoint  their geometric midpoint, rounded
     * @param models    the models measured at either end
     */
    public record Bracket(String benchmark, Map<String, String> params, int fromC, int toC, int midpoint,
                          List<String> models) {
        public Bracket {
            params = Map.copyOf(params);
            models = List.copyOf(models);
        }
    }

    /**
     * {@return the crossovers of the Crossover run in {@code resultsFile} as brackets}, by {@code margin}
     * @throws BadInputException if the file cannot be read as JMH results
     */
    public static List<Bracket> brackets(Path resultsFile, double margin) {
        List<Bracket> out = new java.util.ArrayList<>();
        for (Decided run : decided(resultsFile, margin)) {
            List<dev.crossover.reports.crossover.Point> points = run.points();
            for (dev.crossover.reports.crossover.Crossovers.Crossover c : dev.crossover.reports.crossover.Crossovers.find(run.cells())) {
                List<dev.crossover.reports.crossover.Point> ends = points.stream().filter(p -> p.slice().equals(c.slice())
                        && (p.concurrency() == c.fromC() || p.concurrency() == c.toC())).toList();
                if (ends.isEmpty() || c.midpoint() <= c.fromC() || c.midpoint() >= c.toC()) {
                    continue;
                }
                Map<String, String> params = new java.util.TreeMap<>(ends.get(0).result().params());
                params.remove("model");
                params.remove("concurrency");
                out.add(new Bracket(ends.get(0).result().benchmark(), params, c.fromC(), c.toC(), c.midpoint(),
                        ends.stream().map(dev.crossover.reports.crossover.Point::model).distinct().sorted().toList()));
            }
        }
        return out;
    }

    /**
     * A point whose winner-map cell the data did not decide: more forks of it may decide it.
     *
     * @param benchmark     the point's benchmark
     * @param params        its params, {@code model} included
     * @param forksToDecide the forks a side that would decide its cell at the measured ratios and
     *                      spreads ({@link dev.crossover.reports.crossover.Cell#forksToDecide}), -1 when
     *                      more than {@link dev.crossover.reports.crossover.Cell#REACH}
     */
    public record Undecided(String benchmark, Map<String, String> params, int forksToDecide) {
        public Undecided {
            params = Map.copyOf(params);
        }
    }

    /**
     * {@return the points of the Crossover run in {@code resultsFile} whose winner-map cell is
     * inconclusive by {@code margin}}: in each such cell the leader and every model whose comparison
     * with it was open (neither better, worse nor equivalent), each with the forks a side that would
     * decide its cell at the measured ratios and spreads, the cells needing the fewest forks first and
     * those out of reach (-1) last; the models the cell already decided against are left out, as are
     * cells that are clear, shared, alone or dispatch-bound
     * @throws BadInputException if the file cannot be read as JMH results
     */
    public static List<Undecided> undecided(Path resultsFile, double margin) {
        List<Undecided> out = new java.util.ArrayList<>();
        for (Decided run : decided(resultsFile, margin)) {
            List<dev.crossover.reports.crossover.Point> points = run.points();
            for (dev.crossover.reports.crossover.Cell c : run.cells()) {
                if (c.outcome() != dev.crossover.reports.crossover.Cell.Outcome.INCONCLUSIVE) {
                    continue;
                }
                java.util.Set<String> models = new java.util.LinkedHashSet<>();
                models.add(c.winner());
                models.addAll(c.tied());
                for (dev.crossover.reports.crossover.Point p : points) {
                    if (p.cellKey().equals(c.key()) && models.contains(p.model())) {
                        out.add(new Undecided(p.result().benchmark(), p.result().params(), c.forksToDecide()));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(u -> u.forksToDecide() < 0 ? Integer.MAX_VALUE : u.forksToDecide()));
        return out;
    }

    /** One source of a results file: its points and their winner-map cells. */
    private record Decided(List<dev.crossover.reports.crossover.Point> points, List<dev.crossover.reports.crossover.Cell> cells) {
    }

    /** {@return each source of {@code resultsFile} with its points and cells decided by {@code margin}} */
    private static List<Decided> decided(Path resultsFile, double margin) {
        List<Decided> out = new java.util.ArrayList<>();
        for (Sources.Loaded l : Sources.load(List.of(resultsFile))) {
            List<dev.crossover.reports.crossover.Point> points =
                    dev.crossover.reports.crossover.Points.read(l.results(), RunFiles.near(l.source().file())).points();
            out.add(new Decided(points, dev.crossover.reports.crossover.Winners.cells(points, List.of(), margin)));
        }
        return out;
    }

    /** {@return {@code given}, or its results.json when it is a run directory} @throws BadInputException if there is no such file */
    static Path resultsFile(Path given) {
        Path file = Files.isDirectory(given) ? given.resolve("results.json") : given;
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no such file");
        }
        return file;
    }

    private static Path writeAtomically(Path outDir, String html) {
        Path target = outDir.resolve(FILE_NAME);
        Path temp = null;
        try {
            Files.createDirectories(outDir);
            temp = Files.createTempFile(outDir, ".report-", ".html.tmp");
            Files.writeString(temp, html, StandardCharsets.UTF_8);
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                // createTempFile makes the file owner-only; a report is for everyone who can see the directory.
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the temp file is hidden and named .report-*.html.tmp.
                }
            }
        }
    }
}
