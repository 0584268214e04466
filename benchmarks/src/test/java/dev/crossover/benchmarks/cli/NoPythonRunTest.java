package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.benchmarks.ForkedJvm;
import dev.crossover.benchmarks.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine without Python: {@code run} says so in its first line and the JVM sweep goes on (a JVM of
 * its own, whose {@code PATH} holds no {@code python3}); {@code --no-python} says it skips.
 */
class NoPythonRunTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void runsTheJvmSweepAloneWhenNoPythonIsOnThePath() throws Exception {
        Path noPython = Files.createDirectories(dir.resolve("bin"));
        Path out = dir.resolve("run");

        ForkedJvm.Result run = ForkedJvm.run(dir.resolve("jvm"), Duration.ofSeconds(170), List.of(),
                Map.of("PATH", noPython.toString()), Main.class, "run", "--profile", "smoke", "--include",
                "SleepBenchmark\\.run@concurrency=3,.*model=eventloop$", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        assertEquals("crossover run: python: none (no python3 on the PATH; expected: a Python >= 3.11, or --python PATH); "
                + "the JVM sweep runs alone", first);
        assertEquals(out.resolve("report.html").toAbsolutePath().toString(), run.out().strip());
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(1, results.size(), results.toString());
        assertEquals("eventloop", results.get(0).get("params").get("model").asText());
        assertFalse(Files.exists(out.resolve(PythonPart.DIRECTORY)), "no Python run directory");
        assertFalse(run.err().contains("crossover python:"), run.err());
    }

    @Test
    void saysItSkipsPythonWithNoPython() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PythonPart part = PythonPart.find(true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("crossover run: python: skipped (--no-python); the JVM sweep runs alone\n",
                bytes.toString(StandardCharsets.UTF_8));
        assertTrue(part.run("smoke", dir, null).isEmpty());
        assertTrue(part.passed());
        assertEquals(List.of(dir.resolve("results.json")), part.withResults(dir.resolve("results.json"), java.util.Optional.empty()));
    }
}
