package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.Metric;
import java.util.List;
import java.util.Map;

/**
 * One cell of the winner map: every model measured at one point, the fastest, and the models
 * whose 99.9% intervals overlap the fastest one's (a tie: the data cannot tell them apart).
 *
 * @param key      the point all models share
 * @param winner   the model with the highest throughput
 * @param tied     models whose interval overlaps the winner's, fastest first (empty when the win is clear)
 * @param margin   winner's throughput over the runner-up's (1 when alone, NaN when the runner-up is 0)
 * @param measured every model's throughput at this point, fastest first
 */
public record Cell(Key key, String winner, List<String> tied, double margin, Map<String, Metric> measured) {
    /** {@return true if another model's interval overlaps the winner's} */
    public boolean isTie() {
        return !tied.isEmpty();
    }

    /**
     * What the models in a cell share.
     *
     * @param slice       the fixed params
     * @param concurrency C
     */
    public record Key(Point.Slice slice, int concurrency) {
    }
}
