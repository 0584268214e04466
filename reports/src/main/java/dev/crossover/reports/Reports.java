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
        String html = HtmlWriter.render(ReportBuilder.build(loaded, runFiles), footprint);
        return writeAtomically(outDir, html);
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
