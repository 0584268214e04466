package dev.crossover.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.reports.footprint.FootprintFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

class FootprintJsonTest {
    @TempDir
    Path dir;

    /** N tasks that grew the tree's Pss by 300 bytes each over a 35 MB JVM, the live heap by 200 each. */
    private static Outcome.Measured measured(int n, long waiting) {
        ProcessTree before = new ProcessTree(35_000_000, 40_000_000, 20, List.of(1L));
        ProcessTree after = new ProcessTree(35_000_000 + 300L * n, 40_000_000 + 320L * n, 21, List.of(1L));
        return new Outcome.Measured(n, waiting, n - waiting, before, after, 2_000_000, 3_000_000 + 250L * n,
                2_000_000 + 200L * n, 64_000_000, 21, 5_000L * n, 2_000L * n, Map.of("Total", 90_000_000L), 0, 1.5);
    }

    private static FootprintRun.Result result() {
        ModelFootprint loop = new ModelFootprint("eventloop", -1, 0, List.of(measured(1_000, 1_000), measured(10_000, 10_000),
                measured(100_000, 100_000)));
        ModelFootprint fixed = new ModelFootprint("threads-fixed", 200, 0, List.of(measured(1_000, 200),
                new Outcome.Stopped(10_000, "failed", "only 150 of 200 tasks began within the spawn timeout of 1 s", 0, 1.0)));
        return new FootprintRun.Result(List.of(loop, fixed), new PlatformLimits(32_768, 192_730, 65_530, -1, 20_000, true),
                List.of("-XX:+UseG1GC", "-Xmx4g"), Instant.parse("2026-12-01T12:00:00Z"), Instant.parse("2026-12-01T12:01:00Z"),
                List.of(1.0, 2.0, 3.0), List.of(1.5, 2.0, 3.0));
    }

    @RepeatedTest(20)
    void fileHasTheSettingsLimitsPointsAndFits() throws Exception {
        Path file = FootprintRun.write(result(), dir, "footprint --model eventloop,threads-fixed");

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("footprint.json", file.getFileName().toString());
        assertEquals("crossover-footprint", root.path("kind").asText());
        assertEquals(FootprintJson.METHOD_VERSION, root.path("methodVersion").asInt());
        assertEquals("footprint --model eventloop,threads-fixed", root.path("command").asText());
        assertEquals(32_768, root.path("limits").path("pidMax").asLong());
        assertTrue(root.path("limits").path("root").asBoolean());
        assertEquals("-Xmx4g", root.path("probeJvmArgs").get(1).asText());
        assertTrue(root.path("memoryMeasure").asText().startsWith("Pss of /proc/PID/smaps_rollup"));
        assertEquals(3, root.path("loadAverageStart").size());

        JsonNode loop = root.path("models").get(0);
        assertEquals("eventloop", loop.path("model").asText());
        assertEquals(100_000, loop.path("largestTasks").asInt());
        assertEquals(300, loop.path("fits").path("pss").path("bytesPerTask").asDouble(), 1e-6);
        assertEquals(1.0, loop.path("fits").path("pss").path("r2").asDouble(), 1e-9);
        assertEquals(320, loop.path("fits").path("rss").path("bytesPerTask").asDouble(), 1e-6);
        assertEquals(200, loop.path("fits").path("liveHeap").path("bytesPerTask").asDouble(), 1e-6);
        assertEquals(5.0, loop.path("fits").path("spawn").path("microsPerTask").asDouble(), 1e-9);
        assertEquals(2.0, loop.path("fits").path("spawnCpu").path("microsPerTask").asDouble(), 1e-9);
        JsonNode first = loop.path("points").get(0);
        assertEquals("measured", first.path("status").asText());
        assertEquals(300_000, first.path("pssGrowthBytes").asLong());
        assertEquals(90_000_000, first.path("nativeMemoryCommittedBytes").path("Total").asLong());
        assertEquals(21, first.path("after").path("osThreads").asLong());

        JsonNode fixed = root.path("models").get(1);
        assertEquals(200, fixed.path("parallelism").asLong());
        assertEquals(200, fixed.path("points").get(0).path("waiting").asLong());
        assertEquals(800, fixed.path("points").get(0).path("queued").asLong());
        assertEquals("failed", fixed.path("points").get(1).path("status").asText());
        assertTrue(fixed.path("points").get(1).path("reason").asText().startsWith("only 150 of 200"));
        assertTrue(fixed.path("fits").path("pss").isNull(), "one measured N: no fit");
    }

    @RepeatedTest(20)
    void theReportsModuleReadsWhatTheCommandWrites() throws Exception {
        Path file = FootprintRun.write(result(), dir, "footprint");

        FootprintFile read = FootprintFile.read(file);

        assertEquals(List.of("eventloop", "threads-fixed"), read.models().stream().map(FootprintFile.Model::model).toList());
        assertEquals(300, read.models().get(0).bytesPerTask(), 1e-6);
        assertEquals(5.0, read.models().get(0).spawnMicrosPerTask(), 1e-9);
        assertTrue(Double.isNaN(read.models().get(1).bytesPerTask()));
        assertEquals(800, read.models().get(1).points().get(0).queued());
        assertEquals("failed", read.models().get(1).points().get(1).status());
    }
}
