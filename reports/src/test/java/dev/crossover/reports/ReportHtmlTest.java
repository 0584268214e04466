package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class ReportHtmlTest {
    @TempDir
    Path dir;

    private Document report(List<Path> files) throws Exception {
        Path html = Reports.write(files, dir.resolve("out"));
        assertEquals(dir.resolve("out/report.html"), html);
        try (var listing = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(html), listing.toList(), "no temp file left");
        }
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        assertSelfContained(doc);
        return doc;
    }

    /** No script, nothing loaded from anywhere: every src/href is a fragment. */
    private static void assertSelfContained(Document doc) {
        assertTrue(doc.select("script").isEmpty(), "no script");
        assertTrue(doc.select("link, img, iframe, object, embed").isEmpty(), "no external resources");
        for (Element e : doc.select("[src], [href]")) {
            String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertTrue(ref.startsWith("#"), "local reference only: " + ref);
        }
        assertFalse(doc.html().contains("http://") && doc.select("svg").isEmpty(), "no network reference");
    }

    @Test
    void crossoverRunShowsIdentityWinnerMapsChartsCrossoversClaimsLatencyAndEveryResult() throws Exception {
        Path results = CrossoverFixture.standard().withRunRecords().writeTo(dir.resolve("run"));
        Document doc = report(List.of(results));

        Element identity = doc.selectFirst("section#identity");
        for (String field : List.of("cpuModel", "cores", "memoryBytes", "os", "jdkVersion", "jmhVersion", "profile", "gitCommit", "startTime", "hostname")) {
            assertFalse(identity.select("th:containsOwn(" + field + ")").isEmpty(), field);
        }
        assertTrue(identity.text().contains("8.0 GiB"));

        Elements maps = doc.select("section#winners table.map");
        assertEquals(4, maps.size(), "one per workload and I/O wait: sleep 50 ms, cpu 0 ms, mixed 10 ms, fanout 20 ms");
        assertEquals("fanout, I/O wait 20 ms, fanout 4", doc.select("section#winners h3").get(3).text());
        Elements fanout = maps.get(3).select("td");
        assertTrue(fanout.get(0).hasClass("inconclusive"), "C = 10: eventloop 5.6% ahead, not by the margin");
        assertEquals("best eventloop; not told from threads-virtual \u00d71.06 [1.01, 1.10]", fanout.get(0).selectFirst("small").text(),
                "the open comparison with its ratio and interval");
        assertTrue(fanout.get(0).attr("title").endsWith("; forks a side that would decide it if its ratios and spreads held: "
                + "threads-virtual about 41"), "5.6% ahead, 0.6% past the margin: many forks to show it " + fanout.get(0).attr("title"));
        assertEquals("eventloop", fanout.get(1).ownText(), "C = 100: eventloop 19% ahead");
        assertTrue(fanout.get(1).hasClass("clear"));
        Element sleep = maps.get(0);
        assertEquals(List.of("CPU share \\ concurrency", "C = 1", "C = 3", "C = 10", "C = 100", "C = 1000"),
                sleep.select("tr").get(0).select("th").eachText());
        Elements sleepCells = sleep.select("td");
        assertEquals(5, sleepCells.size());
        List<String> shared = List.of("eventloop = threads-fixed = threads-virtual", "eventloop = threads-fixed = threads-virtual",
                "eventloop = threads-fixed = threads-virtual", "eventloop = threads-fixed = threads-virtual",
                "eventloop = threads-virtual");
        assertEquals(shared, sleepCells.stream().map(Element::ownText).toList(),
                "within 2-3% of each other: equivalent, every model in it named; threads-fixed's 200 threads fall behind at C = 1000");
        for (Element td : sleepCells) {
            assertTrue(td.hasClass("shared"), td.outerHtml());
            assertTrue(td.attr("style").contains("background-color: " + dev.crossover.reports.html.Colours.SHARED + ";"),
                    "neutral, not the leader's colour: " + td.attr("style"));
            assertEquals("equivalent within the margin", td.selectFirst("small").text());
        }
        Element cpu = maps.get(1);
        assertTrue(cpu.select("td").stream().allMatch(td -> td.hasClass("clear") && td.ownText().equals("threads-fixed")),
                "threads-fixed 12% ahead of threads-forkjoin");
        assertTrue(cpu.selectFirst("td").attr("style").contains("background-color: #0072b2"), "threads-fixed is blue");

        Elements summary = doc.select("ul.summary li");
        assertEquals(List.of(
                "sleep: eventloop, threads-fixed, threads-virtual are equivalent at C = 1, C = 3, C = 10, C = 100; "
                        + "eventloop, threads-virtual are equivalent at C = 1,000 (5 of 5 cells decided)",
                "cpu: threads-fixed wins at C = 1, C = 2, C = 4 (3 of 3 cells decided)",
                "mixed: only threads-virtual measured at C = 10 (1% CPU), C = 100 (1% CPU), C = 1,000 (1% CPU); eventloop wins "
                        + "at C = 10 (9% CPU); eventloop-offload wins at C = 100 (9% CPU), C = 1,000 (9% CPU) (3 of 6 cells decided)",
                "fanout: inconclusive (best eventloop, not told from threads-virtual) at C = 10; eventloop wins at C = 100 (1 of 2 cells decided)"), summary.eachText(),
                "a shared or inconclusive cell is never a win");

        Elements claims = doc.select("table.claims tr");
        assertEquals(13, claims.size(), "header and twelve claims");
        assertEquals("equivalent", claims.get(1).selectFirst("td.verdict").text(), "sleep at C = 1000: eventloop vs threads-virtual");
        assertTrue(claims.get(1).text().contains("eventloop 19,600/s vs threads-virtual 19,000/s"), claims.get(1).text());
        assertEquals("does not hold", claims.get(3).selectFirst("td.verdict").text(), "processes vs threads on cpu");
        assertTrue(claims.get(3).text().contains("processes 1,600/s vs threads-fixed 1,900/s"), claims.get(3).text());
        assertFalse(claims.get(3).text().contains("at C = 1:"), "C = 1 is below the cores: " + claims.get(3).text());
        assertEquals("holds", claims.get(5).selectFirst("td.verdict").text(), "gather: every model triples from C = 1 to 3");
        assertEquals("holds", claims.get(9).selectFirst("td.verdict").text(), "threads-fixed equivalent to the loop at C <= 100");
        assertEquals("not measured in this run", claims.get(4).selectFirst("td.verdict").text());
        assertEquals("not measured in this run", claims.get(12).selectFirst("td.verdict").text());
        assertFalse(doc.select("table.claims").text().contains("semaphore"), "the in-flight limit is a check, not a claim");
        assertFalse(doc.select("table.claims").text().contains("in flight"), "the in-flight limit is a check, not a claim");
        assertTrue(doc.selectFirst("section#answer ul.answer-trust li").text()
                .contains("at most C tasks in flight at every point (37 checked)"), doc.selectFirst("section#answer").text());
        assertEquals("winner-map cells decided (a clear winner or models shown equivalent): 12 of 13 (92%), margin 5%; forks a side "
                + "that would decide the undecided cell at its measured ratios and spreads: 41",
                doc.select("section#answer ul.answer-trust li").last().text(), "the run says what deciding the rest would take");

        Element mixed = doc.selectFirst("section#workload-mixed");
        assertEquals(List.of("between C = 10 and C = 100 the lead passes from eventloop to eventloop-offload"),
                mixed.select("ul.crossovers li").eachText(), "both cells clear, different winners");
        Element sleepSection = doc.selectFirst("section#workload-sleep");
        assertTrue(sleepSection.select("ul.crossovers li").isEmpty(), "shared cells that keep a model: no change of the lead");
        assertFalse(doc.text().contains("overtakes"), "never an interpolated point");
        Elements svgs = sleepSection.select("figure > svg");
        assertEquals(2, svgs.size(), "throughput and efficiency");
        String throughputSvg = svgs.get(0).outerHtml();
        assertTrue(throughputSvg.contains("concurrency C (tasks in flight, log scale)"));
        assertTrue(throughputSvg.contains("throughput (completed tasks/s, log scale)"));
        for (String model : List.of("eventloop", "threads-fixed", "threads-virtual", "ideal bound")) {
            assertTrue(throughputSvg.contains(">" + model + "<"), "legend " + model);
        }
        assertTrue(svgs.get(1).outerHtml().contains("efficiency (measured \u00f7 ideal)"));
        // The same model has the same colour in every chart: threads-fixed (#0072B2) in sleep and in cpu.
        assertTrue(throughputSvg.contains("rgb(0,114,178)"));
        assertTrue(doc.selectFirst("section#workload-cpu svg").outerHtml().contains("rgb(0,114,178)"));

        Elements latency = doc.select("section#latency tr");
        assertEquals(6, latency.size(), "header and the five eventloop sleep logs");
        Elements cols = latency.get(1).select("td");
        assertEquals("1000", cols.get(5).text(), "two intervals of 500 added");
        // HdrHistogram keeps 3 significant digits: 50,200,000 ns reads back within 0.1%.
        assertEquals(50_200, micros(cols.get(6)), 50.2, "p50 in microseconds");
        assertEquals(100_400, micros(cols.get(10)), 100.4, "max: the 10% at twice the wait");

        Elements rows = doc.select("table.results tr");
        assertEquals(1 + 5 * 3 + 3 * 3 + 3 * 3 + 2 * 2, rows.size(), "every result");
        assertTrue(doc.selectFirst("section#workload-fanout h3").text().contains("fanout 4"));
        assertTrue(doc.select("table.results").text().contains("completed = 19.6 \u00b1 0.392 ops/s"));
    }

    @Test
    void runRecordsShowStartupFailuresShortfallsAndTheBusyMachine() throws Exception {
        Path results = CrossoverFixture.standard().withRunRecords().writeTo(dir.resolve("run"));
        Document doc = report(List.of(results));

        Element identity = doc.selectFirst("section#identity");
        assertTrue(identity.selectFirst("p.warning").text().contains("machine was busy: the 1-minute load average was 1.6 when the run started, over half the 2 cores"),
                identity.text());
        for (String field : List.of("loadAverageStart", "loadAverageEnd", "gitDirty", "modelDefaults.processes",
                "calibration.unitsPerMicro")) {
            assertFalse(identity.select("th:containsOwn(" + field + ")").isEmpty(), field);
        }
        assertEquals("workers=2", identity.select("th:containsOwn(modelDefaults.processes) + td").text());
        assertEquals("12.5", identity.select("th:containsOwn(calibration.unitsPerMicro) + td").text());

        Elements maps = doc.select("section#winners table.map");
        Elements fanout = maps.get(3).select("td");
        assertEquals(List.of("threads-fixed: excluded (rejects fan-out)"), fanout.get(1).select("ul.cellnotes li").eachText());
        Element cpu4 = maps.get(1).select("td").get(2);
        assertEquals(List.of("processes-eventloop: failed: worker exited with code 1"), cpu4.select("ul.cellnotes li").eachText());
        Element mixed1000 = maps.get(2).select("tr").get(2).select("td").get(2);
        assertEquals("CPU share 9% (cpu 1,000 \u00b5s)", maps.get(2).select("tr").get(2).selectFirst("th").text());
        assertEquals(List.of("eventloop: did not reach C: ran 500 tasks per batch"), mixed1000.select("ul.cellnotes li").eachText());

        Elements shortfalls = doc.select("section#workload-mixed table.shortfalls tr");
        assertEquals(2, shortfalls.size(), "header and the one point short of C");
        assertEquals(List.of("eventloop", "1000", "did not reach C: ran 500 tasks per batch"), shortfalls.get(1).select("td").eachText());

        Elements startup = doc.select("section#startup table.startup tr");
        assertEquals(1 + 6, startup.size(), "one row per model with records");
        assertTrue(startup.stream().anyMatch(tr -> tr.select("td").eachText().equals(List.of("bench-host", "processes", "3", "350", "350", "350"))),
                startup.text());

        Elements failures = doc.select("section#failures table.failures tr");
        assertEquals(4, failures.size());
        assertEquals(List.of("threads-fixed", "excluded", "rejects fan-out"),
                List.of(failures.get(1).child(2).text(), failures.get(1).child(4).text(), failures.get(1).child(5).text()));
        assertEquals("failed", failures.get(3).child(4).text());

        Element header = doc.selectFirst("table.results tr");
        assertEquals(List.of("tasks per batch", "max in flight", "start-up (ms)"), header.select("th").eachText().subList(11, 14));
        Element firstRow = doc.select("table.results tr").get(1);
        assertEquals(List.of("10", "1", "2"), firstRow.select("td").stream().map(Element::text).toList().subList(11, 14),
                "sleep eventloop C = 1");
        assertEquals("batches/s (not comparable across models)", firstRow.select("td").get(6).text());
        assertTrue(doc.selectFirst("section#results p.note").text().contains("not comparable across models"));
    }

    @Test
    void cellsShowNoResultAndInconclusiveInsteadOfAWinner() throws Exception {
        CrossoverFixture f = new CrossoverFixture();
        // C = 10: a NaN score would sort above every number; it must not win.
        f.addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("eventloop", 10, 50, 0), Double.NaN, Double.NaN);
        f.addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("threads-virtual", 10, 50, 0), 190, 2);
        // C = 100: single iterations, 0.1% apart: no interval, so undecidable.
        f.addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("eventloop", 100, 50, 0), 1901, Double.NaN);
        f.addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("threads-virtual", 100, 50, 0), 1899, Double.NaN);
        // C = 1000: overlapping intervals wider than the scores: inconclusive, not a tie.
        f.addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("eventloop", 1000, 50, 0), 100, 150);
        f.addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("threads-virtual", 1000, 50, 0), 90, 5);
        // C = 3: only a NaN: no result.
        f.addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("eventloop", 3, 50, 0), Double.NaN, Double.NaN);
        Document doc = report(List.of(f.writeTo(dir.resolve("run"))));

        Elements cells = doc.select("section#winners table.map td");
        assertEquals(4, cells.size(), "C = 3, 10, 100, 1000");
        assertEquals("no result", cells.get(0).ownText());
        assertEquals(List.of("eventloop: no result"), cells.get(0).select("ul.cellnotes li").eachText());
        assertEquals("threads-virtual", cells.get(1).ownText());
        assertEquals(List.of("eventloop: no result"), cells.get(1).select("ul.cellnotes li").eachText());
        assertTrue(cells.get(2).hasClass("inconclusive"), "one fork each: no interval over forks");
        assertEquals("inconclusive", cells.get(2).ownText());
        assertEquals("best eventloop; not told from threads-virtual \u00d71.00 (no interval)", cells.get(2).selectFirst("small").text());
        assertTrue(cells.get(3).hasClass("inconclusive"), "eventloop's forks 62.5, 100, 137.5: ahead, not by the margin");
        assertTrue(cells.get(3).selectFirst("small").text().startsWith("best eventloop; not told from threads-virtual \u00d71.06 [0.40, 2.83]"),
                cells.get(3).selectFirst("small").text());
        assertTrue(cells.stream().noneMatch(td -> td.attr("style").contains(dev.crossover.reports.html.Colours.SHARED)));
        assertEquals("sleep: no result at C = 3; only threads-virtual measured at C = 10; inconclusive (best eventloop, not told "
                + "from threads-virtual) at C = 100, C = 1,000 (0 of 4 cells decided)", doc.selectFirst("ul.summary li").text(),
                "an inconclusive cell is never a win, nor is a model alone");
    }

    @Test
    void aWorkloadOfOneCellCountsItInTheSingular() throws Exception {
        CrossoverFixture f = new CrossoverFixture().add("Sleep", "eventloop", 10, 50, 0, 190).add("Sleep", "threads-virtual", 10, 50, 0, 100);
        Document doc = report(List.of(f.writeTo(dir.resolve("single"))));
        assertTrue(doc.selectFirst("ul.summary li").text().endsWith("at C = 10 (1 of 1 cell decided)"),
                doc.selectFirst("ul.summary li").text());
    }

    @Test
    void duplicatePointsInOneFileAreBadInputButTwoFilesAreTwoRuns() throws Exception {
        CrossoverFixture f = new CrossoverFixture()
                .add("Sleep", "eventloop", 10, 50, 0, 190).add("Sleep", "threads-virtual", 10, 50, 0, 150)
                .add("Sleep", "eventloop", 10, 50, 0, 100);
        Path results = f.writeTo(dir.resolve("dup"));
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> Reports.write(List.of(results), dir.resolve("out")));
        assertTrue(e.getMessage().startsWith(results + ": duplicate result for dev.crossover.benchmarks.SleepBenchmark.run"),
                e.getMessage());
        assertTrue(e.getMessage().contains("at $[2] (first at $[0]"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/report.html")));

        Path one = new CrossoverFixture().add("Sleep", "eventloop", 10, 50, 0, 190).writeTo(dir.resolve("one"));
        Path two = new CrossoverFixture().add("Sleep", "eventloop", 10, 50, 0, 100).writeTo(dir.resolve("two"));
        Document doc = report(List.of(one, two));
        assertEquals(2, doc.select("section#winners table.map").size(), "one map per run, each labelled");
    }

    @Test
    void onlyResultsJsonOwnsTheRunDirectoryFiles() throws Exception {
        Path results = CrossoverFixture.standard().withRunRecords().writeTo(dir.resolve("run"));
        Path other = dir.resolve("run/other.json");
        Files.copy(results, other);
        Document doc = report(List.of(other));
        Element identity = doc.selectFirst("section#identity");
        assertTrue(identity.select("th:containsOwn(hostname)").isEmpty(), "environment.json is results.json's, not other.json's");
        assertTrue(identity.select("p.warning").isEmpty());
        assertTrue(doc.select("section#latency, section#startup, section#failures").isEmpty(), doc.select("nav").text());
        assertTrue(doc.select("ul.cellnotes").isEmpty(), "no failures nor shortfalls from results.json's files");
    }

    @Test
    void malformedRunRecordsAreBadInputNamingTheFile() throws Exception {
        Path results = CrossoverFixture.standard().withRunRecords().writeTo(dir.resolve("run"));
        Path record = dir.resolve("run/points").resolve(CrossoverFixture.recordName(CrossoverFixture.PKG + "SleepBenchmark.run",
                CrossoverFixture.params("eventloop", 1, 50, 0)));
        Files.writeString(record, Files.readString(record).replace("\"maxInFlight\" : 1", "\"maxInFlight\" : \"one\""));
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> Reports.write(List.of(results), dir.resolve("out")));
        assertEquals(record + ": expected an integer, found a string at $.maxInFlight", e.getMessage());

        Files.delete(record);
        Files.writeString(dir.resolve("run/failures.json"), "[{\"benchmark\": \"b\", \"params\": {}, \"status\": \"lost\", \"message\": \"\"}]");
        e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class, () -> Reports.write(List.of(results), dir.resolve("out")));
        assertEquals(dir.resolve("run/failures.json") + ": status \"lost\" (expected: failed or excluded) at $[0].status", e.getMessage());

        Files.writeString(dir.resolve("run/failures.json"), "[]");
        Path env = dir.resolve("run/environment.json");
        Files.writeString(env, Files.readString(env).replace("\"gitDirty\" : true", "\"gitDirty\" : \"yes\""));
        e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class, () -> Reports.write(List.of(results), dir.resolve("out")));
        assertEquals(env + ": expected true or false, found a string at $[\"gitDirty\"]", e.getMessage());
    }

    private static double micros(Element td) {
        return Double.parseDouble(td.text().replace(",", ""));
    }

    @Test
    void otherProjectsGetAChartAndTablePerBenchmarkAndMergeIntoOneReport() throws Exception {
        List<Path> files = List.of(
                Fixtures.copy(Fixtures.THRPT_PARAMS, dir.resolve("a")), Fixtures.copy(Fixtures.SAMPLE, dir.resolve("b")),
                Fixtures.copy(Fixtures.SINGLE_SHOT, dir.resolve("c")), Fixtures.copy(Fixtures.AVGT_GC, dir.resolve("d")),
                Fixtures.copy(Fixtures.OLD_THRPT, dir.resolve("e")));
        Document doc = report(files);

        assertTrue(doc.select("section#winners").isEmpty(), "no Crossover points, no winner map");
        assertEquals(5, doc.select("section#identity table.source").size());
        Elements titles = doc.select("section#benchmarks h3");
        assertEquals(List.of(
                "com.netflix.hollow.core.read.engine.object.HollowObjectTypeReadStateReshardingBenchmark (throughput)",
                "com.julienviet.benchmark.ClientBenchmark (sampled time)",
                "org.jetbrains.ObjectToObjectBenchmark (single shot)",
                "com.github.chrisgleissner.benchmarks.ArrayAddBenchmark (average time)",
                "io.morethan.javabenchmarks.datastructure.ListCreationBenchmark (throughput)"), titles.eachText());
        assertEquals(5, doc.select("section#benchmarks figure > svg").size(), "a chart per benchmark");
        String sampleTable = doc.select("section#benchmarks table").get(1).text();
        assertTrue(sampleTable.contains("p50 3.76, p90 3.95, p99 3.96, p99.9 3.96, max 3.96"), sampleTable);
        assertTrue(sampleTable.contains("p0.50 = 3.76 s/op"), sampleTable);
        String gcTable = doc.select("section#benchmarks table").get(3).text();
        assertTrue(gcTable.contains("gc.alloc.rate.norm = 1,000"), gcTable);
        assertTrue(doc.select("section#benchmarks svg").get(3).outerHtml().contains("ns/op (lower is better"));
        assertTrue(doc.select("section#benchmarks svg").get(0).outerHtml().contains("testReadString \u00b7 maxStringLength=25"));
        assertTrue(doc.select("section#benchmarks p.note").get(0).text().contains("countStrings=500, countStringsDb=100000"));
        assertEquals(1 + 3 + 1 + 3 + 2 + 1, doc.select("table.results tr").size());
    }

    @Test
    void severalRunsAreLabelledByWhatTellsThemApart() throws Exception {
        Path one = CrossoverFixture.standard().writeTo(dir.resolve("one"));
        Path two = CrossoverFixture.standard().writeTo(dir.resolve("two"));
        Path env = dir.resolve("two/environment.json");
        Files.writeString(env, Files.readString(env).replace("bench-host", "other-host").replace("\"25\"", "\"21\""));
        Document doc = report(List.of(one, two, Fixtures.copy(Fixtures.THRPT_PARAMS, dir.resolve("x"))));
        List<String> labels = doc.select("section#identity caption").eachText();
        assertEquals(List.of("bench-host / 25", "other-host / 21", "x/thrpt-params-hollow.json / 1.8.0_322"), labels);
        assertTrue(doc.select("section#workload-sleep svg").get(0).outerHtml().contains("eventloop \u00b7 other-host / 21"));
        assertEquals(2, doc.select("section#claims h3").size(), "claims judged per run");
        assertEquals(8, doc.select("section#winners table.map").size(), "four per run");
        assertEquals(1, doc.select("section#benchmarks h3").size());
    }

    @Test
    void withoutEnvironmentTheCoresAreUnknownSoCpuBoundEfficiencyIsLeftOut() throws Exception {
        Path results = CrossoverFixture.standard().writeTo(dir.resolve("run"));
        Files.delete(dir.resolve("run/environment.json"));
        Document doc = report(List.of(results));
        assertEquals(1, doc.select("section#workload-cpu figure > svg").size(), "throughput only: K / c needs the cores");
        assertEquals(2, doc.select("section#workload-sleep figure > svg").size(), "C / w needs no cores");
        assertEquals("run/results.json", doc.selectFirst("section#identity caption").text());
        assertEquals("1.37", doc.select("section#identity th:containsOwn(jmhVersion) + td").text(), "from the JMH file itself");
    }

    @Test
    void hostileNamesAndParamsAreEscaped() throws Exception {
        String evil = "<script>alert('x')</script>";
        Map<String, String> params = new TreeMap<>(CrossoverFixture.params(evil, 10, 50, 0));
        params.put("note\"><img src=x onerror=alert(1)>", evil);
        CrossoverFixture f = new CrossoverFixture()
                .addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", params, 100, 1)
                .addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("threads-fixed", 10, 50, 0), 150, 1)
                .addEntry("evil.<b>Bench</b>.m" + evil, Map.of("p", evil), 1, 0.1);
        Path results = f.writeTo(dir.resolve("run"));
        Document doc = report(List.of(results));

        assertTrue(doc.select("script, img, b").isEmpty(), "no element from the input");
        assertTrue(doc.select("[onerror]").isEmpty());
        assertTrue(doc.select("table.results").text().contains(evil), "shown as text");
        assertTrue(doc.select("section#benchmarks h3").text().contains("evil.<b>Bench</b>"));
        assertTrue(doc.select("section#winners").text().contains("threads-fixed"));
        String raw = Files.readString(dir.resolve("out/report.html"));
        assertFalse(raw.contains(evil), "never unescaped, not even inside the SVG");
        assertFalse(raw.contains("<img"), "never unescaped");
    }

    @Test
    void commandPrintsTheReportPath() throws Exception {
        Path file = Fixtures.copy(Fixtures.THRPT_PARAMS, dir);
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new ReportCommand());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute(file.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, code);
        assertEquals(dir.resolve("o/report.html").toString(), out.toString().strip());
        assertTrue(Files.isRegularFile(dir.resolve("o/report.html")));
    }

    @Test
    void measuredCpuPerTaskIsShownButTheLittleCpuClaimNeedsOpenLoopForks() throws Exception {
        // sleep, io 50 ms, C = 1000: eventloop spends 20 us per task (0.04% of the wait); closed-loop CPU is shown,
        // but the claim is judged on open-loop points at one fixed rate (CPU per fork), which this run lacks.
        Path results = CrossoverFixture.standard().withRunRecords()
                .measuredCpu("Sleep", "eventloop", 1000, 50, 0, 20_000)
                .measuredCpu("Sleep", "threads-virtual", 1000, 50, 0, 35_000)
                .measuredCpu("Sleep", "eventloop", 100, 50, 0, 25_000)
                .writeTo(dir.resolve("run"));
        Document doc = report(List.of(results));

        Element claim = doc.select("table.claims tr").get(2);
        assertTrue(claim.text().startsWith("async I/O runs many tasks without much CPU (000)"), claim.text());
        assertEquals("not measured in this run", claim.selectFirst("td.verdict").text(), claim.text());
        assertTrue(claim.text().contains("no open-loop point at one offered rate with per-fork CPU time"), claim.text());

        Elements cpu = doc.select("section#cpu table.cpu tr");
        assertEquals(4, cpu.size(), "header and the three measured points");
        assertEquals(List.of("sleep", "eventloop", "100", "25", "0.05%"),
                List.of(cpu.get(1).child(1).text(), cpu.get(1).child(2).text(), cpu.get(1).child(3).text(),
                        cpu.get(1).child(5).text(), cpu.get(1).child(7).text()));
        assertEquals("0.75", cpu.get(1).child(6).text(), "30 batches of 100 tasks at 25 us");
        Element row = doc.select("table.results tr").stream()
                .filter(r -> r.text().contains("SleepBenchmark") && r.text().contains("concurrency=1000")
                        && r.text().contains("model=eventloop")).findFirst().orElseThrow();
        assertEquals("20", row.child(14).text(), "CPU \u00b5s/task in the every-result table");
    }

    @Test
    void withoutMeasuredCpuThereIsNoCpuTable() throws Exception {
        Path results = CrossoverFixture.standard().withRunRecords().writeTo(dir.resolve("run"));
        Document doc = report(List.of(results));
        assertEquals("not measured in this run", doc.select("table.claims tr").get(2).selectFirst("td.verdict").text());
        assertTrue(doc.select("section#cpu").isEmpty(), "no CPU table without measurements");
    }
}
