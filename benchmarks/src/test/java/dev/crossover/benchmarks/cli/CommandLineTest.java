package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.benchmarks.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

@Timeout(60)
class CommandLineTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --model nope --workload sleep                     | crossover: model: nope (expected: one of
            --model nope --workload nap                       | crossover: workload: nap (expected: one of sleep, cpu, mixed, fanout, shared, null, http, file)
            --model nope --workload sleep --concurrency 0     | crossover: concurrency: 0 (expected: > 0)
            --model nope --workload sleep --tasks -3          | crossover: tasks: -3 (expected: > 0)
            --model nope --workload sleep --io 50            | crossover: Invalid value for option '--io': 50 (expected: a duration such as 50ms, 200us, 2s)
            --model nope --workload sleep --io fast           | crossover: Invalid value for option '--io': fast (expected: a duration
            --model nope --workload sleep --tasks many        | crossover: Invalid value for option '--tasks': 'many' is not an int
            --model nope --workload sleep --frobnicate        | crossover: Unknown option: '--frobnicate'
            --model nope --workload sleep --fail-rate 2       | crossover: fail-rate: 2.0 (expected: between 0 and 1)
            --model nope --workload cpu --io 5ms              | crossover: io: 5ms (expected: 0 for workload cpu)
            --workload sleep                                  | crossover: Missing required option: '--model=M[,M2...]|all'
            """)
    void badScenarioInputGetsOneLineAndExitTwo(String args, String message) {
        Outcome outcome = run(("scenario " + args.trim()).split("\\s+"));

        assertEquals(2, outcome.code(), outcome.err());
        assertTrue(outcome.err().startsWith(message.trim()), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line: " + outcome.err());
        assertEquals("", outcome.out());
    }

    @Test
    void scenarioPrintsDesignsJsonFieldsAndExitsZero() throws Exception {
        Outcome outcome = run("scenario", "--model", "threads-virtual", "--workload", "mixed", "--tasks", "200",
                "--concurrency", "20", "--io", "1ms", "--cpu-units", "100", "--warmup", "100ms", "--json");

        assertEquals(0, outcome.code(), outcome.err());
        com.fasterxml.jackson.databind.JsonNode array = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(outcome.out());
        assertEquals(1, array.size(), "an array of one object per model: " + array);
        com.fasterxml.jackson.databind.JsonNode json = array.get(0);
        for (String field : java.util.List.of("model", "workload", "tasks", "concurrency", "completed", "failed",
                "wallSeconds", "throughput", "idealThroughput", "efficiency", "maxInFlight", "checksum",
                "latencyMicros", "serviceMicros", "latenessMicros", "startupMillis", "failureCauses", "trial", "warmup",
                "verification", "methodVersion")) {
            assertTrue(json.has(field), "field " + field + " in " + json);
        }
        for (String percentile : java.util.List.of("p50", "p90", "p99", "p999", "max")) {
            assertTrue(json.get("latencyMicros").has(percentile), percentile);
        }
        assertTrue(json.get("completed").asInt() >= 200, "the window holds at least --tasks outcomes: " + json);
        assertEquals(0, json.get("failed").asInt());
        assertEquals(20, json.get("maxInFlight").asInt(), "the closed loop keeps exactly C in flight");
        assertEquals(true, json.get("verification").get("passed").asBoolean());
    }

    @Test
    void modelsListsEveryModelIdFirst() {
        Outcome outcome = run("models");

        assertEquals(0, outcome.code());
        assertEquals(dev.crossover.core.Models.ids(), outcome.out().lines().map(l -> l.split("\\s+")[0]).toList());
        assertTrue(dev.crossover.core.Models.ids().containsAll(java.util.List.of("eventloop", "eventloop-offload",
                "netty", "threads-fixed", "threads-per-task", "threads-forkjoin", "threads-virtual", "processes",
                "processes-eventloop")), dev.crossover.core.Models.ids().toString());
    }

    @Test
    void noArgumentsPrintsUsageAndExitsTwo() {
        Outcome outcome = run();

        assertEquals(2, outcome.code());
        assertTrue(outcome.err().contains("scenario"), outcome.err());
    }

    @Test
    void workloadsListsEachIdFirst() {
        Outcome outcome = run("workloads");

        assertEquals(0, outcome.code());
        assertEquals(java.util.List.of("sleep", "cpu", "mixed", "fanout", "shared", "null", "http", "file"),
                outcome.out().lines().map(l -> l.split("\\s+")[0]).toList());
    }

    @Test
    void seedsPrintsEveryExampleAsJson() throws Exception {
        Outcome outcome = run("seeds", "--scale", "0.01", "--json");

        assertEquals(0, outcome.code(), outcome.err());
        com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(outcome.out());
        assertTrue(rows.size() >= 6, "examples: " + rows.size());
        for (com.fasterxml.jackson.databind.JsonNode row : rows) {
            assertTrue(row.get("name").isTextual(), row.toString());
            assertTrue(row.get("expectedMillis").asDouble() > 0, row.toString());
            assertTrue(row.get("measuredMillis").asDouble() >= row.get("expectedMillis").asDouble() * 0.99,
                    "no example ends before its sleeps allow: " + row);
        }
    }

    @Test
    void seedsRejectsANonPositiveScale() {
        Outcome outcome = run("seeds", "--scale", "0");

        assertEquals(2, outcome.code());
        assertEquals("crossover: scale: 0.0 (expected: > 0)", outcome.err().strip());
    }

    @Test
    void readsDurationsWithUnits() {
        assertEquals(Duration.ofMillis(50), Durations.parse("50ms"));
        assertEquals(Duration.ofNanos(200_000), Durations.parse("200us"));
        assertEquals(Duration.ofNanos(1_500_000), Durations.parse("1.5ms"));
        assertEquals(Duration.ofSeconds(2), Durations.parse("2s"));
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals(Duration.ZERO, Durations.parse("0us"));
        assertThrows(CommandLine.TypeConversionException.class, () -> Durations.parse("-5ms"));
        assertEquals("200us", Durations.format(Duration.ofNanos(200_000)));
        assertEquals("50ms", Durations.format(Duration.ofMillis(50)));
    }
}
