package dev.crossover.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossover.reports.crossover.Cell;
import dev.crossover.reports.crossover.Decision;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the trust line says the undecided cells would take: each cell's most forks a side, those beyond reach counted. */
class UndecidedReachTest {
    private static final Decision OPEN = new Decision(Decision.Outcome.INCONCLUSIVE, 1.04, 1.01, 1.07, 0.05);

    private static Cell cell(Cell.Outcome outcome, int... forks) {
        List<Cell.Open> open = java.util.Arrays.stream(forks).mapToObj(n -> new Cell.Open("m" + n, OPEN, n)).toList();
        return new Cell(new Cell.Key(new dev.crossover.reports.crossover.Point.Slice("run", "sleep", 1, 0, new TreeMap<>()), 1),
                "a", outcome, open.stream().map(Cell.Open::model).toList(), 1.04, Map.of(), Map.of(), open);
    }

    @Test
    void eachUndecidedCellCountsItsMostForksAndOneOutOfReachPutsTheCellOutOfReach() {
        List<Cell> cells = List.of(cell(Cell.Outcome.INCONCLUSIVE, 6, 14), cell(Cell.Outcome.INCONCLUSIVE, 8),
                cell(Cell.Outcome.INCONCLUSIVE, 9, -1), cell(Cell.Outcome.INCONCLUSIVE, -1), cell(Cell.Outcome.CLEAR));
        assertEquals("forks a side that would decide the 4 undecided cells at their measured ratios and spreads: 8, 14, "
                + "more than 50 (2 cells)", CrossoverSection.undecidedReach(cells));
    }

    @Test
    void oneUndecidedCellIsNamedInTheSingularAndNoneSaysNothing() {
        assertEquals("forks a side that would decide the undecided cell at its measured ratios and spreads: more than 50",
                CrossoverSection.undecidedReach(List.of(cell(Cell.Outcome.INCONCLUSIVE, -1))));
        assertEquals("", CrossoverSection.undecidedReach(List.of(cell(Cell.Outcome.CLEAR), cell(Cell.Outcome.EQUIVALENT))));
    }
}
