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
        Path results = CrossoverFixture.standard().writeTo(dir.resolve("run"));
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
        assertTrue(fanout.get(0).hasClass("tie"), "C = 10: [420, 480] meets [470, 480]");
        assertEquals("eventloop", fanout.get(1).ownText(), "C = 100: [4700, 4800] is clear of [4350, 4650]");
        Element sleep = maps.get(0);
        assertEquals(List.of("CPU share \\ concurrency", "C = 1", "C = 3", "C = 10", "C = 100", "C = 1000"),
                sleep.select("tr").get(0).select("th").eachText());
        Elements sleepCells = sleep.select("td");
        assertEquals(5, sleepCells.size());
        assertTrue(sleepCells.stream().allMatch(td -> td.hasClass("tie") && td.ownText().startsWith("\u2248 eventloop")),
                "eventloop, fixed and virtual are within 2-3%, inside each other's intervals");
        Element cpu = maps.get(1);
        assertTrue(cpu.select("td").stream().allMatch(td -> !td.hasClass("tie") && td.ownText().equals("threads-fixed")));
        assertTrue(cpu.selectFirst("td").attr("style").contains("background-color: #0072b2"), "threads-fixed is blue");

        Elements summary = doc.select("ul.summary li");
        assertTrue(summary.get(0).text().startsWith("sleep: wins by cell \u2014 eventloop 5 of 5"), summary.get(0).text());

        Elements claims = doc.select("table.claims tr");
        assertEquals(9, claims.size(), "header and eight claims");
        assertEquals("holds", claims.get(1).selectFirst("td.verdict").text());
        assertEquals("does not hold", claims.get(3).selectFirst("td.verdict").text(), "processes vs threads on cpu");
        assertEquals("holds", claims.get(5).selectFirst("td.verdict").text(), "blocking call in the loop");
        assertEquals("not measured in this run", claims.get(4).selectFirst("td.verdict").text());

        Element mixed = doc.selectFirst("section#workload-mixed");
        assertTrue(mixed.select("ul.crossovers li").eachText().stream()
                .anyMatch(s -> s.startsWith("eventloop-offload overtakes eventloop at C \u2248")), mixed.text());
        Element sleepSection = doc.selectFirst("section#workload-sleep");
        assertTrue(sleepSection.text().contains("threads-virtual overtakes threads-fixed at C \u2248 100 (between C = 100 and C = 1000)"));
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
        assertEquals(1 + 5 * 3 + 3 * 2 + 3 * 3 + 2 * 2, rows.size(), "every result");
        assertTrue(doc.selectFirst("section#workload-fanout h3").text().contains("fanout 4"));
        assertTrue(doc.select("table.results").text().contains("completed = 19.6 \u00b1 0.392 ops/s"));
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
}
