package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

@Timeout(30)
class BadInputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> badFiles() {
        String entry = """
                {"benchmark":"a.B.c","mode":"thrpt","primaryMetric":{"score":1.0,"scoreUnit":"ops/s"}}""";
        return Stream.of(
                Arguments.of("not JSON", "this is not json", "not valid JSON at line 1"),
                Arguments.of("truncated", "[" + entry.substring(0, 40), "not valid JSON at line"),
                Arguments.of("object root", "{\"benchmark\":\"a\"}", "expected a JSON array of JMH results at $, found an object"),
                Arguments.of("empty array", "[]", "empty array at $ (expected: at least one JMH result)"),
                Arguments.of("empty file", "", "empty file"),
                Arguments.of("entry not an object", "[" + entry + ", 3]", "expected an object, found a number at $[1]"),
                Arguments.of("no primary metric", "[{\"benchmark\":\"a.B.c\",\"mode\":\"thrpt\"}]",
                        "missing \"primaryMetric\" at $[0]"),
                Arguments.of("no score", "[{\"benchmark\":\"a.B.c\",\"mode\":\"thrpt\",\"primaryMetric\":{\"scoreUnit\":\"ops/s\"}}]",
                        "missing \"score\" at $[0].primaryMetric"),
                Arguments.of("score not a number", "[{\"benchmark\":\"a.B.c\",\"mode\":\"thrpt\",\"primaryMetric\":{\"score\":\"fast\",\"scoreUnit\":\"ops/s\"}}]",
                        "expected a number, found \"fast\" at $[0].primaryMetric.score"),
                Arguments.of("secondary without score", "[{\"benchmark\":\"a.B.c\",\"mode\":\"thrpt\",\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"ops/s\"},"
                        + "\"secondaryMetrics\":{\"\u00b7gc.alloc.rate\":{\"scoreUnit\":\"MB/sec\"}}}]",
                        "missing \"score\" at $[0].secondaryMetrics[\"\u00b7gc.alloc.rate\"]"),
                Arguments.of("no benchmark name", "[{\"mode\":\"thrpt\",\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"ops/s\"}}]",
                        "missing \"benchmark\" at $[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void rejectsWithOneLineNamingFileAndPlace(String name, String content, String expected) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);
        Path out = dir.resolve("out");

        BadInputException e = assertThrows(BadInputException.class, () -> Reports.write(List.of(file), out));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertNoReport(out);
    }

    @Test
    void oneBadFileAmongGoodOnesWritesNothing() throws Exception {
        Path good = Fixtures.copy(Fixtures.THRPT_PARAMS, dir);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[]");
        Path out = dir.resolve("out");
        assertThrows(BadInputException.class, () -> Reports.write(List.of(good, bad), out));
        assertNoReport(out);
    }

    @Test
    void rejectsMissingFile() {
        Path missing = dir.resolve("nope.json");
        BadInputException e = assertThrows(BadInputException.class, () -> Reports.write(List.of(missing), dir));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void rejectsUnreadableLatencyLog() throws Exception {
        Path results = CrossoverFixture.standard().writeTo(dir.resolve("run"));
        Path log = dir.resolve("run/latency/" + CrossoverFixture.PKG + "SleepBenchmark.run@concurrency=1,model=x.hlog");
        Files.writeString(log, "#[StartTime: 0]\nnot,a,histogram,line\n");
        BadInputException e = assertThrows(BadInputException.class, () -> Reports.write(List.of(results), dir.resolve("out")));
        assertTrue(e.getMessage().startsWith(log + ": "), e.getMessage());
        assertNoReport(dir.resolve("out"));
    }

    @Test
    void rejectsCorruptLatencyLog() throws Exception {
        Path results = CrossoverFixture.standard().writeTo(dir.resolve("run"));
        Path log = dir.resolve("run/latency/" + CrossoverFixture.PKG + "SleepBenchmark.run@concurrency=1,model=x.hlog");
        Files.writeString(log, "#[StartTime: 0]\n0.000,1.000,100.000,HISTFAAAAEV42pNpmSzMwMCgwQAB\n");
        BadInputException e = assertThrows(BadInputException.class, () -> Reports.write(List.of(results), dir.resolve("out")));
        assertTrue(e.getMessage().startsWith(log + ": not a readable HdrHistogram log"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void commandExitsTwoWithOneLineOnStderr() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[1, 2");
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new ReportCommand());
        cmd.setErr(new PrintWriter(err));
        cmd.setOut(new PrintWriter(out));

        int code = cmd.execute(file.toString(), "--out", dir.resolve("out").toString());

        assertEquals(2, code);
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith(file + ": not valid JSON at line 1"), message);
        assertEquals("", out.toString());
        assertNoReport(dir.resolve("out"));
    }

    @Test
    void commandWithoutFilesIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new ReportCommand());
        cmd.setErr(new PrintWriter(err));
        assertEquals(2, cmd.execute());
        assertTrue(err.toString().contains("FILE"), err.toString());
    }

    private static void assertNoReport(Path out) throws Exception {
        if (Files.isDirectory(out)) {
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(List.of(), files.toList(), "nothing written");
            }
        }
    }
}
