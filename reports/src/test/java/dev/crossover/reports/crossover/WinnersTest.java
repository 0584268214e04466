package dev.crossover.reports.crossover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Winner-map cells by the margin rule, on constructed fork means (0.5% apart unless said otherwise):
 * clear, shared, inconclusive, alone, no result, dispatch-bound, and the crossovers between cells.
 */
@Timeout(10)
class WinnersTest {
    static Point p(String model, int c, double mean) {
        return ClaimsTest.p("sleep", model, c, 50, 0, mean);
    }

    static Point p(String model, int c, double mean, double spread) {
        return ClaimsTest.p("sleep", model, c, 50, 0, mean, spread);
    }

    static Cell cell(Point... points) {
        List<Cell> cells = Winners.cells(List.of(points));
        assertEquals(1, cells.size());
        return cells.get(0);
    }

    @Test
    void clearWhenTheLeaderBeatsEveryOtherModelByTheMargin() {
        Cell c = cell(p("a", 10, 100), p("b", 10, 90), p("c", 10, 50));
        assertEquals(Cell.Outcome.CLEAR, c.outcome());
        assertEquals("a", c.winner());
        assertEquals(List.of(), c.tied());
        assertEquals(List.of("a"), c.holders());
        assertEquals(100 / 90.0, c.margin(), 1e-9, "over the runner-up, by mean of fork means");
        assertEquals(List.of("a", "b", "c"), List.copyOf(c.measured().keySet()), "fastest first");
        assertTrue(c.decided());
        assertFalse(c.isTie());
    }

    @Test
    void sharedWhenModelsAreEquivalentToTheLeaderAndTheRestBeaten() {
        Cell c = cell(p("c", 10, 50), p("b", 10, 99.5), p("a", 10, 100), p("d", 10, 98.5));
        assertEquals(Cell.Outcome.EQUIVALENT, c.outcome());
        assertEquals("a", c.winner(), "the leader is named first");
        assertEquals(List.of("b", "d"), c.tied(), "the equivalent models, fastest first");
        assertEquals(List.of("a", "b", "d"), c.holders());
        assertTrue(c.decided());
        assertTrue(c.isTie(), "no one clear winner");
        assertEquals("equivalent", c.outcome().words());
    }

    @Test
    void inconclusiveWhenAnyModelCannotBeToldFromTheLeader() {
        // b equivalent, c 5.3% behind: more than the margin? not shown, so the whole cell is open
        Cell c = cell(p("a", 10, 100), p("b", 10, 99.5), p("c", 10, 95, 0.02));
        assertEquals(Cell.Outcome.INCONCLUSIVE, c.outcome());
        assertEquals("a", c.winner());
        assertEquals(List.of("c"), c.tied(), "the models it could not be told from, not the equivalent ones");
        assertEquals(List.of(), c.holders(), "an inconclusive cell belongs to no one");
        assertFalse(c.decided());

        Cell small = cell(p("a", 10, 103, 0.001), p("b", 10, 100, 0.001));
        assertEquals(Cell.Outcome.EQUIVALENT, small.outcome(), "3% ahead with narrow intervals is no win");

        Cell straddle = cell(p("a", 10, 106, 0.02), p("b", 10, 100, 0.02));
        assertEquals(Cell.Outcome.INCONCLUSIVE, straddle.outcome(), "6% ahead, the interval reaches below 1.05");
    }

