package dev.crossover.reports.html;

import dev.crossover.reports.chart.FootprintChart;
import dev.crossover.reports.chart.Line;
import dev.crossover.reports.chart.Palette;
import dev.crossover.reports.footprint.FootprintFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's footprint section, from the {@code footprint.json} beside a run's
 * {@code results.json}: memory against N per model (log–log), and a table of bytes per task (the
 * slope over N, with R²), live heap per task, spawn µs per task and the largest N reached, with
 * every N not measured and its cause.
 */
public final class FootprintSection {
    private FootprintSection() {
    }

    /**
     * One run's footprint.
     *
     * @param source  the run's label
     * @param svg     the chart
     * @param method  how it was measured, in words (the probe JVMs' flags included)
     * @param rows    one per model
     * @param stopped one line per task count not measured, with its cause
     */
    public record View(String source, String svg, String method, List<Row> rows, List<String> stopped) {
    }

    /** One model's figures, formatted. */
    public record Row(String model, String bytesPerTask, String r2, String liveHeapBytesPerTask, String spawnMicrosPerTask,
                      String largestTasks, String holds) {
    }

    /** {@return the section's view of {@code file}, labelled {@code source}} */
    public static View of(String source, FootprintFile file) {
        Palette palette = new Palette(file.models().stream().map(FootprintFile.Model::model).toList());
        List<Line> lines = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (FootprintFile.Model m : file.models()) {
            lines.add(new Line(m.model(), m.model(), 0, m.points().stream().filter(FootprintFile.Point::measured)
                    .map(p -> new Line.XY(p.tasks(), p.pssGrowthBytes() / 1e6, Double.NaN, Double.NaN)).toList()));
            String holds = m.parallelism() < 0 ? "all N waiting"
                    : String.format(Locale.ROOT, "at most %,d waiting; the rest queued", m.parallelism());
            rows.add(new Row(m.model(), orDash(m.bytesPerTask()), Double.isNaN(m.r2()) ? "\u2013"
                    : m.fitPoints() == 2 ? "exact (2 N)" : String.format(Locale.ROOT, "%.3f (%d N)", m.r2(), m.fitPoints()), orDash(m.liveHeapBytesPerTask()),
                    orDash(m.spawnMicrosPerTask()), m.largestTasks() == 0 ? "none"
                    : String.format(Locale.ROOT, "%,d", m.largestTasks()), holds));
            m.points().stream().filter(p -> !p.measured()).forEach(p -> stopped.add(String.format(Locale.ROOT,
                    "%s, N = %,d: %s: %s", m.model(), p.tasks(), p.status(), p.reason())));
        }
        String load = file.loadStart().isEmpty() ? "" : " Load average at the start: " + file.loadStart() + ".";
        String method = file.memoryMeasure() + ". Each model and N ran in a fresh JVM with " + String.join(" ", file.jvmArgs())
                + "." + load;
        return new View(source, FootprintChart.memory("Memory against tasks held", lines, palette), method, rows, stopped);
    }

    private static String orDash(double x) {
        return Double.isNaN(x) ? "\u2013" : Format.number(x);
    }
}
