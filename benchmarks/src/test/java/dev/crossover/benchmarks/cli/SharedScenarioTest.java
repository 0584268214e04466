package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.core.Models;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code scenario --workload shared}: every model ends in one state hash; bad flags are one line and exit 2. */
@Timeout(300)
class SharedScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyModelEndsInTheSameStateHashAtTwoAccountsAndAThousandInFlight() throws Exception {
        CommandLineTest.Outcome o = CommandLineTest.run("scenario", "--model", "all", "--workload", "shared",
                "--accounts", "2", "--concurrency", "1000", "--tasks", "20000", "--cpu-units", "2", "--fixed",
                "--warmup", "0", "--lock", "striped", "--json");

        assertEquals(0, o.code(), o.err());
        JsonNode array = JSON.readTree(o.out());
        List<String> models = new ArrayList<>();
        Set<String> hashes = new HashSet<>();
        for (JsonNode m : array) {
            models.add(m.get("model").asText());
            JsonNode shared = m.get("shared");
            assertEquals(2, shared.get("accounts").asInt(), m.toString());
            assertEquals(0, shared.get("total").asLong(), m.toString());
            assertEquals(40_000, shared.get("updates").asLong(), m.toString());
            assertEquals(0, shared.get("lostUpdates").asLong(), m.toString());
            assertFalse(shared.get("demonstration").asBoolean(), m.toString());
            assertTrue(m.get("verification").get("passed").asBoolean(), m.toString());
            String mechanism = shared.get("mechanism").asText();
            assertTrue(m.get("model").asText().startsWith("threads-") ? mechanism.equals("striped")
                    : mechanism.contains("loop-confined") || mechanism.equals("parent-owned"), m.toString());
            hashes.add(shared.get("stateHash").asText());
        }
        assertEquals(1, hashes.size(), "one state hash for every model: " + hashes);
        assertTrue(models.containsAll(List.of("eventloop", "eventloop-offload", "netty", "threads-fixed",
                "threads-per-task", "threads-forkjoin", "threads-virtual", "processes", "processes-eventloop")), models
                + " of " + Models.ids());
        for (String skipped : o.err().lines().toList()) {
            assertTrue(skipped.contains(": skipped: workload: shared (expected: a workload model "), o.err());
        }
    }

    @Test
    void anUnguardedRunIsADemonstrationThatReportsItsLostUpdatesAndExitsZero() throws Exception {
        CommandLineTest.Outcome o = CommandLineTest.run("scenario", "--model", "threads-fixed", "--workload", "shared",
                "--accounts", "2", "--concurrency", "1000", "--tasks", "100000", "--cpu-units", "2", "--fixed",
                "--warmup", "0", "--lock", "none", "--json");

        assertEquals(0, o.code(), o.err());
        JsonNode shared = JSON.readTree(o.out()).get(0).get("shared");
        assertEquals("none", shared.get("mechanism").asText());
        assertTrue(shared.get("demonstration").asBoolean());
        long lost = shared.get("lostUpdates").asLong();
        assertEquals(200_000 - lost, shared.get("updates").asLong(), shared.toString());
        assertTrue(lost >= 0, shared.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--workload shared --accounts 1|crossover: accounts: 1 (expected: 2 to 100000)",
            "--workload shared --accounts 100001|crossover: accounts: 100001 (expected: 2 to 100000)",
            "--workload shared --lock fair|crossover: lock: fair (expected: one of synchronized, reentrant, stamped, "
                    + "striped, none)",
            "--workload cpu --lock striped|crossover: lock: striped (expected: only with --workload shared)",
            "--workload sleep --accounts 10|crossover: accounts: 10 (expected: 0 unless the workload is shared)"})
    void badSharedFlagsExitTwoWithOneLineNamingTheFlag(String flags, String message) {
        List<String> args = new ArrayList<>(List.of("scenario", "--model", "threads-fixed", "--tasks", "10"));
        args.addAll(List.of(flags.split(" ")));
        CommandLineTest.Outcome o = CommandLineTest.run(args.toArray(String[]::new));

        assertEquals(2, o.code(), o.err());
        assertEquals(message, o.err().strip());
        assertEquals("", o.out());
    }
}
