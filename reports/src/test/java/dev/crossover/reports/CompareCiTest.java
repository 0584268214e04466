package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** {@code compare} for CI: JUnit and Markdown, refusals, kernel units, rounds and the low-power warning. */
@Timeout(60)
class CompareCiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int compare(Object... args) {
        CommandLine cmd = new CommandLine(new CompareCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(java.util.Arrays.stream(args).map(Object::toString).toArray(String[]::new));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> testcases(Document doc) {
        NodeList nodes = doc.getElementsByTagName("testcase");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    @Test
    void twoRealSmokeRunsBackToBackCompareClean() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        Path b = RunFixtures.copy(RunFixtures.SMOKE_B, dir.resolve("b"));

        assertEquals(0, compare(a, b, "--junit", dir.resolve("aa.xml"), "--markdown", dir.resolve("aa.md")));

        assertTrue(lines().contains("0 regressed, 0 improved, 43 unchanged, 0 missing, 0 new"), out.toString());
        Document doc = xml(dir.resolve("aa.xml"));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("43", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(43, testcases(doc).size());
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
        assertTrue(testcases(doc).stream().allMatch(t -> t.getAttribute("name").endsWith(" completed")));
        String md = Files.readString(dir.resolve("aa.md"));
        assertTrue(md.startsWith("### Crossover compare: 0 regressed, 0 improved, 43 unchanged, 0 missing, 0 new\n"), md);
        assertTrue(md.contains("No point moved beyond the threshold and the noise."), md);
        assertTrue(md.contains("<details><summary>43 unchanged</summary>"), md);
    }

    @Test
    void aSmokeRunIsLowPowerAndSaysSo() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        Path b = RunFixtures.copy(RunFixtures.SMOKE_B, dir.resolve("b"));

        compare(a, b, "--markdown", dir.resolve("s.md"));

        String warning = lines().getLast();
        assertTrue(warning.startsWith("warning: low power: 43 of 43 points rest on fewer than 3 forks a side (1 here)"), warning);
        assertTrue(Files.readString(dir.resolve("s.md")).contains("> [!WARNING]\n> low power: 43 of 43 points"));
    }

    @Test
    void threeRoundsASideMergeIntoThreeForksAndTheWarningGoes() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        Path b = RunFixtures.copy(RunFixtures.SMOKE_B, dir.resolve("b"));
        String side = a + "," + b + "," + a;

        assertEquals(0, compare(side, side, "--json"));

        JsonNode root = JSON.readTree(out.toString());
        assertEquals(0, root.get("summary").get("lowPower").intValue());
        assertEquals(0, root.get("warnings").size());
        JsonNode first = root.get("points").get(0);
        assertEquals(3, first.get("forks").intValue());
        assertEquals(43, root.get("summary").get("unchanged").intValue());
    }

    @Test
    void aCopyScaledByPointEightRegressesAtEveryPoint() throws Exception {
        // The synthetic run's intervals are 2% wide, so a 20% drop is beyond noise at every point.
        Path base = dir.resolve("base");
        CrossoverFixture.standard().withRunRecords().writeTo(base);
        Path current = RunFixtures.scaledCopy(base, dir.resolve("current"), 0.8);

        assertEquals(1, compare(base, current, "--junit", dir.resolve("r.xml"), "--markdown", dir.resolve("r.md")));

        List<String> points = lines().stream().filter(l -> !l.startsWith("warning: ")).toList();
        int n = points.size() - 1;
        assertTrue(n > 30, out.toString());
        assertTrue(points.subList(0, n).stream().allMatch(l -> l.startsWith("REGRESSED  ") && l.contains("  -20.0%")),
                out.toString());
        assertEquals(n + " regressed, 0 improved, 0 unchanged, 0 missing, 0 new", points.get(n));
        Document doc = xml(dir.resolve("r.xml"));
        assertEquals(n, testcases(doc).size());
        assertEquals(n, doc.getElementsByTagName("failure").getLength());
        assertTrue(testcases(doc).stream().allMatch(t -> t.getElementsByTagName("failure").getLength() == 1));
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertEquals(points.get(0), failure.getAttribute("message"));
        assertEquals("REGRESSED", failure.getAttribute("type"));
        String md = Files.readString(dir.resolve("r.md"));
        for (String line : points.subList(0, n)) {
            String label = line.substring("REGRESSED  ".length(), line.indexOf("  completed"));
            String point = label.substring(label.indexOf(' ') + 1);
            assertTrue(md.contains("| **REGRESSED** | " + label.substring(0, label.indexOf(' ')) + " | `" + point + "` |"),
                    "markdown names " + label);
        }
    }

