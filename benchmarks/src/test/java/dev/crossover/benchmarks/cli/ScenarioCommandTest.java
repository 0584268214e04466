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
    void runsSeveralModelsInTheirOrderEachInSteadyStateAndChecked() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "threads-virtual,eventloop,processes", "--workload", "cpu",
                "--cpu", "50us", "--tasks", "300", "--concurrency", "10", "--warmup", "200ms", "--json");

        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err());
        JsonNode array = JSON.readTree(o.out());
        assertTrue(array.isArray(), o.out());
        assertEquals(List.of("threads-virtual", "eventloop", "processes"), models(array));
        Set<Long> units = new HashSet<>();
        for (JsonNode m : array) {
            assertEquals("closed", m.get("mode").asText());
            assertTrue(m.get("completed").asInt() >= 300, "the window holds at least --tasks outcomes: " + m);
            assertEquals(0, m.get("failed").asInt());
            JsonNode trial = m.get("trial");
            assertEquals(trial.get("submitted").asLong(), trial.get("completed").asLong() + trial.get("failed").asLong(),
                    "completed + failed = submitted: " + m);
            assertTrue(trial.get("submitted").asLong() > m.get("completed").asLong(), "warm-up and drain are in the trial");
            assertEquals("full", m.get("verification").get("method").asText());
            assertTrue(m.get("verification").get("passed").asBoolean(), m.toString());
            assertEquals(trial.get("submitted").asLong(), m.get("verification").get("checked").asLong());
            assertEquals(dev.crossover.core.Driver.METHOD_VERSION, m.get("methodVersion").asInt());
            units.add(m.get("cpuUnits").asLong());
        }
        assertEquals(1, units.size(), "one calibration, the same kernel units: " + units);
    }

    @Test
    void fixedRunsEveryTaskOnceAndEveryModelHasOneChecksum() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "threads-virtual,eventloop", "--workload", "cpu",
                "--cpu", "50us", "--tasks", "300", "--concurrency", "10", "--fixed", "--warmup", "100ms", "--json");

        assertEquals(0, o.code(), o.err());
        JsonNode array = JSON.readTree(o.out());
        assertEquals(1, checksums(array).size(), "the same tasks, the same results: " + o.out());
        for (JsonNode m : array) {
            assertEquals("fixed", m.get("mode").asText());
            assertEquals(300, m.get("completed").asInt(), m.toString());
            assertEquals(300, m.get("trial").get("submitted").asInt(), m.toString());
            assertTrue(m.get("warmup").get("completed").asInt() > 0, "the warm-up is a trial of its own: " + m);
        }
    }

    @Test
    void printsATableWithARowPerModelAndTheirCheck() {
        CommandLineTest.Outcome o = run("scenario", "--model", "eventloop,threads-virtual", "--workload", "sleep",
                "--io", "1ms", "--tasks", "50", "--concurrency", "10", "--warmup", "100ms");

        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).startsWith("workload sleep: steady state, concurrency 10, a window of 50 tasks, io 1ms, "
                + "seed 42, warm-up 100ms"), lines.get(0));
        assertEquals(List.of("model", "completed", "failed", "rejected", "tasks/s", "ideal/s", "eff", "p50", "ms", "p99",
                "ms", "svc", "p99", "late", "p99", "start", "ms", "checksum,", "check"), List.of(lines.get(1).split("\\s+")));
        assertEquals("eventloop", lines.get(2).split("\\s+")[0]);
        assertEquals("threads-virtual", lines.get(3).split("\\s+")[0]);
        assertTrue(lines.get(2).contains("full check of ") && lines.get(2).endsWith(" tasks: ok"), lines.get(2));
        assertEquals("every model's results are the reference's for exactly the tasks it ran", lines.get(lines.size() - 1));
    }

    @Test
    void anOpenLoopReportsOfferedAndAchievedRateAndLatencyFromIntendedStart() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "threads-virtual", "--workload", "sleep", "--io", "2ms",
                "--rate", "500", "--tasks", "200", "--warmup", "100ms", "--json");

        assertEquals(0, o.code(), o.err());
        JsonNode m = JSON.readTree(o.out()).get(0);
        assertEquals("open", m.get("mode").asText());
        assertEquals(500.0, m.get("offeredRate").asDouble());
        assertTrue(m.get("achievedRate").asDouble() > 0, m.toString());
        assertEquals(0, m.get("rejected").asInt());
        assertTrue(m.get("latencyMicros").get("p50").asDouble() >= 2_000, "a 2 ms wait: " + m);
        assertTrue(m.get("lagMicros").has("p99"), m.toString());
        assertTrue(m.get("verification").get("passed").asBoolean(), m.toString());
    }

    @Test
    void readsWaitAndWorkDistributionsAndRejectsBadOnes() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "eventloop", "--workload", "mixed", "--io", "1ms",
                "--cpu-units", "10", "--cpu-dist", "spike:10%:50us", "--io-dist", "uniform:50%", "--tasks", "100",
                "--warmup", "0", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode m = JSON.readTree(o.out()).get(0);
        assertEquals("uniform:50.0%", m.get("ioDist").asText());
        assertEquals("spike:10.0%:50us", m.get("cpuDist").asText());

        CommandLineTest.Outcome bad = run("scenario", "--model", "eventloop", "--workload", "sleep", "--io-dist", "gauss");
        assertEquals(2, bad.code());
        assertEquals("crossover: distribution: gauss (expected: fixed, uniform:P%, exp, lognormal:SIGMA or "
                + "spike:P%:DURATION)", bad.err().strip());
    }

    @Test
    void oneModelPrintsAnArrayOfOne() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "threads-fixed", "--workload", "sleep", "--io", "0",
                "--tasks", "20", "--warmup", "0", "--json");

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
                "--tasks", "100", "--concurrency", "10", "--io", "1ms", "--fail-rate", "0.3", "--warmup", "100ms", "--json");

        assertEquals(0, o.code(), "the failures --fail-rate asks for are no failure of the run: " + o.err());
        JsonNode array = JSON.readTree(o.out());
        for (JsonNode m : array) {
            JsonNode trial = m.get("trial");
            long expected = trial.get("expectedFailures").asLong();
            assertTrue(expected > 0 && expected < trial.get("submitted").asLong(), m.toString());
            assertEquals(expected, trial.get("failed").asLong(), m.toString());
            assertEquals(expected, m.get("failureCauses").get("InjectedFailure").asLong(), m.toString());
            assertEquals(false, m.get("unexpectedFailures").asBoolean());
        }
        List<String> lines = o.err().lines().toList();
        assertEquals(2, lines.size(), "a line per trial with failures: " + o.err());
        assertTrue(lines.get(0).startsWith("crossover: scenario: eventloop: trial (warm-up, window and drain): "), lines.get(0));
        assertTrue(lines.get(0).contains(" tasks failed, all of them injected by --fail-rate; causes {InjectedFailure="),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("crossover: scenario: threads-virtual: trial "), lines.get(1));
    }

    @Test
    void aWarmUpThatLosesTasksIsReportedAndExitsOne(@TempDir Path dir) throws Exception {
        CommandLineTest.Outcome o = ExtraModels.with(dir, List.of(WarmupFailsModel.Provider.class), () -> run(
                "scenario", "--model", WarmupFailsModel.ID + ",threads-virtual", "--workload", "cpu", "--cpu-units", "20",
                "--tasks", "100", "--concurrency", "4", "--fixed", "--warmup", "200ms", "--json"));

        assertEquals(1, o.code(), o.err());
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("crossover: scenario: test-warmup-fails: warm-up: "), lines.get(0));
        assertTrue(lines.get(0).contains(" tasks failed (expected: 0, the tasks --fail-rate injects); causes "
                + "{IllegalStateException: " + WarmupFailsModel.CAUSE + "="), lines.get(0));
        JsonNode array = JSON.readTree(o.out());
        JsonNode failing = array.get(0);
        assertEquals(100, failing.get("completed").asInt(), "the measured run was clean");
        assertEquals(0, failing.get("failed").asInt());
        assertEquals(10, failing.get("warmup").get("failed").asLong(), "every tenth of the first " + WarmupFailsModel.EARLY);
        assertEquals(10, failing.get("warmup").get("failureCauses").get("IllegalStateException: "
                + WarmupFailsModel.CAUSE).asLong());
        assertEquals(true, failing.get("unexpectedFailures").asBoolean());
        assertEquals(false, array.get(1).get("unexpectedFailures").asBoolean());
        assertEquals(1, checksums(array).size(), "both measured runs did every task");
    }

    @Test
    void aModelThatDoesNotRunTheWorkloadIsSkippedAmongSeveral() throws Exception {
        CommandLineTest.Outcome o = run("scenario", "--model", "threads-forkjoin,eventloop", "--workload", "fanout",
                "--io", "1ms", "--tasks", "20", "--concurrency", "5", "--warmup", "50ms", "--json");

        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("eventloop"), models(JSON.readTree(o.out())));
        assertTrue(o.err().startsWith("crossover: scenario: threads-forkjoin: skipped: "), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    @Test
    void allRunsEveryModelOfTheJarWithOneChecksumAndNoWarning(@TempDir Path dir) throws Exception {
        // --fixed: every model runs the same 2,000 tasks, so their checksums must be one
        // in a JVM of its own, started as the jar is: Netty and JMH call sun.misc.Unsafe, which only
        // a JVM started with JvmFlags keeps quiet about
        ForkedJvm.Result r = ForkedJvm.run(dir, Duration.ofSeconds(100), List.of(), Main.class,
                "scenario", "--model", "all", "--workload", "cpu", "--cpu", "100us", "--tasks", "2000", "--fixed",
                "--warmup", "100ms", "--json");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err(), "nothing on standard error: no failure, no JVM warning");
        JsonNode array = JSON.readTree(r.out());
        assertEquals(Models.ids(), models(array));
        assertEquals(1, checksums(array).size(), r.out());
        array.forEach(m -> assertEquals(2000, m.get("completed").asInt(), m.toString()));
    }
}
