package dev.crossover.reports.chart;

import java.util.List;

/**
 * One line of a chart: against concurrency, or against offered load.
 *
 * @param model  the model (sets the colour)
 * @param label  the legend entry (the model, plus the source when several are drawn together)
 * @param dash   0 for a solid line, 1, 2, ... for ever longer dashes (one per source; on a load chart, service time)
 * @param points the points, by ascending x
 */
public record Line(String model, String label, int dash, List<XY> points) {
    /**
     * A point with its interval.
     *
     * @param x    the concurrency, or the offered rate
     * @param y    the value
     * @param low  the interval's lower bound, NaN when unknown
     * @param high the interval's upper bound, NaN when unknown
     */
    public record XY(double x, double y, double low, double high) {
    }
}
