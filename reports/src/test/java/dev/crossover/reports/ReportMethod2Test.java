package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a run measured by method 2 (steady-state windows, one driver), from
 * {@link CrossoverFixture#steadyState()}, whose numbers its doc works out by hand: dispatch
 * ceilings, dispatch-bound points left out of cells and claims, timer lateness, latency against
 * offered load with its SLO sentence, the method on the run record, and refusing to mix methods.
 */
@Timeout(60)
class ReportMethod2Test {
    @TempDir
    Path dir;

    private Document report(List<Path> files) throws Exception {
        Path html = Reports.write(files, dir.resolve("out"));
        return Jsoup.parse(html.toFile(), "UTF-8");
    }

    private Document steady() throws Exception {
        return report(List.of(CrossoverFixture.steadyState().writeTo(dir.resolve("run"))));
    }

    @Test
    void ceilingsTableGivesEachModelsNullRatePerCAndItsHighest() throws Exception {
        Document doc = steady();
        Element section = doc.selectFirst("section#ceilings");
        assertTrue(section.selectFirst("p.note").text().contains("the harness's and the model's own cost per task"),
                section.text());
        assertTrue(section.select("p.ceilings-note").isEmpty(), "ceilings were measured");
        Elements rows = section.select("table.ceilings tr");
        assertEquals(List.of("model", "C = 1 (tasks/s)", "C = 100 (tasks/s)", "C = 10000 (tasks/s)", "ceiling (tasks/s)",
                "µs per task", "dispatch-bound above (ideal, tasks/s)", "points dispatch-bound"), rows.get(0).select("th").eachText());
        assertEquals(1 + 4, rows.size(), "a row per model");
        assertEquals(List.of("eventloop", "3,000,000", "4,800,000", "3,400,000", "4,800,000", "0.208", "2,400,000", "1 of 4"),
                rows.get(1).select("td").eachText(), "eventloop's ceiling is its C = 100 rate; only C = 30,000 is above half");
        assertEquals(List.of("threads-fixed", "300,000", "540,000", "2,200,000", "2,200,000", "0.455", "1,100,000", "1 of 5"),
                rows.get(3).select("td").eachText(), "the highest over C, wherever it is; sleep and cpu points counted");
        assertEquals(List.of("threads-virtual", "netty"), List.of(rows.get(4).child(0).text(), rows.get(2).child(0).text()));
        assertTrue(doc.select("section#winners table.map").stream().noneMatch(t -> t.text().contains("null")),
                "the null workload has no winner map");
        assertTrue(doc.select("section#workload-null").isEmpty(), "nor charts");
        assertEquals("#ceilings", doc.selectFirst("nav a:containsOwn(Dispatch ceilings)").attr("href"));
    }

    @Test
    void dispatchBoundPointIsLeftOutOfItsWinnerCellAndSaysSo() throws Exception {
        Document doc = steady();
        Element sleep = doc.select("section#winners table.map").get(0);
        Elements cells = sleep.select("td");
        assertEquals(4, cells.size(), "C = 100, 1000, 10000, 30000");
        Element c10k = cells.get(2);
        assertEquals("eventloop", c10k.ownText(), "threads-virtual's 990,000/s is higher but dispatch-bound");
        assertTrue(c10k.hasClass("clear"), "eventloop [965,150, 974,850] is clear of threads-fixed, the only other compared");
        assertEquals(List.of(
                "netty: dispatch-bound: ideal 1,000,000 tasks/s > half its ceiling 1,800,000, left out",
                "threads-virtual: dispatch-bound: ideal 1,000,000 tasks/s > half its ceiling 1,600,000, left out"),
                c10k.select("ul.cellnotes li").eachText());
        assertFalse(c10k.attr("title").contains("threads-virtual"), "not among the compared: " + c10k.attr("title"));
        assertEquals("threads-virtual = eventloop = netty", cells.get(1).ownText(),
                "C = 1000 is bound for no one: virtual's 0.99 x and the loops' 0.97 x are within the margin, so they share it");
        assertTrue(cells.get(1).hasClass("shared"));
        Element c30k = cells.get(3);
        assertEquals("dispatch-bound for every model", c30k.ownText());
        assertEquals(4, c30k.select("ul.cellnotes li").size());
        assertEquals("sleep: threads-virtual, eventloop, netty, threads-fixed are equivalent at C = 100; threads-virtual, "
                + "eventloop, netty are equivalent at C = 1,000; eventloop wins at C = 10,000; dispatch-bound at C = 30,000 "
                + "(3 of 4 cells decided)", doc.selectFirst("ul.summary li").text());
        assertTrue(doc.selectFirst("section#winners p.dispatch").text().endsWith("6 points are dispatch-bound here."));

        Elements marked = doc.select("section#workload-sleep table.shortfalls tr");
        assertEquals(1 + 6, marked.size(), "every dispatch-bound point of the chart, with why");
        assertEquals(List.of("netty", "10000", "dispatch-bound: ideal 1,000,000 tasks/s > half its ceiling 1,800,000 "
                + "(left out of the winner map and the claims)"), marked.get(2).select("td").eachText());
        Element row = doc.select("table.results tr").stream().filter(r -> r.text().contains("SleepBenchmark")
                && r.text().contains("concurrency=10000,") && r.text().contains("model=threads-virtual")).findFirst().orElseThrow();
        assertEquals("dispatch-bound: ideal 1,000,000 tasks/s > half its ceiling 1,600,000", row.children().last().text());
    }

    @Test
    void dispatchBoundPointIsLeftOutOfAClaim() throws Exception {
        Document doc = steady();
        Element claim = doc.select("table.claims tr").get(1);
        assertTrue(claim.text().startsWith("async I/O is the ideal choice for waiting"), claim.text());
        assertEquals("holds", claim.selectFirst("td.verdict").text(), claim.text());
        String evidence = claim.select("td").get(3).text();
        assertTrue(evidence.contains("sleep 10 ms at C = 1,000: eventloop 97,000/s vs threads-virtual 99,000/s"), evidence);
        assertTrue(evidence.contains("(equivalent)"), "C = 1,000: within 2%: " + evidence);
        assertTrue(evidence.contains("sleep 10 ms at C = 10,000: eventloop 970,000/s vs threads-fixed 19,400/s"),
                "threads-virtual and netty are dispatch-bound at C = 10,000, so the loop meets threads-fixed: " + evidence);
        assertFalse(evidence.contains("C = 30,000"), "every model is dispatch-bound there: " + evidence);
    }

    @Test
    void openLoopForksAtOneRateDecideTheCpuTheTailAndTheBlockingClaims() throws Exception {
        CrossoverFixture f = CrossoverFixture.steadyState();
        // sleep 10 ms at 20,000 tasks/s: eventloop 20 us CPU per task, threads-virtual 40 us; p99 10.5 vs 12 ms.
        f.openLoopForks("eventloop", "sleep", 10, 0, 20_000, null, new long[] {19_800, 20_000, 20_200},
                new double[] {10_450, 10_500, 10_550});
        f.openLoopForks("threads-virtual", "sleep", 10, 0, 20_000, null, new long[] {39_600, 40_000, 40_400},
                new double[] {11_900, 12_000, 12_100});
        // mixed with CPU spikes at 500 tasks/s: the loop's p99 90 ms, offload's 12 ms.
        f.openLoopForks("eventloop", "mixed", 10, 100, 500, "spike", new long[] {1, 1, 1}, new double[] {89_000, 90_000, 91_000});
        f.openLoopForks("eventloop-offload", "mixed", 10, 100, 500, "spike", new long[] {1, 1, 1},
                new double[] {11_900, 12_000, 12_100});
        Document doc = report(List.of(f.writeTo(dir.resolve("run"))));
        Elements claims = doc.select("table.claims tr");

        Element cpu = claims.get(2);
        assertEquals("holds", cpu.selectFirst("td.verdict").text(), cpu.text());
        assertTrue(cpu.text().contains("eventloop 20 \u00b5s/task vs threads-virtual 40 \u00b5s/task"), cpu.text());
        Element blocking = claims.get(6);
        assertTrue(blocking.text().startsWith("a blocking call inside a loop blocks everything"), blocking.text());
        assertEquals("holds", blocking.selectFirst("td.verdict").text(), blocking.text());
        assertTrue(blocking.text().contains("p99 eventloop 90,000 \u00b5s vs eventloop-offload 12,000 \u00b5s"), blocking.text());
        Element realTime = claims.get(10);
        assertTrue(realTime.text().startsWith("real-time applications need async"), realTime.text());
        assertEquals("holds", realTime.selectFirst("td.verdict").text(), realTime.text());
        assertTrue(realTime.text().contains("p99 eventloop 10,500 \u00b5s vs threads-virtual 12,000 \u00b5s"), realTime.text());
    }

    @Test
    void withoutNullBenchmarkNothingIsMarkedAndTheReportSaysCeilingsNotMeasured() throws Exception {
        CrossoverFixture f = new CrossoverFixture().method2();
        for (int c : new int[] {100, 10_000}) {
            f.addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("threads-virtual", c, 10, 0), 0.99 * c / 0.01, 5);
            f.addEntry(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("eventloop", c, 10, 0), 0.97 * c / 0.01, 5);
        }
        Document doc = report(List.of(f.writeTo(dir.resolve("run"))));
        String words = "Ceilings not measured: no NullBenchmark in these results, so no point is marked dispatch-bound.";
        assertEquals(words, doc.selectFirst("section#ceilings p.ceilings-note").text());
        assertEquals(words, doc.selectFirst("section#winners p.dispatch").text());
        assertTrue(doc.select("section#ceilings table").isEmpty());
        assertEquals("threads-virtual = eventloop", doc.select("section#winners table.map td").get(1).ownText(),
                "C = 10,000 decided as measured: 2% apart, equivalent");
        assertFalse(doc.text().contains("dispatch-bound:"), "no point marked");
    }

    @Test
    void latenessTablePerModelAtTheWaitingPointsOnly() throws Exception {
        Document doc = steady();
        Element section = doc.selectFirst("section#lateness");
        String note = section.selectFirst("p.note").text();
        assertTrue(note.contains("fire timers on 1 ms select steps") && note.contains("virtual threads")
                && note.contains("high-resolution timers") && note.contains("timer resolution, not how the model schedules"), note);
        assertEquals(List.of("eventloop", "netty", "threads-fixed", "threads-virtual", "processes"), section.select("h3").eachText());
        Elements tables = section.select("table.lateness");
        Elements virtual = tables.get(3).select("tr");
        assertEquals(1 + 4 + 8, virtual.size(), "four closed sleep points and eight open-loop points; its cpu point does not wait");
        assertEquals(List.of("bench-host", "sleep", "io 10 ms, cpu 0 µs", "C = 100", "60", "110", "400", "50,000"),
                virtual.get(1).select("td").eachText());
        assertEquals(List.of("sleep (open loop)", "6,000 tasks/s"),
                List.of(virtual.get(5).child(1).text(), virtual.get(5).child(3).text()));
        Elements loop = tables.get(0).select("tr");
        assertEquals(List.of("600", "1,000", "1,100"), loop.get(1).select("td").eachText().subList(4, 7));
        assertEquals("eventloop: p99 lateness 1,000 \u00b5s over 12 waiting points.", section.select("p.note").get(1).text());
        Elements fixed = tables.get(2).select("tr");
        assertEquals(1 + 4, fixed.size(), "threads-fixed's cpu point is not a waiting point");
    }

    @Test
    void loadChartHasALinePerModelAndTheSloSentenceNamesTheHighestSustainedRate() throws Exception {
        Document doc = steady();
        Element section = doc.selectFirst("section#load");
        assertEquals(List.of("sleep: I/O 10 ms, CPU 0 µs (share 0%), maxInFlight 100000",
                "mixed: I/O 10 ms, CPU 1,000 µs (share 9%), maxInFlight 100000"), section.select("h3").eachText());
        Elements svgs = section.select("figure > svg");
        assertEquals(2, svgs.size());
        String sleepSvg = svgs.get(0).outerHtml();
        for (String legend : List.of("eventloop", "eventloop (service)", "netty", "netty (service)", "threads-virtual",
                "threads-virtual (service)", "SLO 20 ms")) {
            assertTrue(sleepSvg.contains(">" + legend + "<"), "legend " + legend);
        }
        assertFalse(sleepSvg.contains(">processes<"), "processes ran only mixed");
        assertTrue(sleepSvg.contains("offered rate (tasks/s, log scale)"), "6,000 to 95,000: more than a decade");
        assertTrue(sleepSvg.contains(">p99 latency (ms)<"), "10.1 to 35 ms: linear");
        String mixedSvg = svgs.get(1).outerHtml();
        assertTrue(mixedSvg.contains(">processes<") && mixedSvg.contains(">SLO 22 ms<"));
        assertTrue(mixedSvg.contains("p99 latency (ms), log scale"), "11.2 to 200 ms: more than a decade");
        assertTrue(mixedSvg.contains("stroke-dasharray"), "service time dashed");

        Elements slo = section.select("p.slo");
        assertEquals("SLO: p99 from intended start at most twice the task's nominal time, 2 \u00d7 (10 ms + 0 \u00b5s) = 20 ms. "
                + "Highest offered rate sustained within it (and no arrival refused): eventloop 80,000 tasks/s (80% of its capacity); "
                + "netty 80,000 tasks/s (80% of its capacity); threads-virtual 57,000 tasks/s (95% of its capacity).", slo.get(0).text());
        assertEquals("SLO: p99 from intended start at most twice the task's nominal time, 2 \u00d7 (10 ms + 1,000 \u00b5s) = 22 ms. "
                + "Highest offered rate sustained within it (and no arrival refused): eventloop 475 tasks/s (50% of its capacity); "
                + "threads-virtual 1,520 tasks/s (80% of its capacity); processes none of the measured rates.", slo.get(1).text());

        Elements rows = section.select("table.load").get(0).select("tr");
        Element netty95 = rows.stream().filter(r -> r.text().startsWith("netty 95,000")).findFirst().orElseThrow();
        assertEquals(List.of("netty", "95,000", "95%", "94,950", "500", "10,200", "15,000", "18,000", "10,100", "40", "no"),
                netty95.select("td").eachText(), "p99 within the SLO but arrivals refused: not sustained");
        assertTrue(doc.select("section#benchmarks").isEmpty(), "open-loop results are not left to the generic section");
        assertEquals("#load", doc.selectFirst("nav a:containsOwn(Latency against offered load)").attr("href"));
    }

    @Test
    void runRecordSaysMethodTwoAndHowTheWorkWasVerified() throws Exception {
        Document doc = steady();
        Element identity = doc.selectFirst("section#identity");
        assertEquals("method 2: steady-state windows", identity.select("th:containsOwn(method) + td").text());
        assertEquals("54 points: 30 checked in full, 24 on a seeded sample; every check passed",
                identity.select("th:containsOwn(work verified) + td").text());
        assertTrue(identity.select("th:containsOwn(methodVersion)").isEmpty(), "said once, in words");
        assertTrue(identity.select("p.warning").isEmpty());
        Element firstSleep = doc.select("table.results tr").stream().filter(r -> r.text().contains("SleepBenchmark")).findFirst().orElseThrow();
        assertEquals("", firstSleep.child(11).text(), "no tasks per batch since method 2");
        assertEquals("ops/s (not the task rate: see completed)", firstSleep.child(6).text());

        Document old = report(List.of(CrossoverFixture.standard().withRunRecords().writeTo(dir.resolve("old"))));
        assertEquals("method 1: one batch per invocation, timed from empty to drained",
                old.selectFirst("section#identity").select("th:containsOwn(method) + td").text());
    }

    @Test
    void firstScreenIsTheAnswerBeforeAnythingElse() throws Exception {
        Document doc = steady();
        Element answer = doc.selectFirst("body > section");
        assertEquals("answer", answer.id(), "the first section, above the navigation and the run records");
        assertEquals(doc.select("section#winners ul.summary li").eachText(), answer.select("ul.answer-wins li").eachText());
        assertTrue(answer.select("ul.answer-wins li").eachText().stream().noneMatch(t -> t.startsWith("openloop")),
                "open-loop points offer rates: they are the load chart's, not a winner map's");
        Elements claims = answer.select("ul.answer-claims li");
        assertEquals(12, claims.size());
        assertEquals("holds: async I/O is the ideal choice for waiting: network, files (000)", claims.get(0).text());
        assertEquals("not measured in this run: async I/O runs many tasks without much CPU (000)", claims.get(1).text(),
                "its open-loop points offer shares of each model's capacity, not one rate");
        String trust = answer.selectFirst("ul.answer-trust li").text();
        assertTrue(trust.startsWith("method 2: steady-state windows; JDK 25; 3 forks per point;"), trust);
        assertTrue(trust.contains("work verified: 54 points: 30 checked in full, 24 on a seeded sample; every check passed"), trust);
        assertTrue(trust.contains("at most C tasks in flight at every point (18 checked)"), "the check, not a claim: " + trust);
        assertTrue(trust.endsWith("6 points dispatch-bound, left out of cells and claims"), trust);

        Document busy = report(List.of(CrossoverFixture.standard().withRunRecords().writeTo(dir.resolve("busy"))));
        Element first = busy.selectFirst("section#answer");
        assertTrue(first.selectFirst("p.warning").text().contains("machine was busy"), first.text());
        assertTrue(first.text().contains("Ceilings not measured: no NullBenchmark in these results"), first.text());
        assertTrue(first.selectFirst("ul.answer-trust li").text().startsWith("method 1: one batch per invocation"));
    }

    @Test
    void aFailedCheckIsAWarningOnTheRunRecord() throws Exception {
        CrossoverFixture f = CrossoverFixture.steadyState();
        f.recordOf(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("netty", 100, 10, 0))
                .put("verification", Map.of("method", "sample", "checked", 200, "passed", false));
        Document doc = report(List.of(f.writeTo(dir.resolve("run"))));
        Element identity = doc.selectFirst("section#identity");
        assertEquals("54 points: 29 checked in full, 25 on a seeded sample; 1 failed", identity.select("th:containsOwn(work verified) + td").text());
        assertEquals("bench-host: Results that do not match the reference: SleepBenchmark.run concurrency=100, cpuMicros=0, "
                + "ioMillis=10, model=netty (sample check of 200 tasks failed). Those points did not do the work they report.",
                identity.selectFirst("p.warning").text());
    }

    @Test
    void mixingMethodVersionsIsRefusedNamingBothFiles() throws Exception {
        Path old = CrossoverFixture.standard().withRunRecords().writeTo(dir.resolve("old"));
        Path now = CrossoverFixture.steadyState().writeTo(dir.resolve("now"));
        BadInputException e = assertThrows(BadInputException.class, () -> Reports.write(List.of(old, now), dir.resolve("out")));
        String first = dir.resolve("old/points").resolve(CrossoverFixture.recordName(CrossoverFixture.PKG + "CpuBenchmark.run",
                CrossoverFixture.params("processes", 1, 0, 1000))).toString();
        assertEquals(dir.resolve("now/environment.json").toAbsolutePath() + ": method version 2, but " + first
                + " has method version 1 (none stated: a run before method 2) (expected: one method version per report; "
                + "numbers measured differently are not comparable)", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(dir.resolve("out/report.html")));

        Path bare = CrossoverFixture.standard().writeTo(dir.resolve("bare"));
        e = assertThrows(BadInputException.class, () -> Reports.write(List.of(now, bare), dir.resolve("out")));
        assertTrue(e.getMessage().startsWith(bare + ": method version 1 (none stated"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("now/environment.json").toAbsolutePath() + " has method version 2"), e.getMessage());

        Path again = CrossoverFixture.steadyState().writeTo(dir.resolve("again"));
        Document doc = report(List.of(now, again, Fixtures.copy(Fixtures.THRPT_PARAMS, dir.resolve("x"))));
        assertEquals(2, doc.select("section#identity th:containsOwn(method)").size(), "two method-2 runs and a plain JMH file");
    }

    @Test
    void aRunWhoseRecordsDisagreeWithItsEnvironmentIsRefused() throws Exception {
        CrossoverFixture f = CrossoverFixture.steadyState();
        f.recordOf(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("eventloop", 100, 10, 0)).put("methodVersion", 3);
        Path results = f.writeTo(dir.resolve("run"));
        BadInputException e = assertThrows(BadInputException.class, () -> Reports.write(List.of(results), dir.resolve("out")));
        String record = dir.resolve("run/points").resolve(CrossoverFixture.recordName(CrossoverFixture.PKG + "SleepBenchmark.run",
                CrossoverFixture.params("eventloop", 100, 10, 0))).toString();
        assertEquals(record + ": method version 3, but " + dir.resolve("run/environment.json").toAbsolutePath()
                + " has method version 2 (expected: one method version per report; numbers measured differently are not comparable)",
                e.getMessage());
    }

    @Test
    void malformedMethodTwoFieldsAreBadInputNamingTheFileAndPath() throws Exception {
        Map<String, String> params = CrossoverFixture.params("eventloop", 100, 10, 0);
        String name = CrossoverFixture.recordName(CrossoverFixture.PKG + "SleepBenchmark.run", params);
        CrossoverFixture f = CrossoverFixture.steadyState();
        f.recordOf(CrossoverFixture.PKG + "SleepBenchmark.run", params).put("mode", "half-open");
        Path results = f.writeTo(dir.resolve("a"));
        BadInputException e = assertThrows(BadInputException.class, () -> Reports.write(List.of(results), dir.resolve("out")));
        assertEquals(dir.resolve("a/points").resolve(name) + ": mode \"half-open\" (expected: closed or open) at $.mode", e.getMessage());

        f = CrossoverFixture.steadyState();
        f.recordOf(CrossoverFixture.PKG + "SleepBenchmark.run", params).put("verification", Map.of("method", "full", "checked", 5, "passed", 6));
        Path two = f.writeTo(dir.resolve("b"));
        e = assertThrows(BadInputException.class, () -> Reports.write(List.of(two), dir.resolve("out")));
        assertEquals(dir.resolve("b/points").resolve(name) + ": expected true or false, found a number at $.verification.passed",
                e.getMessage());

        f = CrossoverFixture.steadyState();
        f.recordOf(CrossoverFixture.PKG + "SleepBenchmark.run", params).put("latenessMicros", Map.of("p50", 1, "p99", 2, "max", 3));
        Path three = f.writeTo(dir.resolve("c"));
        e = assertThrows(BadInputException.class, () -> Reports.write(List.of(three), dir.resolve("out")));
        assertEquals(dir.resolve("c/points").resolve(name) + ": missing \"count\" at $.latenessMicros", e.getMessage());
    }
}
