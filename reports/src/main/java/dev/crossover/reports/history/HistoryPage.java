package dev.crossover.reports.history;

import dev.crossover.reports.chart.HistoryCharts;
import dev.crossover.reports.html.Format;
import dev.crossover.reports.html.HtmlWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The history page: one self-contained HTML file (inline CSS and SVG, no script, nothing fetched)
 * with the newest run's check, the change points (when, which commit, how much, which points moved
 * together), the runs, then per point its series over the runs with its change points marked.
 */
public final class HistoryPage {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HistoryPage() {
    }

    /** The page's view, as the template reads it. */
    public record View(String title, String generated, String range, String settings, String checkSummary,
                       List<CheckRow> flagged, List<CheckRow> within, List<GroupRow> groups, List<RunRow> runs,
                       List<PointView> points) {
    }

    /** A point of the newest run's check. */
    public record CheckRow(String status, String cls, String point, String line) {
    }

    /** The points that changed at one run. */
    public record GroupRow(int run, String date, String commit, String summary, List<String> shifts, String note) {
    }

    /** One kept run. */
    public record RunRow(int number, String date, String commit, String version, String note) {
    }

    /** One point's chart and its change points. */
    public record PointView(String id, String label, String svg, List<String> changes) {
    }

    /** {@return the page of {@code analysis} and {@code check}} */
    public static String render(Analysis analysis, Check check, ChangePoints settings, double threshold) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        return HtmlWriter.render("history.peb", Map.of("h", view(analysis, check, settings, threshold)));
    }

    static View view(Analysis a, Check check, ChangePoints settings, double threshold) {
        List<HistoryRun> runs = a.runs();
        String range = runs.isEmpty() ? "no runs" : runs.size() + " runs from " + DATE.format(runs.getFirst().date())
                + " (" + runs.getFirst().shortCommit() + ") to " + DATE.format(runs.getLast().date()) + " ("
                + runs.getLast().shortCommit() + "), " + a.series().size() + " points";
        String settingsLine = String.format(Locale.ROOT, "Change points: E-Divisive means in windows of %d runs, "
                        + "kept when a Student's t-test gives p < %s and the change exceeds %s; the newest run is "
                        + "checked against its segment's spread with a %s margin.", settings.window(),
                Format.number(settings.maxPValue()), Format.number(settings.minMagnitude() * 100) + "%",
                Format.number(threshold * 100) + "%");
        List<CheckRow> checkRows = new ArrayList<>();
        List<String> lines = check.lines(runs);
        for (int i = 0; i < check.points().size(); i++) {
            Check.Point p = check.points().get(i);
            String cls = switch (p.status()) {
                case REGRESSED -> "fails";
                case IMPROVED -> "holds";
                case TOO_FEW -> "unmeasured";
                case WITHIN -> "";
            };
            checkRows.add(new CheckRow(p.status().name(), cls, p.series().key().label(),
                    lines.get(i).substring(lines.get(i).indexOf(p.series().key().label()) + p.series().key().label().length()).strip()));
        }
        List<GroupRow> groups = new ArrayList<>();
        for (Analysis.Group g : a.groups()) {
            HistoryRun run = runs.get(g.run());
            long worse = g.shifts().stream().filter(Analysis.Shift::worse).count();
            String summary = g.shifts().size() + " point" + (g.shifts().size() == 1 ? "" : "s") + " moved: " + worse
                    + " worse, " + (g.shifts().size() - worse) + " better";
            List<String> shifts = g.shifts().stream().map(HistoryPage::shift).toList();
            String note = g.run() > 0 ? String.join(", ", run.differencesFrom(runs.get(g.run() - 1))) : "";
            groups.add(new GroupRow(g.run() + 1, DATE.format(run.date()), run.shortCommit(), summary, shifts,
                    note.isEmpty() ? "" : "environment changed here: " + note));
        }
        List<RunRow> runRows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            HistoryRun r = runs.get(i);
            List<String> notes = new ArrayList<>();
            if (i > 0) {
                notes.addAll(r.differencesFrom(runs.get(i - 1)));
                if (!r.methodVersion().equals(runs.get(i - 1).methodVersion())) {
                    notes.add("method version " + runs.get(i - 1).methodVersion() + " -> " + r.methodVersion()
                            + ": change points are searched on each side apart");
                }
            }
            if (Boolean.TRUE.equals(r.dirty())) {
                notes.add("built from a dirty tree");
            }
            runRows.add(new RunRow(i + 1, DATE.format(r.date()), r.shortCommit(), r.methodVersion(), String.join("; ", notes)));
        }
        List<PointView> points = new ArrayList<>();
        int id = 0;
        for (Series s : a.series()) {
            points.add(point(a, s, "p" + id++));
        }
        return new View("Crossover history", DATE.format(Instant.now()), range, settingsLine, check.summary(),
                checkRows.stream().filter(c -> !c.status().equals(Check.Status.WITHIN.name())).toList(),
                checkRows.stream().filter(c -> c.status().equals(Check.Status.WITHIN.name())).toList(),
                groups, runRows, points);
    }

    private static String shift(Analysis.Shift s) {
        ChangePoints.Change c = s.change();
        return String.format(Locale.ROOT, "%s: %s -> %s %s (%+.1f%%, %s, p = %.2g)", s.series().key().label(),
                Format.number(c.meanBefore()), Format.number(c.meanAfter()), s.series().unit(), c.relative() * 100,
                s.worse() ? "worse" : "better", c.pValue());
    }

    private static PointView point(Analysis a, Series s, String id) {
        double[] x = s.runs().stream().mapToDouble(r -> r + 1).toArray();
        List<Analysis.Shift> shifts = a.shiftsOf(s);
        List<Integer> cuts = new ArrayList<>(a.eras());
        shifts.forEach(sh -> cuts.add(sh.run()));
        cuts.add(a.runs().size());
        List<Integer> sorted = cuts.stream().distinct().sorted().toList();
        List<HistoryCharts.Segment> segments = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i++) {
            double[] v = s.between(sorted.get(i), sorted.get(i + 1));
            List<Integer> at = s.runsBetween(sorted.get(i), sorted.get(i + 1));
            if (v.length > 0) {
                segments.add(new HistoryCharts.Segment(at.getFirst() + 1, at.getLast() + 1,
                        java.util.Arrays.stream(v).average().orElseThrow()));
            }
        }
        List<Double> changes = shifts.stream().map(sh -> sh.run() + 1.0).toList();
        List<Double> eras = a.eras().stream().skip(1).map(e -> e + 1.0).toList();
        String svg = HistoryCharts.series(s.key().label(), s.metric() + " (" + s.unit() + ")", x, s.values(), segments,
                changes, eras);
        List<String> text = shifts.stream().map(sh -> "run " + (sh.run() + 1) + " (" + a.runs().get(sh.run()).shortCommit()
                + "): " + shift(sh).substring(s.key().label().length() + 2)).toList();
        return new PointView(id, s.key().label(), svg, text);
    }
}
