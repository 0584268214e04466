package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.Metric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of the winner map: every model measured at one point, the fastest, and what the 99.9%
 * intervals allow one to say about its lead.
 *
 * @param key      the point all models share
 * @param winner   the model with the highest finite throughput among those not dispatch-bound, or null when none
 * @param outcome  how far the data decides the cell
 * @param tied     models the data cannot tell from the winner (intervals overlap or unknown), fastest first
 * @param margin   winner's throughput over the runner-up's (1 when alone, NaN when unknown)
 * @param measured every model compared at this point (a finite throughput, not dispatch-bound), fastest first
 * @param notes    per model, what else is known: "no result" (a NaN or infinite score), "did not reach C: ...",
 *                 "dispatch-bound: ..., left out", "excluded (...)", "failed: ..."; in model order
 */
public record Cell(Key key, String winner, Outcome outcome, List<String> tied, double margin,
                   Map<String, Metric> measured, Map<String, String> notes) {
    public Cell {
        tied = List.copyOf(tied);
        measured = Collections.unmodifiableMap(new LinkedHashMap<>(measured));
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** {@return true if the data cannot name a clear winner (a tie, inconclusive, or no result)} */
    public boolean isTie() {
        return outcome != Outcome.CLEAR;
    }

    /** How far the data decides a cell. */
    public enum Outcome {
        /** The winner's interval is clear of every other model's. */
        CLEAR("clear"),
        /** Another model's interval overlaps the winner's. */
        TIE("tie"),
        /** The winner or a model near it has no interval (one iteration, a NaN error): undecidable. */
        NO_INTERVAL("inconclusive (no interval)"),
        /** The intervals overlap and one is wider than its score: the measurement says too little for a tie. */
        WIDE("inconclusive (interval wider than the score)"),
        /** No model has a finite score here. */
        NO_RESULT("no result"),
        /** Every model with a score is dispatch-bound here, so none is compared. */
        DISPATCH_BOUND("dispatch-bound for every model");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        /** {@return the outcome in words} */
        public String words() {
            return words;
        }
    }

    /**
     * What the models in a cell share.
     *
     * @param slice       the fixed params
     * @param concurrency C
     */
    public record Key(Point.Slice slice, int concurrency) {
    }

    /**
     * A model without a result at a cell, from the run's failures.
     *
     * @param key   the cell
     * @param model the model
     * @param words what happened, such as "excluded (rejects fan-out)"
     */
    public record Missing(Key key, String model, String words) {
    }
}