    @Test
    void aRealSmokeRunScaledByPointEightIsWithinItsOwnNoise() throws Exception {
        // One fork of three iterations: JMH's 99.9% intervals are wider than 20% at every point of
        // this real run, so no point can be called regressed, and the output says why.
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        Path scaled = RunFixtures.scaled(RunFixtures.SMOKE_A, dir.resolve("a08"), 0.8);

        assertEquals(0, compare(a, scaled));

        assertTrue(lines().contains("0 regressed, 0 improved, 43 unchanged, 0 missing, 0 new"), out.toString());
        assertTrue(lines().getLast().startsWith("warning: low power: 43 of 43"), out.toString());
        assertTrue(lines().stream().filter(l -> l.startsWith("UNCHANGED")).allMatch(l -> l.contains("-20.0%")));
    }

    @Test
    void runsOnDifferentMachinesAreRefusedNamingTheDifference() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        Path b = RunFixtures.copy(RunFixtures.SMOKE_B, dir.resolve("b"));
        RunFixtures.environment(b, "cores", 4);
        RunFixtures.environment(b, "jdkVersion", "21.0.5+11");

        assertEquals(2, compare(a, b));

        assertEquals(b.resolve("environment.json") + ": cores 2 -> 4, jdkVersion 25.0.3+9-LTS -> 21.0.5+11 (expected: "
                + "the machine, cores and JDK of " + a.resolve("environment.json")
                + "; --allow-different-environment to compare anyway)", err.toString().strip());
        assertEquals("", out.toString());

