package dev.crossover.eventloop.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examples print what the articles print, and last at least as long as their sleeps demand. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SeedExamplesTest {
    static final Scale SCALE = new Scale(0.01);

    static Map<String, SeedResult> runAll() {
        return SeedExamples.all().stream().map(e -> e.run(SCALE))
                .collect(Collectors.toMap(SeedResult::name, Function.identity()));
    }

    @Test
    void everyExamplePrintsWhatItsArticlePrints() {
        Map<String, SeedResult> results = runAll();

        assertEquals(10, results.size());
        assertEquals(List.of("Start of main coroutine", "End of main coroutine"), results.get("000-main-sleep").output());
        assertEquals(List.of("Fetching data...", "Data fetched"), results.get("000-create-task").output());
        assertEquals(List.of("Task One Done", "Task Two Done", "Task Three Done"), results.get("000-gather").output());
        assertEquals(List.of("Data Fetched", "Data Fetched"), results.get("000-task-group").output());
        assertEquals(List.of("Starting task A", "Task A completed", "Starting task B", "Task B completed",
                "Starting task C", "Task C completed"), results.get("001-sequence").output());
        assertEquals(List.of("Starting task A", "Starting task B", "Starting task C",
                "Task A completed", "Task B completed", "Task C completed"), results.get("001-gather").output());
        assertEquals(results.get("001-sequence").output(), results.get("001-sequence-blocking").output());
        for (String threads : List.of("001-platform-threads", "001-virtual-threads")) {
            // Threads interleave as the scheduler pleases: the same lines, in some order.
            assertEquals(results.get("001-sequence").output().stream().sorted().toList(),
                    results.get(threads).output().stream().sorted().toList(), threads);
        }
        assertEquals(List.of("Get stock price of GOOG...", "Get stock price of APPL...", "300", "300"),
                results.get("002-stock-prices").output());
    }

    @Test
    void noExampleEndsBeforeItsSleepsAllow() {
        for (SeedResult r : runAll().values()) {
            // A lower bound only: sleeps never end early. How close to expected is for the seeds command.
            assertTrue(r.measuredMillis() >= r.expectedMillis() * 0.99, r.name() + ": " + r);
        }
    }

    @Test
    void rejectsANonPositiveScale() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Scale(0));
        assertEquals("scale: 0.0 (expected: > 0)", e.getMessage());
    }
}
