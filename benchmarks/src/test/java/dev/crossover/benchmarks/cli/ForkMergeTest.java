package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossover.benchmarks.Profile.Point;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rounds' order: every point once per round, each round its own shuffle of the run's seed; extra forks cheapest first. */
class ForkMergeTest {
    private static final List<Point> POINTS = List.of(
            new Point("b.run", Map.of("model", "a")), new Point("b.run", Map.of("model", "b")),
            new Point("b.run", Map.of("model", "c")), new Point("b.run", Map.of("model", "d")),
            new Point("b.run", Map.of("model", "e")), new Point("b.run", Map.of("model", "f")));

    @Test
    void everyRoundRunsEveryPointOnceInItsOwnOrder() {
        List<Sweep.Run> order = Sweep.order(POINTS, 3, 42);
        assertEquals(18, order.size());
        Set<List<Point>> orders = new HashSet<>();
        for (int r = 0; r < 3; r++) {
            List<Point> round = order.subList(r * 6, r * 6 + 6).stream().map(Sweep.Run::point).toList();
            int fixed = r;
            assertEquals(Set.copyOf(POINTS), Set.copyOf(round), "round " + r);
            assertEquals(6, order.subList(r * 6, r * 6 + 6).stream().filter(x -> x.round() == fixed).count());
            orders.add(round);
        }
        assertEquals(3, orders.size(), "three different orders");
    }

    @Test
    void theOrderIsTheSeedsAlone() {
        assertEquals(Sweep.order(POINTS, 3, 42), Sweep.order(POINTS, 3, 42));
        assertNotEquals(Sweep.order(POINTS, 3, 42), Sweep.order(POINTS, 3, 43));
    }

    @Test
    void extraForksGoToTheCheapestPointsFirstWithinWhatIsLeft() {
        // an http fork costs about three cpu forks: a budget too small for every open point decides the most cells
        Map<String, Double> seconds = Map.of("a", 4.6, "b", 1.3, "c", 2.2, "d", 1.3, "e", 3.5, "f", 0.0);
        java.util.function.ToDoubleFunction<Point> cost = p -> seconds.get(p.params().get("model"));
        List<Sweep.Run> shuffled = Sweep.order(POINTS, 1, 7);

        List<Sweep.Run> sorted = Sweep.cheapestFirst(shuffled, cost);

        assertEquals(List.of(0.0, 1.3, 1.3, 2.2, 3.5, 4.6), sorted.stream().map(r -> cost.applyAsDouble(r.point())).toList());
        List<String> ties = shuffled.stream().map(r -> r.point().params().get("model")).filter(m -> m.equals("b") || m.equals("d")).toList();
        assertEquals(ties, sorted.subList(1, 3).stream().map(r -> r.point().params().get("model")).toList(),
                "equal costs keep the seed's order");
        assertEquals(4, Sweep.fits(sorted, cost, 4.85), "0 + 1.3 + 1.3 + 2.2 = 4.8 fits, 3.5 more does not");
        assertEquals(3, Sweep.fits(sorted, cost, 4.75));
        assertEquals(0, Sweep.fits(Sweep.cheapestFirst(List.of(new Sweep.Run(POINTS.get(0), 0)), cost), cost, 4.5));
        assertEquals(6, Sweep.fits(sorted, cost, 100));
    }

    @Test
    void aCellCostsTheForksItsPointsStillLackTimesTheirForkTimes() {
        // cell 1 (C = 10): two sleep points lacking 3 forks at 1.3 s; cell 2 (C = 100): one http point lacking 1 at 4.6 s
        // and one whose estimate is met already (still open: one fork); cheaper to decide cell 2 (4.6 + 1.3) than cell 1 (7.8)
        Point a = new Point("S.run", Map.of("model", "a", "concurrency", "10"));
        Point b = new Point("S.run", Map.of("model", "b", "concurrency", "10"));
        Point c = new Point("S.run", Map.of("model", "a", "concurrency", "100"));
        Point d = new Point("S.run", Map.of("model", "b", "concurrency", "100"));
        Map<Point, Integer> lacking = Map.of(a, 3, b, 3, c, 1, d, -2);
        Map<Point, Double> seconds = Map.of(a, 1.3, b, 1.3, c, 4.6, d, 1.3);
        Map<String, Double> cost = Sweep.cellCosts(List.of(a, b, c, d), lacking::get, seconds::get);
        assertEquals(2, cost.size());
        assertEquals(7.8, cost.get(Sweep.cellOf(a)), 1e-9);
        assertEquals(5.9, cost.get(Sweep.cellOf(c)), 1e-9);
        assertEquals(Sweep.cellOf(a), Sweep.cellOf(b), "the model is not part of the cell");
        assertNotEquals(Sweep.cellOf(a), Sweep.cellOf(c));
        List<Sweep.Run> order = Sweep.cheapestFirst(Sweep.order(List.of(a, b, c, d), 1, 3), p -> cost.get(Sweep.cellOf(p)));
        assertEquals(List.of("100", "100", "10", "10"), order.stream().map(r -> r.point().params().get("concurrency")).toList(),
                "a cell's points together, the cheaper cell first");
    }

    @Test
    void refusesToMergeNothing() {
        assertThrows(IllegalArgumentException.class, () -> ForkMerge.merge(List.of()));
    }
}
