package dev.crossover.reports.history;

import dev.crossover.reports.html.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Judges the newest run of a history now, before a change point could confirm it: each of its
 * points against the spread of the current segment.
 *
 * <h2>Rule</h2>
 * The segment is the stretch of earlier runs after the last change point ({@link ChangePoints}
 * over the earlier runs), among the runs with the newest run's method version and environment (an
 * earlier run on another machine, core count or JDK is no yardstick). Its spread is
 * {@code [min, max]}. The newest value is {@link Status#REGRESSED} when it is worse than the worse
 * end of the spread by more than the threshold, {@link Status#IMPROVED} when better than the better
 * end by more, else {@link Status#WITHIN}. With fewer than {@value #MIN_SEGMENT} runs in the
 * segment nothing is judged ({@link Status#TOO_FEW}): one or two runs give no spread.
 *
 * @param threshold the margin beyond the spread, as a fraction
 * @param points    one verdict per point of the newest run, regressions first
 */
public record Check(double threshold, List<Point> points) {
    /** The fewest earlier runs a segment needs to be judged against. */
    public static final int MIN_SEGMENT = 3;

    public Check {
        points = List.copyOf(points);
    }

    /** What became of one point in the newest run. */
    public enum Status {
        /** Worse than the segment's spread by more than the threshold. */
        REGRESSED,
        /** Too few comparable runs since the last change point: not judged. */
        TOO_FEW,
        /** Within the spread, or outside it by no more than the threshold. */
        WITHIN,
        /** Better than the segment's spread by more than the threshold. */
        IMPROVED
    }

    /**
     * One point's verdict.
     *
     * @param series  the point's series
     * @param status  the verdict
     * @param newest  the newest run's value
     * @param low     the segment's smallest value, NaN when there is no segment
     * @param high    the segment's largest value, NaN when there is no segment
     * @param runs    the runs in the segment
     * @param since   the first run of the segment, -1 when there is none
     * @param beyond  how far beyond the worse (or better) end the value lies, as a fraction; 0 within
     */
    public record Point(Series series, Status status, double newest, double low, double high, int runs, int since,
                        double beyond) {
        public Point {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(status, "status");
        }
    }

    /** {@return the newest run of {@code history} judged against its segments} */
    public static Check of(List<HistoryRun> history, ChangePoints detector, double threshold) {
        List<Point> out = new ArrayList<>();
        if (history.isEmpty()) {
            return new Check(threshold, out);
        }
        int newest = history.size() - 1;
        HistoryRun last = history.get(newest);
        int first = newest;
        while (first > 0 && comparable(history.get(first - 1), last)) {
            first--;
        }
        for (Series s : Series.of(history)) {
            double value = s.at(newest);
            if (Double.isNaN(value)) {
                continue;
            }
            double[] before = s.between(first, newest);
            List<Integer> runs = s.runsBetween(first, newest);
            List<ChangePoints.Change> changes = detector.of(before);
            int start = changes.isEmpty() ? 0 : changes.getLast().index();
            double[] segment = java.util.Arrays.copyOfRange(before, start, before.length);
            if (segment.length < MIN_SEGMENT) {
                out.add(new Point(s, Status.TOO_FEW, value, Double.NaN, Double.NaN, segment.length,
                        segment.length == 0 ? -1 : runs.get(start), 0));
                continue;
            }
            double low = java.util.Arrays.stream(segment).min().orElseThrow();
            double high = java.util.Arrays.stream(segment).max().orElseThrow();
            double worseEnd = s.higherIsBetter() ? low : high;
            double betterEnd = s.higherIsBetter() ? high : low;
            double worse = beyond(worseEnd, value, s.higherIsBetter());
            double better = beyond(betterEnd, value, !s.higherIsBetter());
            Status status = worse > threshold ? Status.REGRESSED : better > threshold ? Status.IMPROVED : Status.WITHIN;
            out.add(new Point(s, status, value, low, high, segment.length, runs.get(start),
                    status == Status.REGRESSED ? worse : status == Status.IMPROVED ? better : 0));
        }
        out.sort(Comparator.comparing(Point::status).thenComparing(p -> -p.beyond())
                .thenComparing(p -> p.series().key()));
        return new Check(threshold, out);
    }

    /** {@return how far {@code value} lies beyond {@code end} in the bad direction for a series that is {@code higherIsBetter}, 0 when not} */
    private static double beyond(double end, double value, boolean higherIsBetter) {
        if (end == 0) {
            return 0;
        }
        double past = higherIsBetter ? (end - value) / Math.abs(end) : (value - end) / Math.abs(end);
        return Math.max(0, past);
    }

    private static boolean comparable(HistoryRun earlier, HistoryRun newest) {
        return earlier.methodVersion().equals(newest.methodVersion()) && newest.differencesFrom(earlier).isEmpty();
    }

    /** {@return how many points have {@code status}} */
    public long count(Status status) {
        return points.stream().filter(p -> p.status() == status).count();
    }

    /** {@return one line per point, then the summary} */
    public List<String> lines(List<HistoryRun> history) {
        List<String> lines = new ArrayList<>();
        for (Point p : points) {
            String base = String.format(Locale.ROOT, "%-10s %s  %s %s %s", p.status(), p.series().key().label(),
                    p.series().metric(), Format.number(p.newest()), p.series().unit());
            lines.add(switch (p.status()) {
                case TOO_FEW -> base + "  (" + p.runs() + " comparable run" + (p.runs() == 1 ? "" : "s")
                        + " since the last change point; " + MIN_SEGMENT + " needed)";
                default -> base + String.format(Locale.ROOT, "  against %s to %s over %d runs since %s%s",
                        Format.number(p.low()), Format.number(p.high()), p.runs(), history.get(p.since()).shortCommit(),
                        p.beyond() > 0 ? String.format(Locale.ROOT, "  (%.1f%% beyond)", p.beyond() * 100) : "");
            });
        }
        lines.add(summary());
        return lines;
    }

    /** {@return {@code "1 regressed, 0 improved, 40 within, 2 too few runs"}} */
    public String summary() {
        return count(Status.REGRESSED) + " regressed, " + count(Status.IMPROVED) + " improved, " + count(Status.WITHIN)
                + " within, " + count(Status.TOO_FEW) + " too few runs (threshold "
                + Format.number(threshold * 100) + "%)";
    }
}