    @Test
    void anInconclusiveCellSaysWhatEachOpenComparisonWouldTake() {
        // c 3% behind with a 2.5% spread: open at 3 forks a side, decided at some count within reach;
        // d 5.3% behind: about as far as the margin, so beyond reach however its forks spread
        Point a = p("a", 10, 100, 0.025);
        Point third = p("c", 10, 97, 0.025);
        Cell c = cell(a, p("b", 10, 99.5), third, p("d", 10, 100 / 1.0526, 0.01));
        assertEquals(Cell.Outcome.INCONCLUSIVE, c.outcome());
        assertEquals(List.of("c", "d"), c.open().stream().map(Cell.Open::model).toList(), "as tied orders them");
        Cell.Open open = c.open().get(0);
        assertEquals(Decision.Outcome.INCONCLUSIVE, open.decision().outcome());
        assertEquals(Decision.of(a.forkRates(), third.forkRates(), 0.05), open.decision());
        assertEquals(Decision.forksToDecide(a.forkRates(), third.forkRates(), 0.05, Cell.REACH), open.forksToDecide());
        assertTrue(open.forksToDecide() > 3 && open.forksToDecide() <= Cell.REACH, "" + open.forksToDecide());
        assertEquals(-1, c.open().get(1).forksToDecide(), c.open().get(1).decision().words());
        assertEquals(-1, c.forksToDecide(), "one comparison out of reach puts the cell out of reach");

        Cell near = cell(p("a", 10, 100, 0.025), p("c", 10, 97, 0.025));
        assertEquals(near.open().get(0).forksToDecide(), near.forksToDecide());
        Cell decided = cell(p("a", 10, 100), p("b", 10, 50));
        assertEquals(List.of(), decided.open());
        assertEquals(0, decided.forksToDecide());
    }

    @Test
    void oneForkDecidesNothing() {
        Cell c = cell(TestPoints.point("sleep", "a", 10, 50, 0, 200.0), TestPoints.point("sleep", "b", 10, 50, 0, 100.0));
        assertEquals(Cell.Outcome.INCONCLUSIVE, c.outcome(), "twice as fast, but from one fork each");
        assertEquals(List.of("b"), c.tied());
    }

    @Test
    void aloneNoResultAndDispatchBoundDecideNothing() {
        Cell alone = cell(p("a", 10, 100));
        assertEquals(Cell.Outcome.ALONE, alone.outcome());
        assertEquals("a", alone.winner());
        assertEquals(1.0, alone.margin());
        assertFalse(alone.decided());
        assertEquals(List.of(), alone.holders());

        Cell none = cell(TestPoints.point("sleep", "a", 10, 50, 0, Double.NaN, Double.NaN, Double.NaN));
        assertEquals(Cell.Outcome.NO_RESULT, none.outcome());
        assertNull(none.winner());
        assertEquals(Map.of("a", "no result"), none.notes());

        // sleep 10 ms at C = 10,000: ideal 1,000,000 tasks/s, above half of a 1,000,000 ceiling
        Cell bound = cell(ClaimsTest.p("sleep", "a", 10_000, 10, 0, 900_000).withCeiling(1e6),
                ClaimsTest.p("sleep", "b", 10_000, 10, 0, 800_000).withCeiling(1e6));
        assertEquals(Cell.Outcome.DISPATCH_BOUND, bound.outcome());
        assertFalse(bound.decided());
    }

    @Test
    void theMarginIsTheRunsMargin() {
        List<Point> eight = List.of(p("a", 10, 108, 0.002), p("b", 10, 100, 0.002));
        assertEquals(Cell.Outcome.CLEAR, Winners.cells(eight, List.of(), 0.05).get(0).outcome());
        assertEquals(Cell.Outcome.EQUIVALENT, Winners.cells(eight, List.of(), 0.10).get(0).outcome());
    }

    @Test
    void missingModelsAreNotedInTheirCell() {
        Point a = p("a", 10, 100);
        Cell.Missing excluded = new Cell.Missing(a.cellKey(), "b", "excluded (rejects fan-out)");
        Cell c = Winners.cells(List.of(a), List.of(excluded)).get(0);
        assertEquals(Map.of("b", "excluded (rejects fan-out)"), c.notes());
        assertEquals(Cell.Outcome.ALONE, c.outcome());
    }

