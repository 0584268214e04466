package dev.crossover.benchmarks.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.benchmarks.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code python}: bad input in one line, and a one-point sweep's run directory and report. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonCommandTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void assertOneLine(Outcome o, String expected) {
        assertEquals(2, o.code(), o.err());
        assertEquals(expected, o.err().strip());
        assertEquals("", o.out());
    }

    @Test
    void rejectsAnUnknownProfile() {
        assertOneLine(run("python", "--profile", "huge", "--out", dir.toString()),
                "crossover: profile: huge (expected: smoke, quick or full)");
    }

    @Test
    void namesAnInterpreterThatDoesNotRun() {
        Path missing = dir.resolve("python9");
        Outcome o = run("python", "--python", missing.toString(), "--out", dir.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().strip().startsWith("crossover: python: " + missing + " does not run ("), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void rejectsAnIncludeThatIsNotARegularExpression() {
        Assumptions.assumeTrue(PythonRuntime.find(null, System.getenv("PATH")).runtime().isPresent(), "no python3 >= 3.11");
        assertOneLine(run("python", "--include", "[", "--out", dir.toString()),
                "crossover: include: [ (expected: a regular expression)");
    }

    @Test
    void rejectsAnIncludeMatchingNoPoint() {
        Assumptions.assumeTrue(PythonRuntime.find(null, System.getenv("PATH")).runtime().isPresent(), "no python3 >= 3.11");
        Outcome o = run("python", "--profile", "smoke", "--include", "NoSuchBenchmark", "--out", dir.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().strip().endsWith("crossover_py: include: NoSuchBenchmark (expected: a pattern matching a point "
                + "of profile smoke)"), o.err());
    }

    @Test
    void runsOnePointIntoARunDirectoryAndItsReport() throws Exception {
        PythonRuntime.Found found = PythonRuntime.find(null, System.getenv("PATH"));
        Assumptions.assumeTrue(found.runtime().isPresent(), "skipped: " + found.words());
        Path out = dir.resolve("py");

        Outcome o = run("python", "--profile", "smoke", "--include", "SleepBenchmark.*model=py-asyncio$", "--out", out.toString());

        assertEquals(0, o.code(), o.err());
        assertEquals(out.resolve("report.html").toAbsolutePath().toString(), o.out().strip());
        assertTrue(o.err().startsWith("crossover python: " + found.runtime().get().executable() + " (Python "), o.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(out.resolve("results.json").toFile());
        assertEquals(1, results.size(), results.toString());
        JsonNode e = results.get(0);
        assertEquals("dev.crossover.benchmarks.SleepBenchmark.run", e.get("benchmark").asText());
        assertEquals(Map.of("concurrency", "100", "cpuMicros", "0", "ioMillis", "10", "model", "py-asyncio"),
                json.convertValue(e.get("params"), Map.class));
        assertEquals(found.runtime().get().version(), e.get("jdkVersion").asText());
        assertEquals(2, e.get("forks").asInt());
        assertEquals(2, e.get("secondaryMetrics").get("completed").get("rawData").size(), "a row per repeat");
        assertTrue(e.get("secondaryMetrics").get("completed").get("score").asDouble() > 0, e.toString());
        assertEquals("python", json.readTree(out.resolve("environment.json").toFile()).get("language").asText());
        try (var points = Files.list(out.resolve("points"))) {
            JsonNode record = json.readTree(points.findFirst().orElseThrow().toFile());
            assertTrue(record.get("verification").get("passed").asBoolean(), record.toString());
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("py-asyncio (Python)"));
        assertEquals(List.of(), Files.list(out).filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                "no temporary file left");
    }
}
