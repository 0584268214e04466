package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.benchmarks.Profile.Point;
import dev.crossover.core.Models;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProfileTest {
    private static final Set<String> BENCHMARKS = Set.of(SleepBenchmark.class.getName() + ".run",
            CpuBenchmark.class.getName() + ".run", MixedBenchmark.class.getName() + ".run",
            FanoutBenchmark.class.getName() + ".run", NullBenchmark.class.getName() + ".run",
            OpenLoopBenchmark.class.getName() + ".run");
    /** As many models as design.md names: the budget must hold for all of them. */
    private static final List<String> NINE = IntStream.range(0, 9).mapToObj(i -> "m" + i).toList();

    @Test
    void smokeRunsEveryModelOnEveryWorkload() {
        List<String> models = Models.ids();
        assertFalse(models.isEmpty(), "models on the class path");
        List<Point> points = Profile.SMOKE.points(models, p -> true, m -> true);
        for (String benchmark : BENCHMARKS) {
            Set<String> seen = points.stream().filter(p -> p.benchmark().equals(benchmark))
                    .map(p -> p.params().get("model")).collect(Collectors.toSet());
            assertEquals(Set.copyOf(models), seen, benchmark);
        }
    }

    @Test
    void leavesOutFanoutPointsOfModelsThatRejectFanout() {
        List<Point> points = Profile.SMOKE.points(List.of("a", "b"), p -> true, m -> m.equals("a"));
        assertTrue(points.stream().anyMatch(p -> p.benchmark().contains("Fanout") && p.params().get("model").equals("a")));
        assertFalse(points.stream().anyMatch(p -> p.benchmark().contains("Fanout") && p.params().get("model").equals("b")));
        assertTrue(points.stream().anyMatch(p -> p.benchmark().contains("Sleep") && p.params().get("model").equals("b")));
    }

    @Test
    void everyPointCarriesTheFourParamsAndFanoutOnlyOnFanout() {
        for (Profile profile : Profile.values()) {
            for (Point p : profile.points(List.of("m"), x -> true, m -> true)) {
                assertTrue(p.params().keySet().containsAll(Set.of("model", "concurrency", "ioMillis", "cpuMicros")), p.id());
                assertEquals(p.benchmark().contains("Fanout"), p.params().containsKey("fanout"), p.id());
            }
        }
    }

    @Test
    void quickSpansConcurrencyOneToTenThousandAndCpuShareNoneToDominant() {
        List<Point> mixed = Profile.QUICK.points(List.of("m"), p -> p.benchmark().contains("Mixed"), m -> true);
        Set<Integer> concurrency = mixed.stream().map(p -> Integer.parseInt(p.params().get("concurrency")))
                .collect(Collectors.toSet());
        assertTrue(concurrency.containsAll(Set.of(1, 10_000)), concurrency.toString());
        Set<Double> shares = mixed.stream().map(ProfileTest::cpuShare).collect(Collectors.toSet());
        assertTrue(shares.contains(0.0), shares.toString());
        assertTrue(shares.stream().anyMatch(s -> s > 0.5), shares.toString());
    }

    @Test
    void smokeAndQuickFitTheirBudgetsWithNineModels() {
        // quick: the README's main command is under 15 minutes here, its build and tests included
        for (Profile profile : List.of(Profile.SMOKE, Profile.QUICK)) {
            List<Point> points = profile.points(NINE, p -> true, m -> true);
            Duration estimate = profile.estimate(points.size(), Profile.Plan.capacities(points));
            // quick: 11 minutes, plus the shared grid's 27 points (issue 16: 3 K values x 9 models, about 92 s)
            Duration budget = profile == Profile.SMOKE ? Duration.ofMinutes(3) : Duration.ofMinutes(11).plusSeconds(95);
            assertTrue(estimate.compareTo(budget) <= 0, profile + ": " + estimate + " for " + points.size()
                    + " points (expected: at most " + budget + ")");
        }
    }

    @Test
    void openLoopPointsOfferSharesOfACapacityStillToMeasure() {
        List<Point> open = Profile.QUICK.points(List.of("m"), p -> p.benchmark().contains("OpenLoop"), m -> true);
        assertEquals(Set.of("10", "50", "90"), open.stream().map(p -> p.params().get("load")).collect(Collectors.toSet()));
        assertTrue(open.stream().allMatch(p -> p.params().get("rate").equals(Profile.OpenGrid.RATE_TO_MEASURE)), open.toString());
        assertEquals(1, Profile.Plan.capacities(open), "one capacity per model and open-loop grid point");
        assertEquals(2, Profile.Plan.capacities(Profile.QUICK.points(List.of("a", "b"),
                p -> p.benchmark().contains("OpenLoop"), m -> true)));
    }

    @Test
    void everyProfileMeasuresTheDispatchCeilings() {
        for (Profile profile : Profile.values()) {
            assertTrue(profile.points(List.of("m"), p -> true, m -> true).stream()
                    .anyMatch(p -> p.benchmark().equals(NullBenchmark.class.getName() + ".run")), profile.toString());
        }
    }

    @Test
    void leavesOutPointsWhereOneWaveTakesLongerThanTheCapEvenAtTheIdealRate() {
        Profile.Plan plan = Profile.QUICK.plan(List.of("m"), p -> p.benchmark().contains("Mixed"), m -> Optional.empty(), 2);
        Set<String> left = plan.excluded().stream()
                .map(e -> e.point().params().get("concurrency") + "/" + e.point().params().get("cpuMicros"))
                .collect(Collectors.toSet());
        // on 2 cores one wave takes C * cpu / 2: 10,000 x 1 ms = 5 s, 10,000 x 20 ms = 100 s, 100 x 20 ms = 1 s,
        // all above two 300 ms iterations; 100 x 1 ms = 50 ms and every wait-only wave (10 ms) stay
        assertEquals(Set.of("10000/1000", "10000/20000", "100/20000"), left);
        assertEquals(9, plan.points().size());  // 4 concurrencies x 3 CPU amounts, less the 3
        assertTrue(plan.excluded().get(0).reason().contains("even at the ideal rate on 2 cores"), plan.excluded().get(0).reason());
        Profile.Plan many = Profile.QUICK.plan(List.of("m"), p -> p.benchmark().contains("Mixed"), m -> Optional.empty(), 64);
        assertEquals(Set.of("10000/20000"), many.excluded().stream()
                .map(e -> e.point().params().get("concurrency") + "/" + e.point().params().get("cpuMicros"))
                .collect(Collectors.toSet()), "more cores keep more points");
    }

    @Test
    void leavesOutAModelsPointsThatItsOwnParallelismWouldTakeTooLongToDrain() {
        Profile.Plan plan = Profile.QUICK.plan(List.of("wide", "two"), p -> p.benchmark().contains("Sleep"),
                m -> Optional.empty(), 2, m -> m.equals("two") ? 2 : Integer.MAX_VALUE, m -> Integer.MAX_VALUE);
        Set<String> left = plan.excluded().stream()
                .map(e -> e.point().params().get("model") + "/" + e.point().params().get("concurrency"))
                .collect(Collectors.toSet());
        // 2 tasks at a time of 10 ms: 100 in flight drain in 0.5 s (kept, under two 300 ms iterations),
        // 10,000 in 50 s (left out); the model without a limit keeps every point
        assertEquals(Set.of("two/10000"), left);
        assertTrue(plan.excluded().get(0).reason().startsWith("two runs at most 2 tasks at once: its 10000 tasks in "
                + "flight take 50.00 s to drain"), plan.excluded().get(0).reason());
    }

    @Test
    void leavesOutPointsAboveAModelsSweepConcurrency() {
        Profile.Plan plan = Profile.QUICK.plan(List.of("few", "any"), p -> p.benchmark().contains("Sleep"),
                m -> Optional.empty(), 2, m -> Integer.MAX_VALUE, m -> m.equals("few") ? 1_000 : Integer.MAX_VALUE);
        assertEquals(Set.of("few/10000"), plan.excluded().stream()
                .map(e -> e.point().params().get("model") + "/" + e.point().params().get("concurrency"))
                .collect(Collectors.toSet()));
        assertTrue(plan.excluded().get(0).reason().startsWith("few is given at most 1000 tasks in flight per point"),
                plan.excluded().get(0).reason());
    }

    @Test
    void drainAtAModelsOwnLimitIsConcurrencyOverItsRate() {
        Map<String, String> sleep = Map.of("concurrency", "10000", "ioMillis", "10", "cpuMicros", "0");
        assertEquals(50.0, Profile.drainSeconds(sleep, 2, 2), 1e-9);
        assertEquals(0.5, Profile.drainSeconds(sleep, 2, 200), 1e-9);
        assertEquals(Profile.idealWaveSeconds(sleep, 2), Profile.drainSeconds(sleep, 2, Integer.MAX_VALUE), 1e-12);
    }

    @Test
    void idealWaveIsConcurrencyOverTheIdealRate() {
        assertEquals(0.010, Profile.idealWaveSeconds(Map.of("concurrency", "10000", "ioMillis", "10", "cpuMicros", "0"), 2), 1e-12);
        assertEquals(100.0, Profile.idealWaveSeconds(Map.of("concurrency", "10000", "ioMillis", "10", "cpuMicros", "20000"), 2), 1e-9);
        assertEquals(0.030, Profile.idealWaveSeconds(Map.of("concurrency", "1", "ioMillis", "10", "cpuMicros", "20000"), 2), 1e-12);
    }

    @Test
    void listsFanoutPointsOfRejectingModelsWithTheReason() {
        Profile.Plan plan = Profile.SMOKE.plan(List.of("a", "b"), p -> true,
                m -> m.equals("b") ? Optional.of("workload: fanout (expected: no fan-out)") : Optional.empty(), 2);
        assertEquals(1, plan.excluded().size());
        Profile.Exclusion e = plan.excluded().get(0);
        assertEquals("b", e.point().params().get("model"));
        assertTrue(e.point().benchmark().contains("Fanout"));
        assertEquals("b runs no fan-out workload: workload: fanout (expected: no fan-out)", e.reason());
    }

    @Test
    void smokeAndQuickRunSleepAtConcurrencyThreeForTheGatherClaim() {
        for (Profile profile : List.of(Profile.SMOKE, Profile.QUICK)) {
            assertTrue(profile.points(List.of("m"), p -> p.benchmark().contains("Sleep"), m -> true).stream()
                    .anyMatch(p -> p.params().get("concurrency").equals("3")), profile.id());
        }
    }

    @Test
    void includeFiltersByPointId() {
        List<Point> points = Profile.SMOKE.points(List.of("x", "y"), p -> p.id().contains("model=y"), m -> true);
        assertEquals(Profile.SMOKE.points(List.of("y"), p -> true, m -> true).size(), points.size());
        assertTrue(points.stream().allMatch(p -> p.params().get("model").equals("y")));
    }

    private static double cpuShare(Point p) {
        double io = Integer.parseInt(p.params().get("ioMillis")) * 1_000.0;
        double cpu = Integer.parseInt(p.params().get("cpuMicros"));
        return cpu / (io + cpu);
    }
}