    /** A cell for each C of one slice: at each C the models and their means. */
    static List<Cell> row(Object... cAndModels) {
        List<Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < cAndModels.length; i += 2) {
            int c = (Integer) cAndModels[i];
            @SuppressWarnings("unchecked")
            Map<String, Double> models = (Map<String, Double>) cAndModels[i + 1];
            new java.util.TreeMap<>(models).forEach((m, mean) -> points.add(p(m, c, mean)));
        }
        return Winners.cells(points);
    }

    @Test
    void aCrossoverIsABracketBetweenNeighboursBothClearWithDifferentWinners() {
        List<Cell> cells = row(10, Map.of("a", 150.0, "b", 100.0), 100, Map.of("a", 150.0, "b", 200.0),
                1000, Map.of("a", 150.0, "b", 900.0));
        List<Crossovers.Crossover> flips = Crossovers.find(cells);
        assertEquals(1, flips.size(), flips.toString());
        Crossovers.Crossover x = flips.get(0);
        assertEquals(List.of("a"), x.before());
        assertEquals(List.of("b"), x.after());
        assertEquals(10, x.fromC());
        assertEquals(100, x.toC());
        assertEquals("between C = 10 and C = 100 the lead passes from a to b", x.sentence());
        assertEquals(32, x.midpoint(), "the geometric midpoint, where a refinement measures next");
        assertEquals(cells.get(0).key().slice(), x.slice());
    }

    @Test
    void noCrossoverWhereANeighbourIsUndecided() {
        // C = 100: b 5% ahead of a with noisy forks: inconclusive, so neither bracket 10-100 nor 100-1000 is a crossover
        List<Point> points = List.of(p("a", 10, 150), p("b", 10, 100), p("a", 100, 100, 0.02), p("b", 100, 105, 0.02),
                p("a", 1000, 150), p("b", 1000, 900));
        List<Cell> cells = Winners.cells(points);
        assertEquals(Cell.Outcome.INCONCLUSIVE, cells.get(1).outcome());
        assertEquals(List.of(), Crossovers.find(cells), "a to b across an undecided cell: no bracket is stated");
    }

    @Test
    void sharedCellsMakeACrossoverOnlyWhenNoModelHoldsBoth() {
        // a clear, then a = b shared: a still holds it, no change of the lead
        assertEquals(List.of(), Crossovers.find(row(10, Map.of("a", 150.0, "b", 100.0), 100, Map.of("a", 200.0, "b", 199.0))));
        // a clear, then b = c shared: the lead passes from a to b and c
        List<Crossovers.Crossover> flips = Crossovers.find(row(10, Map.of("a", 150.0, "b", 100.0, "c", 100.0),
                100, Map.of("a", 100.0, "b", 200.0, "c", 199.0)));
        assertEquals(1, flips.size());
        assertEquals(List.of("b", "c"), flips.get(0).after());
        assertEquals("between C = 10 and C = 100 the lead passes from a to b = c (equivalent)", flips.get(0).sentence());
    }

    @Test
    void noCrossoverWithoutAFlipOrAcrossSlices() {
        assertEquals(List.of(), Crossovers.find(row(1, Map.of("a", 10.0, "b", 5.0), 10, Map.of("a", 100.0, "b", 50.0),
                100, Map.of("a", 1000.0, "b", 500.0))));
        // a wins at C = 10 of one wait, b at C = 100 of another: two slices, each of one cell
        List<Cell> cells = Winners.cells(List.of(ClaimsTest.p("sleep", "a", 10, 50, 0, 150), ClaimsTest.p("sleep", "b", 10, 50, 0, 100),
                ClaimsTest.p("sleep", "a", 100, 10, 0, 100), ClaimsTest.p("sleep", "b", 100, 10, 0, 200)));
        assertEquals(List.of(), Crossovers.find(cells));
    }

    @Test
    void roundKeepsTwoSignificantDigits() {
        assertEquals("38", Crossovers.round(38.46));
        assertEquals("1200", Crossovers.round(1234));
        assertEquals("2.5", Crossovers.round(2.46));
        assertEquals("NaN", Crossovers.round(Double.NaN));
    }
}
