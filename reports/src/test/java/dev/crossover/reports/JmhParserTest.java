package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.reports.jmh.JmhParser;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import dev.crossover.reports.jmh.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class JmhParserTest {
    @TempDir
    Path dir;

    private List<JmhResult> parse(Path file) {
        return JmhParser.parse(file, new Source(file, "test", Map.of()));
    }

    @Test
    void readsThroughputWithParams() throws Exception {
        List<JmhResult> results = parse(Fixtures.copy(Fixtures.THRPT_PARAMS, dir));
        assertEquals(3, results.size());
        JmhResult first = results.get(0);
        assertEquals("thrpt", first.mode());
        assertEquals("testReadString", first.method());
        assertEquals("5", first.params().get("maxStringLength"));
        assertEquals(5, first.params().size());
        assertEquals(46.902503593590836, first.primary().score());
        assertEquals(23.50343800974622, first.primary().low());
        assertEquals("ops/ms", first.primary().unit());
        assertEquals(3, first.primary().samples());
        assertTrue(first.primary().higherIsBetter());
        assertEquals("1.8.0_322", first.jdkVersion());
    }

    @Test
    void readsSampleModeWithOldPrefixedPercentileNamesAndNaNStrings() throws Exception {
        JmhResult r = parse(Fixtures.copy(Fixtures.SAMPLE, dir)).get(0);
        assertEquals("sample", r.mode());
        assertEquals(10, r.primary().samples(), "rawDataHistogram counts");
        assertEquals(3.955228672, r.primary().percentiles().get(99.9));
        assertEquals(List.of("p0.00", "p0.50", "p0.999"), List.copyOf(r.secondary().keySet()));
        Metric p50 = r.secondary().get("p0.50");
        assertEquals(3.762290688, p50.score());
        assertTrue(Double.isNaN(p50.error()));
        assertTrue(Double.isNaN(p50.low()) && Double.isNaN(p50.high()));
        assertTrue(!p50.hasInterval());
        assertTrue(!r.primary().higherIsBetter(), "s/op: lower is better");
    }

    @Test
    void readsSingleShot() throws Exception {
        List<JmhResult> results = parse(Fixtures.copy(Fixtures.SINGLE_SHOT, dir));
        assertEquals(List.of("ss", "ss", "ss"), results.stream().map(JmhResult::mode).toList());
        assertEquals("1K", results.get(1).params().get("mapSize"));
        assertEquals(10, results.get(0).primary().samples());
    }

    @Test
    void readsAverageTimeWithGcProfilerUnderOldNames() throws Exception {
        JmhResult r = parse(Fixtures.copy(Fixtures.AVGT_GC, dir)).get(0);
        assertEquals("avgt", r.mode());
        assertEquals("ns/op", r.primary().unit());
        assertEquals(1000.0, r.secondary().get("gc.alloc.rate.norm").score());
        assertEquals("B/op", r.secondary().get("gc.alloc.rate.norm").unit());
        assertTrue(r.secondary().containsKey("gc.churn.G1_Eden_Space"));
        assertTrue(Double.isNaN(r.secondary().get("gc.count").error()));
    }

    @Test
    void readsARealGcProfilerRunOfJmh137() throws Exception {
        JmhResult r = parse(Fixtures.copy(Fixtures.AVGT_GC_REAL, dir)).get(0);

        assertEquals("org.openjdk.jmh.samples.JMHSample_01_HelloWorld.wellHelloThere", r.benchmark());
        assertEquals("avgt", r.mode());
        assertEquals("ns/op", r.primary().unit());
        assertEquals(java.util.Set.of("gc.alloc.rate", "gc.alloc.rate.norm", "gc.count"), r.secondary().keySet());
        assertEquals("B/op", r.secondary().get("gc.alloc.rate.norm").unit());
    }

    @Test
    void readsOldFileWithoutVersionFieldsOrParams() throws Exception {
        JmhResult r = parse(Fixtures.copy(Fixtures.OLD_THRPT, dir)).get(0);
        assertEquals("", r.jdkVersion());
        assertTrue(r.params().isEmpty());
        assertEquals("(no params)", r.paramsLabel());
        assertEquals(10, r.primary().samples());
    }

    @Test
    void oldAndNewMetricNamesReadTheSame() {
        assertEquals("gc.alloc.rate.norm", JmhResult.metricName("\u00b7gc.alloc.rate.norm"));
        assertEquals("gc.alloc.rate.norm", JmhResult.metricName("gc.alloc.rate.norm"));
        assertEquals("p0.50", JmhResult.metricName("jdbcBurstQuery\u00b7p0.50"));
        assertEquals("p0.50", JmhResult.metricName("jdbcBurstQuery", "jdbcBurstQuery:p0.50"));
        assertEquals("gc.alloc.rate", JmhResult.metricName("jdbcBurstQuery", "jdbcBurstQuery:\u00b7gc.alloc.rate"));
        assertEquals("gc.alloc.rate", JmhResult.metricName("jdbcBurstQuery:\u00b7gc.alloc.rate"));
        assertEquals("completed", JmhResult.metricName("completed"));
    }

    @Test
    void metricNamesKeepTheirOwnColons() {
        assertEquals("cycles:u", JmhResult.metricName("run", "cycles:u"));
        assertEquals("instructions:u", JmhResult.metricName("instructions:u"));
        assertEquals("cycles:u", JmhResult.metricName("run", "\u00b7cycles:u"));
        assertEquals("L1-dcache-loads:u", JmhResult.metricName("run", "run:\u00b7L1-dcache-loads:u"));
    }

    @Test
    void perfnormMetricsStayApart() throws Exception {
        Path file = dir.resolve("perf.json");
        Files.writeString(file, """
                [{"benchmark":"a.B.run","mode":"thrpt","primaryMetric":{"score":1,"scoreUnit":"ops/s"},
                  "secondaryMetrics":{"cycles:u":{"score":2000,"scoreUnit":"#/op"},
                                      "instructions:u":{"score":3000,"scoreUnit":"#/op"},
                                      "\u00b7cpi":{"score":0.6,"scoreUnit":"clks/insn"}}}]
                """);
        JmhResult r = parse(file).get(0);
        assertEquals(List.of("cycles:u", "instructions:u", "cpi"), List.copyOf(r.secondary().keySet()));
        assertEquals(3000, r.secondary().get("instructions:u").score());
    }

    @Test
    void readsInfinityAndNaNStrings() throws Exception {
        Path file = dir.resolve("inf.json");
        Files.writeString(file, """
                [{"benchmark":"a.B.c","mode":"avgt","primaryMetric":{"score":"+INF","scoreError":"NaN",
                  "scoreConfidence":["-INF","+INF"],"scoreUnit":"us/op"},"secondaryMetrics":{}}]
                """);
        Metric m = parse(file).get(0).primary();
        assertEquals(Double.POSITIVE_INFINITY, m.score());
        assertEquals(Double.NEGATIVE_INFINITY, m.low());
        assertTrue(Double.isNaN(m.error()));
    }

    @Test
    void readsNewStyleSecondaryMetricsOfACrossoverRun() throws Exception {
        Path results = CrossoverFixture.standard().writeTo(dir.resolve("run"));
        JmhResult r = parse(results).get(0);
        assertEquals("dev.crossover.benchmarks.SleepBenchmark.run", r.benchmark());
        assertEquals(19.6, r.secondary().get("completed").score(), 1e-9);
        assertEquals(0.0, r.secondary().get("failed").score());
    }
}
