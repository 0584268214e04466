package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.benchmarks.ForkedJvm;
import dev.crossover.benchmarks.Main;
import dev.crossover.core.Models;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code scenario} with several models: one JVM, one calibration, one checksum; every failed pass reported. */
@Timeout(120)
class ScenarioCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CommandLineTest.Outcome run(String... args) {
        return CommandLineTest.run(args);
    }

    private static List<String> models(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(o -> ids.add(o.get("model").asText()));
        return ids;
    }

    private static Set<String> checksums(JsonNode array) {
        Set<String> sums = new HashSet<>();
        array.forEach(o -> sums.add(o.get("checksum").asText()));
        return sums;
    }

    @Test
    void runsSeveralModelsInTheirOrderWithOneChecksum() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "threads-virtual,eventloop,processes", "--workload", "cpu",
                "--cpu", "50us", "--tasks", "300", "--concurrency", "10", "--verify", "--json");

        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err());
        JsonNode array = JSON.readTree(o.out());
        assertTrue(array.isArray(), o.out());
        assertEquals(List.of("threads-virtual", "eventloop", "processes"), models(array));
        assertEquals(1, checksums(array).size(), "one calibration, the same kernel units: " + o.out());
        Set<Long> units = new HashSet<>();
        for (JsonNode m : array) {
            assertEquals(300, m.get("completed").asInt(), m.toString());
            assertEquals(0, m.get("failed").asInt());
            assertTrue(m.get("checksumMatchesReference").asBoolean(), m.toString());
            assertEquals(1, m.get("warmup").get("passes").asInt());
            assertEquals(300, m.get("warmup").get("completed").asInt());
            assertEquals(0, m.get("warmup").get("failed").asInt());
            assertEquals(0, m.get("expectedFailures").asInt());
            units.add(m.get("cpuUnits").asLong());
        }
        assertEquals(1, units.size(), units.toString());
    }

    @Test
    void printsATableWithARowPerModelAndTheirChecksum() {
        CommandLineTest.Outcome o = run("scenario", "--model", "eventloop,threads-virtual", "--workload", "sleep",
                "--io", "1ms", "--tasks", "50", "--concurrency", "10");

        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).startsWith("workload sleep: 50 tasks, concurrency 10, io 1ms, seed 42"), lines.get(0));
        assertEquals(List.of("model", "completed", "failed", "wall", "s", "tasks/s", "ideal/s", "eff", "p50", "ms", "p99",
                "ms", "start", "ms", "checksum"), List.of(lines.get(1).split("\\s+")));
        assertEquals("eventloop", lines.get(2).split("\\s+")[0]);
        assertEquals("threads-virtual", lines.get(3).split("\\s+")[0]);
        String checksum = lines.get(2).split("\\s+")[10];
        assertEquals(checksum, lines.get(3).split("\\s+")[10]);
        assertEquals("50", lines.get(2).split("\\s+")[1]);
        assertEquals("checksum " + checksum + " for every model", lines.get(4));
        assertEquals(5, lines.size(), o.out());
    }

    @Test
    void oneModelPrintsAnArrayOfOne() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "threads-fixed", "--workload", "sleep", "--io", "0",
                "--tasks", "20", "--json");

        assertEquals(0, o.code(), o.err());
        JsonNode array = JSON.readTree(o.out());
        assertEquals(List.of("threads-fixed"), models(array));
    }

    @Test
    void anUnknownIdAmongSeveralIsOneLineNamingItAndTheKnownIds() {
        CommandLineTest.Outcome o = run("scenario", "--model", "eventloop,nope", "--workload", "sleep");

        assertEquals(2, o.code());
        assertEquals("", o.out());
        assertEquals("crossover: model: nope (expected: one of " + String.join(", ", Models.ids()) + ")", o.err().strip());
        CommandLineTest.Outcome empty = run("scenario", "--model", "eventloop,,threads-fixed", "--workload", "sleep");
        assertEquals(2, empty.code());
        assertEquals("crossover: model: eventloop,,threads-fixed (expected: model ids separated by commas, or all)",
                empty.err().strip());
    }

    @Test
    void onlyInjectedFailuresAreExpected() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "eventloop,threads-virtual", "--workload", "sleep",
                "--tasks", "100", "--concurrency", "10", "--io", "1ms", "--fail-rate", "0.3", "--json");

        assertEquals(0, o.code(), "the failures --fail-rate asks for are no failure of the run: " + o.err());
        JsonNode array = JSON.readTree(o.out());
        int expected = array.get(0).get("expectedFailures").asInt();
        assertTrue(expected > 0 && expected < 100, o.out());
        for (JsonNode m : array) {
            assertEquals(expected, m.get("failed").asInt(), m.toString());
            assertEquals(expected, m.get("warmup").get("failed").asInt(), m.toString());
            assertEquals(expected, m.get("failureCauses").get("InjectedFailure").asInt(), m.toString());
            assertEquals(false, m.get("unexpectedFailures").asBoolean());
        }
        List<String> lines = o.err().lines().toList();
        assertEquals(4, lines.size(), "a line per pass with failures: " + o.err());
        assertEquals("crossover: scenario: eventloop: warm-up pass 1 of 1: " + expected + " of 100 tasks failed, all of "
                + "them injected by --fail-rate; causes {InjectedFailure=" + expected + "}", lines.get(0));
        assertTrue(lines.get(3).startsWith("crossover: scenario: threads-virtual: measured pass: "), lines.get(3));
    }

    @Test
    void aWarmUpPassThatLosesTasksIsReportedAndExitsOne(@TempDir Path dir) throws Exception {
        CommandLineTest.Outcome o = ExtraModels.with(dir, List.of(WarmupFailsModel.Provider.class), () -> run(
                "scenario", "--model", WarmupFailsModel.ID + ",threads-virtual", "--workload", "cpu", "--cpu-units", "20",
                "--tasks", "100", "--concurrency", "4", "--json"));

        assertEquals(1, o.code(), o.err());
        assertEquals(List.of("crossover: scenario: test-warmup-fails: warm-up pass 1 of 1: 10 of 100 tasks failed "
                + "(expected: 0, the tasks --fail-rate injects); causes {IllegalStateException: "
                + WarmupFailsModel.CAUSE + "=10}"), o.err().lines().toList());
        JsonNode array = JSON.readTree(o.out());
        JsonNode failing = array.get(0);
        assertEquals(100, failing.get("completed").asInt(), "the measured pass was clean");
        assertEquals(0, failing.get("failed").asInt());
        assertEquals(90, failing.get("warmup").get("completed").asInt());
        assertEquals(10, failing.get("warmup").get("failed").asInt());
        assertEquals(10, failing.get("warmup").get("failureCauses").get("IllegalStateException: " + WarmupFailsModel.CAUSE)
                .asInt());
        assertEquals(true, failing.get("unexpectedFailures").asBoolean());
        assertEquals(false, array.get(1).get("unexpectedFailures").asBoolean());
        assertEquals(1, checksums(array).size(), "both measured passes did every task");
    }

    @Test
    void aModelThatDoesNotRunTheWorkloadIsSkippedAmongSeveral() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "threads-forkjoin,eventloop", "--workload", "fanout",
                "--io", "1ms", "--tasks", "20", "--concurrency", "5", "--json");

        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("eventloop"), models(JSON.readTree(o.out())));
        assertTrue(o.err().startsWith("crossover: scenario: threads-forkjoin: skipped: "), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    @Test
    void allRunsEveryModelOfTheJarWithOneChecksumAndNoWarning(@TempDir Path dir) throws Exception {
        // in a JVM of its own, started as the jar is: Netty and JMH call sun.misc.Unsafe, which only
        // a JVM started with JvmFlags keeps quiet about
        ForkedJvm.Result r = ForkedJvm.run(dir, Duration.ofSeconds(100), List.of(), Main.class,
                "scenario", "--model", "all", "--workload", "cpu", "--cpu", "100us", "--tasks", "2000", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err(), "nothing on standard error: no failure, no JVM warning");
        JsonNode array = JSON.readTree(r.out());
        assertEquals(Models.ids(), models(array));
        assertEquals(1, checksums(array).size(), r.out());
        array.forEach(m -> assertEquals(2000, m.get("completed").asInt(), m.toString()));
    }
}