        assertEquals(0, compare(a, b, "--allow-different-environment"));
        assertTrue(lines().contains("warning: environments differ (cores 2 -> 4, jdkVersion 25.0.3+9-LTS -> 21.0.5+11): "
                + "every point may differ for that alone"), out.toString());
    }

    @Test
    void differentMethodVersionsAreRefusedEvenWhenEnvironmentsMayDiffer() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));  // no methodVersion: version 1
        Path b = RunFixtures.copy(RunFixtures.SMOKE_B, dir.resolve("b"));  // methodVersion "1"
        assertEquals(0, compare(a, b), "a run without a version is version 1");
        RunFixtures.environment(b, "methodVersion", "2");

        assertEquals(2, compare(a, b, "--allow-different-environment"));

        assertEquals(b.resolve("environment.json") + ": methodVersion 1 -> 2 (expected: the method version of "
                + a.resolve("environment.json") + "; a change in how a number is measured is not a regression)",
                err.toString().strip());
    }

    @Test
    void aMethodVersionParamCountsWhenThereIsNoEnvironment() throws Exception {
        String entry = """
                [{"benchmark":"a.B.c","mode":"thrpt","params":{"methodVersion":"%s","n":"1"},
                  "primaryMetric":{"score":100,"scoreError":1,"scoreConfidence":[99,101],"scoreUnit":"ops/s",
                  "rawData":[[99,100,101]]}}]""";
        Path v1 = dir.resolve("v1.json");
        Path v2 = dir.resolve("v2.json");
        Files.writeString(v1, entry.formatted("1"));
        Files.writeString(v2, entry.formatted("2"));

        assertEquals(0, compare(v1, v1));
        assertEquals(2, compare(v1, v2));
        assertEquals(v2 + ": methodVersion 1 -> 2 (expected: the method version of " + v1
                + "; a change in how a number is measured is not a regression)", err.toString().strip());
    }

    @Test
    void pointsWhoseKernelUnitsDifferAreReportedNotCompared() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        Path b = RunFixtures.scaled(RunFixtures.SMOKE_A, dir.resolve("b"), 0.5);
        Path record = b.resolve("points").resolve(
                "dev.crossover.benchmarks.CpuBenchmark.run@concurrency=4,cpuMicros=500,ioMillis=0,model=eventloop.json");
        ObjectNode r = (ObjectNode) JSON.readTree(record.toFile());
        long units = r.get("cpuUnits").longValue();
        r.put("cpuUnits", units * 2);
        JSON.writeValue(record.toFile(), r);

        compare(a, b, "--junit", dir.resolve("u.xml"));

        String line = lines().stream().filter(l -> l.startsWith("UNITS_DIFFER")).findFirst().orElseThrow();
        assertTrue(line.startsWith("UNITS_DIFFER CpuBenchmark.run thrpt concurrency=4 cpuMicros=500 ioMillis=0 model=eventloop  completed"), line);
        assertTrue(line.endsWith(String.format(java.util.Locale.ROOT, "(kernel units per task differ: %,d -> %,d; not compared "
                + "(run CURRENT with --units-from BASELINE_DIR for the same work))", units, units * 2)), line);
        assertTrue(lines().stream().anyMatch(l -> l.endsWith(", 1 not compared (kernel units differ)")), out.toString());
        Document doc = xml(dir.resolve("u.xml"));
        assertEquals("1", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("skipped"));
    }

    @Test
    void moreFailedTasksAreARegression() throws Exception {
        Path base = dir.resolve("base");
        CrossoverFixture f = new CrossoverFixture();
        f.addEntry(CrossoverFixture.PKG + "FanoutBenchmark.run", CrossoverFixture.params("eventloop", 10, 10, 0), 1000, 10);
        f.writeTo(base);
        Path current = Files.createDirectories(dir.resolve("current"));
        Files.copy(base.resolve("environment.json"), current.resolve("environment.json"));
        JsonNode entries = JSON.readTree(base.resolve("results.json").toFile());
        ((ObjectNode) entries.get(0).get("secondaryMetrics")).set("failed",
                JSON.valueToTree(CrossoverFixture.metric(50, 1, "ops/s")));
        JSON.writeValue(current.resolve("results.json").toFile(), entries);
        JsonNode before = JSON.readTree(base.resolve("results.json").toFile());
        ((ObjectNode) before.get(0).get("secondaryMetrics")).set("failed",
                JSON.valueToTree(CrossoverFixture.metric(10, 1, "ops/s")));
        JSON.writeValue(base.resolve("results.json").toFile(), before);

        assertEquals(1, compare(base, current, "--metric", "failed", "--json"));

        JsonNode p = JSON.readTree(out.toString()).get("points").get(0);
        assertEquals("REGRESSED", p.get("verdict").textValue());
        assertEquals(false, p.get("higherIsBetter").booleanValue(), "failed tasks per second: fewer is better");
    }

    @Test
    void unwritableJunitFileExitsTwoNamingTheFlag() throws Exception {
        Path a = RunFixtures.copy(RunFixtures.SMOKE_A, dir.resolve("a"));
        Path blocker = Files.writeString(dir.resolve("file"), "x");

        assertEquals(2, compare(a, a, "--junit", blocker.resolve("out.xml")));

        assertTrue(err.toString().startsWith("--junit: " + blocker.resolve("out.xml") + " (expected: a writable file"), err.toString());
    }

    @Test
    void junitEscapesWhatXmlCannotHoldAsIs() throws Exception {
        String entry = """
                [{"benchmark":"a.B.c","mode":"thrpt","params":{"s":"<&\\"'>"},
                  "primaryMetric":{"score":%s,"scoreError":1,"scoreConfidence":[%s,%s],"scoreUnit":"ops/s"}}]""";
        Path base = dir.resolve("b.json");
        Path current = dir.resolve("c.json");
        Files.writeString(base, entry.formatted("100", "99", "101"));
        Files.writeString(current, entry.formatted("50", "49", "51"));

        assertEquals(1, compare(base, current, "--junit", dir.resolve("e.xml"), "--markdown", dir.resolve("e.md")));

        Element tc = testcases(xml(dir.resolve("e.xml"))).getFirst();
        assertEquals("thrpt s=<&\"'> primary", tc.getAttribute("name"));
        assertTrue(Files.readString(dir.resolve("e.md")).contains("`thrpt s=<&\"'>`"));
    }
}
