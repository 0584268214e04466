package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the Crossover fixture's report, a report merging it with every real JMH fixture, and the
 * report of a method-2 run (steady-state windows, dispatch ceilings, open loop).
 * With the environment variable REPORT_COPY=/some/dir set, both are copied there for a look in a
 * browser (see src/test/browser-check.sh).
 */
@Timeout(60)
class ReportSmokeTest {
    @Test
    void writesCrossoverAndMergedReports(@TempDir Path dir) throws Exception {
        Path results = CrossoverFixture.standard().writeTo(dir.resolve("run"));
        Path crossover = Reports.write(List.of(results), dir.resolve("crossover"));
        Path merged = Reports.write(List.of(results,
                Fixtures.copy(Fixtures.THRPT_PARAMS, dir.resolve("a")), Fixtures.copy(Fixtures.SAMPLE, dir.resolve("b")),
                Fixtures.copy(Fixtures.SINGLE_SHOT, dir.resolve("c")), Fixtures.copy(Fixtures.AVGT_GC, dir.resolve("d")),
                Fixtures.copy(Fixtures.OLD_THRPT, dir.resolve("e")), Fixtures.copy(Fixtures.AVGT_GC_REAL, dir.resolve("f"))),
                dir.resolve("merged"));
        Path steady = Reports.write(List.of(CrossoverFixture.steadyState().writeTo(dir.resolve("steady"))),
                dir.resolve("steady-report"));
        assertTrue(Files.size(crossover) > 10_000);
        assertTrue(Files.size(merged) > Files.size(crossover));
        assertTrue(Files.size(steady) > 10_000);
        String copy = System.getenv("REPORT_COPY");
        if (copy != null) {
            Files.createDirectories(Path.of(copy));
            Files.copy(crossover, Path.of(copy, "crossover.html"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(merged, Path.of(copy, "merged.html"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(steady, Path.of(copy, "steady.html"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
