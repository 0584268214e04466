package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.reports.crossover.LatencyLogs;
import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.crossover.Sidecar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The delay server's own figures: read from an http point's record (optional), shown in the harness's section. */
@Timeout(60)
class DelayServerReportTest {
    private static final String HTTP = CrossoverFixture.PKG + "HttpBenchmark.run";

    @TempDir
    Path dir;

    private static Map<String, String> http(String model, int c) {
        Map<String, String> p = CrossoverFixture.params(model, c, 50, 0);
        p.put("bytes", "64");
        return p;
    }

    private static Map<String, Object> server(long answered, double perSecond, double p50, double p99) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("answered", answered);
        s.put("elapsedSeconds", answered / perSecond);
        s.put("requestsPerSecond", perSecond);
        s.put("latenessP50Micros", p50);
        s.put("latenessP99Micros", p99);
        s.put("latenessMaxMicros", p99 * 2);
        return s;
    }

    /** The steady-state run plus http at io 50 ms: eventloop at C = 1000 with the server 120 µs late at its median (0.24% of the wait), netty at C = 10000 with 6,000 µs (12%). */
    private CrossoverFixture withHttp() {
        CrossoverFixture f = CrossoverFixture.steadyState();
        f.addEntry(HTTP, http("eventloop", 1000), 19_000, 100);
        f.addEntry(HTTP, http("netty", 10_000), 60_000, 500);
        f.recordOf(HTTP, http("eventloop", 1000)).put("server", server(57_000, 19_050, 120, 800));
        f.recordOf(HTTP, http("netty", 10_000)).put("server", server(180_000, 60_100, 6_000, 9_000));
        return f;
    }

    private Document report(CrossoverFixture f) throws Exception {
        Path html = Reports.write(List.of(f.writeTo(dir.resolve("run"))), dir.resolve("out"));
        return Jsoup.parse(html.toFile(), "UTF-8");
    }

    @Test
    void aRecordWithTheServerObjectReadsItAndOneWithoutReadsNone() throws Exception {
        withHttp().writeTo(dir.resolve("run"));
        Map<LatencyLogs.Key, Sidecar> points = RunFiles.points(dir.resolve("run").resolve("points"));
        Sidecar loop = points.get(new LatencyLogs.Key(HTTP, new TreeMap<>(http("eventloop", 1000))));
        assertEquals(new Sidecar.Server(57_000, 19_050, 120, 800, 1_600), loop.server());
        Sidecar sleep = points.get(new LatencyLogs.Key(CrossoverFixture.PKG + "SleepBenchmark.run",
                new TreeMap<>(CrossoverFixture.params("eventloop", 1000, 10, 0))));
        assertNull(sleep.server(), "a record without the object (an older file, or no server) still loads");
    }

    @Test
    void aMalformedServerObjectIsRefusedNamingTheField() throws Exception {
        withHttp().writeTo(dir.resolve("run"));
        Path file = dir.resolve("run").resolve("points").resolve(CrossoverFixture.recordName(HTTP, http("netty", 10_000)));
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> record = json.readValue(file.toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> server = (Map<String, Object>) record.get("server");
        server.remove("latenessP99Micros");
        json.writeValue(file.toFile(), record);
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> RunFiles.points(dir.resolve("run").resolve("points")));
        assertTrue(e.getMessage().contains("latenessP99Micros"), e.getMessage());
    }

    @Test
    void theHarnessSectionShowsTheServerBesideTheModelAtEachHttpPoint() throws Exception {
        Document doc = report(withHttp());
        Element section = doc.selectFirst("section#server");
        assertEquals("#server", doc.selectFirst("nav a:containsOwn(Delay server)").attr("href"));
        List<List<String>> rows = section.select("table.server tr").stream().skip(1).map(r -> r.select("td").eachText()).toList();
        assertEquals(List.of(
                List.of("run", "eventloop", "C = 1000", "50 ms, bytes 64", "19,000", "19,050", "120", "800", "not the bottleneck"),
                List.of("run", "netty", "C = 10000", "50 ms, bytes 64", "60,000", "60,100", "6,000", "9,000",
                        "may have capped this point (left out of the claims)")),
                rows.stream().map(r -> List.of("run", r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7),
                        r.get(8))).toList());
        assertEquals("The rule: where the server's median lateness exceeds 10% of the asked wait, the server may have capped "
                + "the point (the rate it allows is C / (wait + its lateness)), and the claims leave the point out; else it "
                + "was not the bottleneck. The server may have capped 1 of the 2 points: their "
                + "throughput says as much of the server as of the model.", section.selectFirst("p.server-note").text());
    }

    @Test
    void noHttpPointNoServerSection() throws Exception {
        Document doc = report(CrossoverFixture.steadyState());
        assertNull(doc.selectFirst("section#server"));
        assertNull(doc.selectFirst("nav a:containsOwn(Delay server)"));
    }

    @Test
    void everyPointUnderTheRuleSaysTheServerWasNotTheBottleneck() throws Exception {
        CrossoverFixture f = CrossoverFixture.steadyState();
        f.addEntry(HTTP, http("eventloop", 1000), 19_000, 100);
        f.recordOf(HTTP, http("eventloop", 1000)).put("server", server(57_000, 19_050, 4_999, 30_000));  // a long tail, a typical answer within the rule
        String note = report(f).selectFirst("section#server p.server-note").text();
        assertTrue(note.endsWith("The delay server was not the bottleneck: its median lateness stayed within the rule at the one point."),
                note);
    }
}
