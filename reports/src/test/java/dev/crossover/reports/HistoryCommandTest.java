package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code history add|report|export|check} over real smoke runs, with a step made by scaling copies. */
@Timeout(120)
class HistoryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int history(Object... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cmd = new CommandLine(new HistoryCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(java.util.Arrays.stream(args).map(Object::toString).toArray(String[]::new));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    /**
     * Adds {@code order} to a history, one run a day from 2026-12-01: "a" and "b" are the real smoke
     * runs, "a08" and "b08" copies with every rate scaled by 0.8.
     */
    private Path history(String name, String... order) throws Exception {
        Path runs = dir.resolve("runs");
        if (!Files.exists(runs)) {
            RunFixtures.copy(RunFixtures.SMOKE_A, runs.resolve("a"));
            RunFixtures.copy(RunFixtures.SMOKE_B, runs.resolve("b"));
            RunFixtures.scaled(RunFixtures.SMOKE_A, runs.resolve("a08"), 0.8);
            RunFixtures.scaled(RunFixtures.SMOKE_B, runs.resolve("b08"), 0.8);
        }
        Path h = dir.resolve(name);
        for (int i = 0; i < order.length; i++) {
            assertEquals(0, history("add", runs.resolve(order[i]), "--into", h, "--commit", "c%02d-%s".formatted(i + 1, order[i]),
                    "--date", "2026-12-%02dT10:00:00Z".formatted(i + 1)), err.toString());
        }
        return h;
    }

    private static final String[] STEP = {"a", "b", "a", "b", "a", "b", "a08", "b08", "a08", "b08", "a08", "b08"};

    @Test
    void addKeepsTheRunWithItsCommitDateAndEnvironment() throws Exception {
        Path run = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));

        assertEquals(0, history("add", run, "--into", dir.resolve("h")));

        Path kept = Path.of(out.toString().strip());
        assertEquals(dir.resolve("h").resolve("20261201T091009Z-24a2f58af797"), kept);
        assertTrue(Files.isRegularFile(kept.resolve("results.json")));
        assertTrue(Files.isRegularFile(kept.resolve("environment.json")));
        assertTrue(Files.isRegularFile(kept.resolve("failures.json")));
        JsonNode meta = JSON.readTree(kept.resolve("run.json").toFile());
        assertEquals("24a2f58af7979696a8776edd2da6a32d0d3e2f34", meta.get("commit").textValue());
        assertEquals(Instant.parse("2026-12-01T09:10:09.238846295Z"), Instant.parse(meta.get("date").textValue()));
        assertEquals(false, meta.get("dirty").booleanValue());
        assertEquals("1", meta.get("methodVersion").textValue());

        assertEquals(0, history("add", run, "--into", dir.resolve("h")));
        assertEquals(dir.resolve("h").resolve("20261201T091009Z-24a2f58af797-2"), Path.of(out.toString().strip()));
    }

    @Test
    void addRefusesWhatIsNoRunWithOneLine() throws Exception {
        assertEquals(2, history("add", dir.resolve("nothing"), "--into", dir.resolve("h")));
        assertEquals(dir.resolve("nothing") + ": no such file", err.toString().strip());

        Path run = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        assertEquals(2, history("add", run, "--into", dir.resolve("h"), "--date", "yesterday"));
        assertEquals("--date: yesterday (expected: ISO-8601, such as 2026-01-01T10:00:00Z)", err.toString().strip());
        assertFalse(Files.exists(dir.resolve("h")) && Files.list(dir.resolve("h")).findAny().isPresent(), "nothing half-added");
    }

    @Test
    void realRunsWithOneScaledStepHaveExactlyThatChangePoint() throws Exception {
        Path h = history("h", STEP);

        assertEquals(0, history("report", h, "--out", dir.resolve("page")), err.toString());

        Path page = dir.resolve("page").resolve("history.html");
        assertEquals(page.toAbsolutePath().toString(), out.toString().strip());
        Document doc = Jsoup.parse(page.toFile());
        Element changes = doc.getElementById("changes").nextElementSibling().selectFirst("table");
        List<Element> rows = changes.select("tr").subList(1, changes.select("tr").size());
        assertEquals(1, rows.size(), "one change point group: " + rows);
        Element row = rows.getFirst();
        assertEquals("7", row.child(0).text());
        assertEquals("c07-a08", row.child(2).text());
        String moved = row.child(3).text();
        int count = Integer.parseInt(moved.substring(0, moved.indexOf(' ')));
        assertTrue(count >= 35, moved);
        assertTrue(moved.endsWith(count + " worse, 0 better"), moved);
        assertTrue(row.child(4).select("li").stream().allMatch(li -> li.text().contains("(-20.0%, worse, p = ")), row.text());
        assertEquals(43, doc.select("#points ~ div.charts figure svg").size());
    }

    @Test
    void thePageIsSelfContained() throws Exception {
        Path h = history("h", "a", "b", "a");
        assertEquals(0, history("report", h));
        String html = Files.readString(h.resolve("history.html"));
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script, link, img, iframe").isEmpty());
        assertTrue(doc.select("[src], [href]").stream().allMatch(e -> e.attr("href").startsWith("#") || e.attr("src").isEmpty()));
        assertTrue(doc.text().contains("3 runs from 2026-12-01 10:00 UTC (c01-a) to 2026-12-03 10:00 UTC (c03-a), 43 points"));
        assertTrue(doc.text().contains("No change point: every series stayed at one level."));
    }

    @Test
    void checkFlagsTheNewestRunWhenItFallsBelowItsSegment() throws Exception {
        Path h = history("h", "a", "b", "a", "b", "a", "b", "a08");

        assertEquals(1, history("check", h));

        List<String> regressed = lines().stream().filter(l -> l.startsWith("REGRESSED")).toList();
        assertTrue(regressed.size() >= 20, out.toString());
        assertTrue(regressed.stream().allMatch(l -> l.contains(" over 6 runs since c01-a  (") && l.endsWith("% beyond)")),
                out.toString());
        assertTrue(lines().getLast().startsWith(regressed.size() + " regressed, 0 improved, "), lines().getLast());
    }

    @Test
    void checkPassesOnceTheStepIsTheCurrentSegment() throws Exception {
        Path h = history("h", STEP);

        assertEquals(0, history("check", h));

        assertTrue(lines().stream().noneMatch(l -> l.startsWith("REGRESSED")), out.toString());
        assertTrue(lines().stream().anyMatch(l -> l.contains(" over 5 runs since c07-a08")), out.toString());
    }

    @Test
    void checkJudgesNothingOnTooFewRuns() throws Exception {
        Path h = history("h", "a", "a08");

        assertEquals(0, history("check", h));

        assertEquals("0 regressed, 0 improved, 0 within, 43 too few runs (threshold 5%)", lines().getLast());
        assertTrue(lines().getFirst().endsWith("(1 comparable run since the last change point; 3 needed)"), lines().getFirst());
    }

    @Test
    void aNewMethodVersionIsNoChangePointAndStartsAfresh() throws Exception {
        Path runs = dir.resolve("v");
        RunFixtures.copy(RunFixtures.SMOKE_A, runs.resolve("a"));
        RunFixtures.scaled(RunFixtures.SMOKE_A, runs.resolve("a2"), 0.8);
        RunFixtures.environment(runs.resolve("a2"), "methodVersion", "2");
        Path h = dir.resolve("h");
        String[] order = {"a", "a", "a", "a2", "a2", "a2", "a2"};
        for (int i = 0; i < order.length; i++) {
            assertEquals(0, history("add", runs.resolve(order[i]), "--into", h, "--date", "2026-12-%02dT10:00:00Z".formatted(i + 1)));
        }

        assertEquals(0, history("report", h));
        Document doc = Jsoup.parse(h.resolve("history.html").toFile());
        assertTrue(doc.text().contains("No change point"), "a 20% drop at the version change is no change point");
        assertTrue(doc.text().contains("method version 1 -> 2: change points are searched on each side apart"));

        assertEquals(0, history("check", h));
        assertTrue(lines().stream().allMatch(l -> !l.startsWith("REGRESSED")), out.toString());
        assertTrue(lines().getFirst().contains(" over 3 runs since "), lines().getFirst());
    }

    @Test
    void anEnvironmentChangeIsNamedAndNoYardstick() throws Exception {
        Path runs = dir.resolve("e");
        RunFixtures.copy(RunFixtures.SMOKE_A, runs.resolve("a"));
        RunFixtures.scaled(RunFixtures.SMOKE_A, runs.resolve("big"), 0.8);
        RunFixtures.environment(runs.resolve("big"), "cores", 8);
        Path h = dir.resolve("h");
        String[] order = {"a", "a", "a", "big"};
        for (int i = 0; i < order.length; i++) {
            assertEquals(0, history("add", runs.resolve(order[i]), "--into", h, "--date", "2026-12-%02dT10:00:00Z".formatted(i + 1)));
        }

        assertEquals(0, history("check", h));
        assertEquals("0 regressed, 0 improved, 0 within, 43 too few runs (threshold 5%)", lines().getLast());
        assertTrue(lines().getFirst().endsWith("(0 comparable runs since the last change point; 3 needed)"), lines().getFirst());

        assertEquals(0, history("report", h));
        assertTrue(Jsoup.parse(h.resolve("history.html").toFile()).text().contains("cores 2 -> 8"));
    }

    @Test
    void exportWritesTheCsvOtavaReads() throws Exception {
        Path h = history("h", "a", "b", "a08");
        Path csv = dir.resolve("otava").resolve("crossover.csv");

        assertEquals(0, history("export", h, "--otava", csv));

        List<String> rows = Files.readAllLines(csv);
        assertEquals(4, rows.size());
        String[] header = rows.getFirst().split(",");
        assertEquals(2 + 43, header.length);
        assertEquals(List.of("time", "commit"), List.of(header[0], header[1]));
        assertTrue(List.of(header).contains(
                "SleepBenchmark.run.thrpt.concurrency=100.cpuMicros=0.ioMillis=10.model=eventloop.completed"), rows.getFirst());
        for (String row : rows.subList(1, 4)) {
            String[] cells = row.split(",");
            assertEquals(header.length, cells.length, row);
            Instant.parse(cells[0]);
            for (int i = 2; i < cells.length; i++) {
                assertTrue(Double.parseDouble(cells[i]) > 0, row);
            }
        }
        assertTrue(rows.get(3).startsWith("2026-12-03T10:00:00Z,c03-a08,"), rows.get(3));
        assertTrue(out.toString().contains("    type: csv\n    file: " + csv.toAbsolutePath() + "\n    time_column: time\n"
                + "    attributes: [commit]\n    metrics:\n"), out.toString());
        assertTrue(out.toString().contains("        direction: 1\n"));
    }

    @Test
    void anEmptyHistoryIsBadInput() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(2, history("check", dir.resolve("empty")));
        assertEquals(dir.resolve("empty") + ": holds no run (expected: runs added with history add RUN_DIR --into "
                + dir.resolve("empty") + ")", err.toString().strip());
        assertEquals(2, history("report", dir.resolve("missing")));
        assertEquals(dir.resolve("missing") + ": not a directory (expected: a history written by history add)",
                err.toString().strip());
        assertEquals(2, history());
    }
}
