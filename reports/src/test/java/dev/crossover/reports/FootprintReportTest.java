package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossover.reports.compare.FootprintComparison;
import dev.crossover.reports.compare.Verdict;
import dev.crossover.reports.footprint.FootprintFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The footprint section of the report and of compare, from footprint.json files written here. */
@Timeout(60)
class FootprintReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A footprint.json of the command's shape: eventloop measured at two N, threads-per-task refused at the second. */
    static void writeFootprint(Path runDir, int methodVersion, double eventloopBytesPerTask) throws Exception {
        writeFootprint(runDir, methodVersion, eventloopBytesPerTask, 260.0);
    }

    static void writeFootprint(Path runDir, int methodVersion, double eventloopBytesPerTask, double liveHeapBytesPerTask)
            throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", "crossover-footprint");
        root.put("methodVersion", methodVersion);
        root.put("command", "footprint --model eventloop,threads-per-task --tasks 1000,100000");
        root.putArray("probeJvmArgs").add("-XX:+UseG1GC").add("-Xmx4g");
        root.put("memoryMeasure", "Pss of /proc/PID/smaps_rollup summed over the tree");
        root.putArray("loadAverageStart").add(1.5).add(1.2).add(1.0);
        ArrayNode models = root.putArray("models");
        ObjectNode loop = models.addObject();
        loop.put("model", "eventloop");
        loop.put("parallelism", -1);
        loop.put("largestTasks", 100_000);
        ObjectNode fits = loop.putObject("fits");
        fits.putObject("pss").put("bytesPerTask", eventloopBytesPerTask).put("r2", 0.999).put("points", 3);
        fits.putObject("liveHeap").put("bytesPerTask", liveHeapBytesPerTask).put("r2", 1.0).put("points", 2);
        fits.putObject("spawn").put("microsPerTask", 4.5).put("r2", 0.98).put("points", 2);
        ArrayNode points = loop.putArray("points");
        points.addObject().put("tasks", 1_000).put("status", "measured").put("waiting", 1_000).put("queued", 0)
                .put("pssGrowthBytes", 2_700_000).put("spawnMicrosPerTask", 40.0).putObject("after").put("pssBytes", 38_000_000);
        points.addObject().put("tasks", 100_000).put("status", "measured").put("waiting", 100_000).put("queued", 0)
                .put("pssGrowthBytes", 34_000_000).put("spawnMicrosPerTask", 5.0).putObject("after").put("pssBytes", 70_000_000);
        ObjectNode perTask = models.addObject();
        perTask.put("model", "threads-per-task");
        perTask.put("parallelism", -1);
        perTask.put("largestTasks", 1_000);
        perTask.putObject("fits").putNull("pss");
        ArrayNode tp = perTask.putArray("points");
        tp.addObject().put("tasks", 1_000).put("status", "measured").put("waiting", 1_000).put("queued", 0)
                .put("pssGrowthBytes", 84_000_000).putObject("after").put("pssBytes", 110_000_000);
        tp.addObject().put("tasks", 100_000).put("status", "refused")
                .put("reason", "limit: 32,768 threads (pid_max): 100,000 tasks need 100,000 threads");
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve(FootprintFile.FILE_NAME), JSON.writeValueAsString(root), StandardCharsets.UTF_8);
    }

    @RepeatedTest(20)
    void reportShowsTheFootprintBesideResultsJson() throws Exception {
        Path run = new CrossoverFixture().add("Sleep", "eventloop", 100, 50, 0, 1960).writeTo(dir.resolve("run"));
        writeFootprint(dir.resolve("run"), 1, 340);

        String html = Files.readString(Reports.write(List.of(dir.resolve("run/results.json")), dir.resolve("out")));

        assertTrue(html.contains("Memory and start-up per in-flight task"), "section");
        assertTrue(html.contains("<td>eventloop</td><td class=\"num\">340</td><td class=\"num\">0.999 (3 N)</td>"), "eventloop row");
        assertTrue(html.contains("threads-per-task, N = 100,000: refused: limit: 32,768 threads (pid_max)"), "refusal named");
        assertTrue(html.contains("tasks held (N, log scale)"), "log-log chart");
        assertTrue(Files.exists(run));
    }

    @RepeatedTest(20)
    void reportWithoutFootprintJsonHasNoSuchSection() throws Exception {
        new CrossoverFixture().add("Sleep", "eventloop", 100, 50, 0, 1960).writeTo(dir.resolve("run"));

        String html = Files.readString(Reports.write(List.of(dir.resolve("run/results.json")), dir.resolve("out")));

        assertFalse(html.contains("Memory and start-up per in-flight task"));
    }

    @RepeatedTest(20)
    void compareShowsEveryFigureWithItsChangeAndFailsNoCheckOnOneRunASide() throws Exception {
        // four quick runs here: the live heap per task of threads-virtual read 1,441 to 2,057 bytes, Pss moved by -34% to +52%
        writeFootprint(dir.resolve("base"), 1, 300, 260);
        writeFootprint(dir.resolve("current"), 1, 450, 300);

        FootprintComparison c = FootprintComparison.of(FootprintFile.read(dir.resolve("base/footprint.json")),
                FootprintFile.read(dir.resolve("current/footprint.json")), 0.05);

        assertEquals(0, c.count(Verdict.REGRESSED), c.lines().toString());
        assertEquals(3, c.count(Verdict.NO_INTERVAL), "Pss, live heap and spawn time of eventloop: " + c.lines());
        assertFalse(c.fails(true), c.lines().toString());
        assertEquals("bytes/task (Pss)", c.rows().get(0).figure(), "the largest change first");
        assertTrue(c.lines().stream().anyMatch(l -> l.startsWith("NO_INTERVAL footprint model=eventloop  bytes/task (Pss) 300 -> 450")
                && l.contains("+50.0%") && l.contains("not judged")), c.lines().toString());
        assertTrue(c.lines().stream().anyMatch(l -> l.startsWith("NO_INTERVAL footprint model=eventloop  live heap bytes/task 260 -> 300")
                && l.contains("+15.4%")), c.lines().toString());
        assertTrue(c.lines().get(c.lines().size() - 1).endsWith("3 not judged (one JVM per N a side: no interval)"),
                c.lines().toString());
    }

    @RepeatedTest(20)
    void aModelInTheBaselineOnlyIsMissingAndFailsACheckThatAsksForIt() throws Exception {
        writeFootprint(dir.resolve("base"), 1, 300, 260);
        writeFootprint(dir.resolve("current"), 1, 300, 260);
        Path current = dir.resolve("current/footprint.json");
        Files.writeString(current, Files.readString(current).replace("\"model\":\"eventloop\"", "\"model\":\"netty\""));

        FootprintComparison c = FootprintComparison.of(FootprintFile.read(dir.resolve("base/footprint.json")),
                FootprintFile.read(current), 0.05);

        assertEquals(3, c.count(Verdict.MISSING), c.lines().toString());
        assertEquals(3, c.count(Verdict.NEW), c.lines().toString());
        assertTrue(c.fails(true));
        assertFalse(c.fails(false));
    }

    @RepeatedTest(20)
    void compareCommandPassesAFootprintChangeAndRefusesAnotherMethodVersion() throws Exception {
        writeFootprint(dir.resolve("base"), 1, 300, 260);
        writeFootprint(dir.resolve("current"), 1, 400, 300);
        writeFootprint(dir.resolve("other"), 2, 300, 260);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new CompareCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(dir.resolve("base/footprint.json").toString(), dir.resolve("current/footprint.json").toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("NO_INTERVAL footprint model=eventloop  bytes/task (Pss) 300 -> 400")),
                out.toString());
        assertEquals(2, cmd.execute(dir.resolve("base/footprint.json").toString(), dir.resolve("other/footprint.json").toString()));
        assertTrue(err.toString().contains("methodVersion 1 -> 2"), err.toString());
    }

    @RepeatedTest(20)
    void aFileOfAnotherKindIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("footprint.json");
        Files.writeString(file, "{\"kind\": \"something-else\"}");

        BadInputException e = assertThrows(BadInputException.class, () -> FootprintFile.read(file));

        assertTrue(e.getMessage().startsWith(file + ": kind: something-else (expected: crossover-footprint"), e.getMessage());
    }
}
