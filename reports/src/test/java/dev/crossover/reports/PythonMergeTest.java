package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM run and a Python reference run of the same host in one report: the Python models share the
 * JVM's charts (marked as Python), not its winner cells, and each run's trust line speaks of its own points.
 */
class PythonMergeTest {
    @TempDir
    Path dir;

    private Document merged() throws Exception {
        Path jvm = CrossoverFixture.standard().writeTo(dir.resolve("run"));
        // cpu, 1000 us: py-processes at 0.99 x the cores is clear of threads-fixed's 0.95 at C = 2 and 4;
        // py-threads holds one core (the GIL) at every C.
        CrossoverFixture python = new CrossoverFixture().environment("language", "python")
                .environment("forkedJdkVersion", "3.11.7").environment("pythonVersion", "3.11.7");
        for (int c : new int[] {1, 2, 4}) {
            python.add("Cpu", "py-processes", c, 0, 1000, 0.99 * Math.min(c, CrossoverFixture.CORES) / 0.001);
            python.add("Cpu", "py-threads", c, 0, 1000, 0.97 / 0.001);
        }
        Path py = python.writeTo(dir.resolve("run").resolve("python"));
        Path html = Reports.write(List.of(jvm, py), dir.resolve("out"));
        return Jsoup.parse(html.toFile(), "UTF-8");
    }

    @Test
    void keepsPythonModelsOutOfTheJvmRunsWinnerCells() throws Exception {
        // a cell compares models one harness measured: Python's own driver and kernel calibration are not the JVM's
        Document doc = merged();

        List<String> titles = doc.select("#winners h3").eachText();
        assertEquals(1, titles.stream().filter(t -> t.startsWith("cpu")).count(), "one cpu map: " + titles);
        assertTrue(titles.stream().noneMatch(t -> t.contains(" \u2014 ")), "no map is titled by its run: " + titles);
        Element cpuMap = doc.select("#winners h3").stream().filter(h -> h.text().startsWith("cpu")).findFirst()
                .orElseThrow().nextElementSibling();
        assertTrue(cpuMap.text().contains("threads-fixed"), cpuMap.text());
        assertFalse(cpuMap.text().contains("(Python)"), "no Python model decides or shares a JVM cell: " + cpuMap.text());
        assertTrue(doc.select("#workload-cpu").html().contains("py-processes (Python)"), "but it is drawn in the chart");
    }

    @Test
    void namesThePythonRunAsThePythonReferenceAndSummarisesEachWorkloadOnce() throws Exception {
        Document doc = merged();

        List<String> runs = doc.select("#identity table.source caption").eachText();
        assertEquals(2, runs.size(), runs.toString());
        assertTrue(runs.get(1).endsWith("\u00b7 Python reference"), runs.toString());
        assertEquals(runs.get(0) + " \u00b7 Python reference", runs.get(1), "the Python run shares the JVM run's label");
        List<String> summary = doc.select("#winners ul.summary li").eachText();
        assertEquals(1, summary.stream().filter(s -> s.startsWith("cpu:")).count(), summary.toString());
        assertTrue(doc.select("#workload-cpu svg").size() > 0, "the cpu charts");
        assertTrue(doc.select("#workload-cpu").html().contains("py-threads (Python)"), "a Python line in the cpu chart");
    }

    @Test
    void eachRunsTrustLineCountsItsOwnPoints() throws Exception {
        // the Python run shares the JVM run's label: its line must still count its 6 points (2 models, 3 C), not the JVM's
        List<String> trust = merged().select("ul.answer-trust li").eachText();
        String python = trust.stream().filter(t -> t.contains("Python 3.11.7")).findFirst().orElseThrow(() ->
                new AssertionError(trust.toString()));
        assertTrue(python.contains("over 6 points"), python);
        String jvm = trust.stream().filter(t -> t.contains("JDK")).findFirst().orElseThrow(() -> new AssertionError(trust.toString()));
        assertFalse(jvm.contains("over 6 points"), jvm);
    }
}
