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

/** The rounds' order: every point once per round, each round its own shuffle of the run's seed. */
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
    void refusesToMergeNothing() {
        assertThrows(IllegalArgumentException.class, () -> ForkMerge.merge(List.of()));
    }
}
