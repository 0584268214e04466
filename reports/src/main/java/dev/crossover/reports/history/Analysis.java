package dev.crossover.reports.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The change points of every point's series over a history, and which points moved together.
 *
 * <p>A history is cut into <em>eras</em> where the method version changes: a change in how a
 * number is measured is never a change point. Each series is searched era by era with
 * {@link ChangePoints}; change points of different series at the same run form one {@link Group}.
 *
 * @param runs    the history, oldest first
 * @param series  every point's series
 * @param eras    the first run of each era (0 first), ascending
 * @param shifts  every change point found, by series then run
 * @param groups  the change points by run, oldest first
 */
public record Analysis(List<HistoryRun> runs, List<Series> series, List<Integer> eras, List<Shift> shifts,
                       List<Group> groups) {
    public Analysis {
        runs = List.copyOf(runs);
        series = List.copyOf(series);
        eras = List.copyOf(eras);
        shifts = List.copyOf(shifts);
        groups = List.copyOf(groups);
    }

    /**
     * One series' change point.
     *
     * @param series the series
     * @param run    the index of the first run of the new level
     * @param change the level before and after, and the t-test's p-value
     */
    public record Shift(Series series, int run, ChangePoints.Change change) {
        public Shift {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(change, "change");
        }

        /** {@return true if the new level is worse, by the series' direction} */
        public boolean worse() {
            return series.higherIsBetter() ? change.meanAfter() < change.meanBefore() : change.meanAfter() > change.meanBefore();
        }
    }

    /**
     * The points that changed at one run.
     *
     * @param run    the index of the run
     * @param shifts the change points there: the worse first, then the strongest (smallest p-value) first
     */
    public record Group(int run, List<Shift> shifts) {
        public Group {
            shifts = List.copyOf(shifts);
        }
    }

    /** {@return the change points of {@code runs} found by {@code detector}} */
    public static Analysis of(List<HistoryRun> runs, ChangePoints detector) {
        List<Series> all = Series.of(runs);
        List<Integer> eras = eras(runs);
        List<Shift> shifts = new ArrayList<>();
        for (Series s : all) {
            for (int e = 0; e < eras.size(); e++) {
                int from = eras.get(e);
                int to = e + 1 < eras.size() ? eras.get(e + 1) : runs.size();
                List<Integer> at = s.runsBetween(from, to);
                for (ChangePoints.Change c : detector.of(s.between(from, to))) {
                    shifts.add(new Shift(s, at.get(c.index()), c));
                }
            }
        }
        Map<Integer, List<Shift>> byRun = new TreeMap<>();
        shifts.forEach(s -> byRun.computeIfAbsent(s.run(), r -> new ArrayList<>()).add(s));
        List<Group> groups = new ArrayList<>();
        byRun.forEach((run, list) -> {
            List<Shift> sorted = new ArrayList<>(list);
            sorted.sort(java.util.Comparator.comparing((Shift s) -> !s.worse())
                    .thenComparing(s -> s.change().pValue()).thenComparing(s -> s.series().key()));
            groups.add(new Group(run, sorted));
        });
        return new Analysis(runs, all, eras, shifts, groups);
    }

    /** {@return the first run of each stretch of runs with one method version} */
    static List<Integer> eras(List<HistoryRun> runs) {
        List<Integer> eras = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (i == 0 || !runs.get(i).methodVersion().equals(runs.get(i - 1).methodVersion())) {
                eras.add(i);
            }
        }
        return eras;
    }

    /** {@return the shifts of one series, oldest first} */
    public List<Shift> shiftsOf(Series s) {
        return shifts.stream().filter(x -> x.series().equals(s)).toList();
    }
}
