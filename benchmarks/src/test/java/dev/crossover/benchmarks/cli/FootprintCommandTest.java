package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.benchmarks.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class FootprintCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @RepeatedTest(20)
    void badInputIsOneLineNamingTheFlagAndExitTwo() {
        assertEquals(2, run("footprint", "--tasks", "0", "--out", dir.toString()));
        assertEquals("crossover: tasks: 0 (expected: > 0)", err.toString().strip());
        assertEquals(2, run("footprint", "--model", "eventloop", "--heap", "lots", "--out", dir.toString()));
        assertTrue(err.toString().strip().endsWith("crossover: heap: lots (expected: a size such as 4g or 512m)"), err.toString());
        assertEquals(2, run("footprint", "--model", "nosuch", "--out", dir.toString()));
        assertTrue(err.toString().lines().reduce((a, b) -> b).orElse("").startsWith("crossover: model: nosuch (expected: one of "),
                err.toString());
        assertTrue(!Files.exists(dir.resolve("footprint.json")));
    }

    /** Ran 20 times in a row (as {@code @RepeatedTest(20)}) when written; a build runs it once, as it starts JVMs. */
    @Test
    void writesFootprintJsonWithAFitOverTheTaskCounts() throws Exception {
        int code = run("footprint", "--model", "eventloop,threads-per-task", "--tasks", "200,400", "--heap", "512m",
                "--wait", "300s", "--out", dir.toString());

        assertEquals(0, code, err.toString());
        assertEquals(dir.resolve("footprint.json").toAbsolutePath().toString(), out.toString().strip());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("footprint.json").toFile());
        assertEquals("footprint --model eventloop,threads-per-task --tasks 200,400 --wait 300s --spawn-timeout 120s --heap 512m",
                root.path("command").asText());
        for (JsonNode model : root.path("models")) {
            assertEquals(400, model.path("largestTasks").asInt(), model.toString());
            assertEquals(2, model.path("fits").path("pss").path("points").asInt(), model.toString());
            for (JsonNode p : model.path("points")) {
                assertEquals("measured", p.path("status").asText(), p.toString());
                assertEquals(p.path("tasks").asLong(), p.path("waiting").asLong(), p.toString());
                assertEquals(0, p.path("leftBehind").asInt());
            }
        }
        JsonNode perTask = root.path("models").get(1);
        assertEquals(1, perTask.path("threadsPerTask").asInt());
        assertTrue(perTask.path("points").get(1).path("after").path("osThreads").asLong() >= 400, perTask.toString());
        assertTrue(err.toString().contains("threads-per-task N=400: Pss"), err.toString());
    }
}
