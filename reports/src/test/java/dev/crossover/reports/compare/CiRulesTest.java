package dev.crossover.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.reports.BadInputException;
import dev.crossover.reports.RunFixtures;
import dev.crossover.reports.jmh.JmhParser;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import dev.crossover.reports.jmh.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules compare follows in CI: each metric's direction, merging rounds, and reading environment.json. */
@Timeout(30)
class CiRulesTest {
    @TempDir
    Path dir;

    private static Metric unit(String unit) {
        return Metric.of(1, 0.9, 1.1, unit);
    }

    @ParameterizedTest
    @CsvSource({
            "thrpt, primary, ops/s, true",
            "avgt, primary, ns/op, false",
            "sample, primary, s/op, false",
            "ss, primary, ms/op, false",
            "thrpt, completed, ops/s, true",
            "thrpt, failed, ops/s, false",
            "thrpt, rejected, ops/s, false",
            "avgt, gc.alloc.rate, MB/sec, false",
            "thrpt, gc.alloc.rate.norm, B/op, false",
            "avgt, gc.count, counts, false",
            "avgt, gc.time, ms, false",
            "thrpt, L1-dcache-load-misses, #/op, false",
            "thrpt, CPI, clks/insn, false",
            "thrpt, IPC, insns/clk, true",
            "thrpt, compiler.time.profiled, ms, false",
            "avgt, p0.99, ms/op, false",
            "thrpt, pollsMade, ops/s, true",
    })
    void everyMetricHasItsDirection(String mode, String metric, String unitName, boolean higher) {
        assertEquals(higher, Direction.higherIsBetter(mode, metric, unit(unitName)), mode + " " + metric + " " + unitName);
    }

    @Test
    void mergingOneRoundWithItselfKeepsJmhsScoreAndIntervalPerFork() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        Path file = a.resolve("results.json");
        List<JmhResult> round = JmhParser.parse(file, new Source(file, "a", Map.of()));

        for (JmhResult r : round) {
            Metric jmh = r.secondary().get("completed");
            double recomputed = Rounds.halfWidth(jmh.raw().stream().mapToDouble(Double::doubleValue).toArray(), jmh.score());
            assertEquals(jmh.error(), recomputed, 1e-9 * Math.abs(jmh.score()), "JMH's own scoreError from its rawData: " + r.paramsLabel());
        }

        List<JmhResult> merged = Rounds.merge(List.of(round, round));
        assertEquals(round.size(), merged.size());
        Metric one = round.getFirst().secondary().get("completed");
        Metric two = merged.getFirst().secondary().get("completed");
        assertEquals(2, two.forks());
        assertEquals(2 * one.raw().size(), two.raw().size());
        assertEquals(one.score(), two.score(), 1e-9 * one.score());
        assertTrue(two.error() < one.error(), "six values give a narrower interval than three of the same spread");
        assertEquals(2, merged.getFirst().forks());
    }

    @Test
    void roundsWithoutRawDataCannotMerge() throws Exception {
        Path f = dir.resolve("r.json");
        Files.writeString(f, """
                [{"benchmark":"a.B.c","mode":"thrpt","primaryMetric":{"score":1,"scoreUnit":"ops/s"}}]""");
        List<JmhResult> r = JmhParser.parse(f, new Source(f, "r", Map.of()));
        BadInputException e = assertThrows(BadInputException.class, () -> Rounds.merge(List.of(r, r)));
        assertEquals(f + ": no rawData at $[0].primaryMetric (B.c thrpt) (expected: rawData in every round, to merge rounds)",
                e.getMessage());
    }

    @Test
    void roundsOfOneSideMustShareTheirEnvironment() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        Path b = RunFixtures.copy(RunFixtures.SMOKE_B, dir.resolve("b"));
        RunFixtures.environment(b, "hostname", "other");

        BadInputException e = assertThrows(BadInputException.class, () -> Side.load(List.of(a, b)));

        assertEquals(b.resolve("environment.json") + ": hostname vm -> other (expected: every round of a side on the "
                + "machine, cores and JDK of " + a.resolve("environment.json") + ")", e.getMessage());
    }

    @Test
    void unitsFromReadsTheBaselinesCalibrationOrNamesTheFlag() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        assertEquals(12.725208857461158, RunEnvironment.unitsPerMicro(a), 0);
        assertEquals(12.725208857461158, RunEnvironment.unitsPerMicro(a.resolve("environment.json")), 0);

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> RunEnvironment.unitsPerMicro(dir.resolve("missing")));
        assertEquals("--units-from: " + dir.resolve("missing") + " (expected: a run directory whose environment.json has "
                + "calibration.unitsPerMicro > 0)", none.getMessage());

        Files.writeString(a.resolve("environment.json"), "{ not json");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RunEnvironment.unitsPerMicro(a));
        assertTrue(bad.getMessage().startsWith("--units-from: " + a.resolve("environment.json") + ": not valid JSON"),
                bad.getMessage());
    }

    @Test
    void aRunWithoutAVersionIsVersionOne() {
        JmhResult plain = new JmhResult(new Source(Path.of("x.json"), "x", Map.of()), 0, "a.B.c", "thrpt", 1, 1, "",
                new TreeMap<>(), unit("ops/s"), Map.of());
        assertEquals("1", Side.methodVersion(null, List.of(plain)));
        JmhResult v3 = new JmhResult(plain.source(), 1, "a.B.c", "thrpt", 1, 1, "",
                new TreeMap<>(Map.of("methodVersion", "3")), unit("ops/s"), Map.of());
        assertEquals("3", Side.methodVersion(null, List.of(plain, v3)));
        JmhResult v4 = new JmhResult(plain.source(), 2, "a.B.c", "thrpt", 1, 1, "",
                new TreeMap<>(Map.of("methodVersion", "4")), unit("ops/s"), Map.of());
        assertThrows(BadInputException.class, () -> Side.methodVersion(null, List.of(v3, v4)));
        assertFalse(Side.of(List.of(plain)).environment().isPresent());
    }
}
