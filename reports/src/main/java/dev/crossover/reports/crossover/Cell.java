package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.Metric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of the winner map: every model measured at one point, the best, and what the margin
 * rule ({@link Decision}) says of its lead over each other model.
 *
 * @param key      the point all models share
 * @param winner   the model with the highest mean throughput over its forks among those not
 *                 dispatch-bound (the leader), or null when none
 * @param outcome  how far the data decides the cell
 * @param tied     for {@link Outcome#EQUIVALENT}, the models equivalent to the leader; for
 *                 {@link Outcome#INCONCLUSIVE}, the models it could not be told from; fastest first
 * @param margin   the leader's throughput over the runner-up's (1 when alone, NaN when unknown)
 * @param measured every model compared at this point (a finite throughput, not dispatch-bound), fastest first
 * @param notes    per model, what else is known: "no result" (a NaN or infinite score), "did not reach C: ...",
 *                 "dispatch-bound: ..., left out", "excluded (...)", "failed: ..."; in model order
 * @param open     for {@link Outcome#INCONCLUSIVE}, the leader against each model it could not be told from,
 *                 as {@code tied} orders them; else none
 */
public record Cell(Key key, String winner, Outcome outcome, List<String> tied, double margin,
                   Map<String, Metric> measured, Map<String, String> notes, List<Open> open) {
    /** The most forks a side {@link Open#forksToDecide} looks for: beyond it a comparison is out of reach. */
    public static final int REACH = 50;

    public Cell {
        tied = List.copyOf(tied);
        open = List.copyOf(open);
        measured = Collections.unmodifiableMap(new LinkedHashMap<>(measured));
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** {@return true if the cell has no one clear winner (shared, inconclusive, alone, or no result)} */
    public boolean isTie() {
        return outcome != Outcome.CLEAR;
    }

    /** {@return true if the data decided the cell: a clear winner or models shown equivalent} */
    public boolean decided() {
        return outcome == Outcome.CLEAR || outcome == Outcome.EQUIVALENT;
    }

    /**
     * {@return the forks a side that would decide the cell if its ratios and spreads stayed as measured}:
     * the most its open comparisons need; 0 when decided or nothing is open; -1 when one of them needs
     * more than {@link #REACH} (or has no spread to go by)
     */
    public int forksToDecide() {
        int most = 0;
        for (Open o : open) {
            if (o.forksToDecide() < 0) {
                return -1;
            }
            most = Math.max(most, o.forksToDecide());
        }
        return most;
    }

    /**
     * The leader against a model it could not be told from.
     *
     * @param model         the other model
     * @param decision      the leader's throughput over the model's, undecided
     * @param forksToDecide the forks a side at which this ratio and these spreads would decide
     *                      ({@link Decision#forksToDecide}), -1 when more than {@link #REACH}
     */
    public record Open(String model, Decision decision, int forksToDecide) {
    }

    /** {@return the models that share the cell: the winner alone when clear, it and its equivalents when shared; else none} */
    public List<String> holders() {
        return switch (outcome) {
            case CLEAR -> List.of(winner);
            case EQUIVALENT -> java.util.stream.Stream.concat(java.util.stream.Stream.of(winner), tied.stream()).toList();
            default -> List.of();
        };
    }

    /** How far the data decides a cell. */
    public enum Outcome {
        /** The leader beats every other model by more than the margin. */
        CLEAR("clear"),
        /** The leader and the models named are within the margin of each other (the equivalence test), the rest beaten: they share the cell. */
        EQUIVALENT("equivalent"),
        /** Neither: a model's interval straddles the margin (or is unknown: fewer than 2 forks). */
        INCONCLUSIVE("inconclusive"),
        /** One model only: nothing to compare. */
        ALONE("one model only"),
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
