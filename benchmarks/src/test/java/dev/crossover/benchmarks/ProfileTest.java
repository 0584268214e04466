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
import java.util.function.Predicate;
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
    void quickHoldsTheBreakpointsTheClaimsNeed() {
        List<Point> sleep = Profile.QUICK.points(List.of("m"), p -> p.benchmark().contains("Sleep"), m -> true);
        Set<String> waits = sleep.stream().map(p -> p.params().get("ioMillis")).collect(Collectors.toSet());
        assertEquals(Set.of("1", "50"), waits, "two waits");
        Set<Integer> sleepC = sleep.stream().map(p -> Integer.parseInt(p.params().get("concurrency"))).collect(Collectors.toSet());
        assertTrue(sleepC.containsAll(Set.of(1, 3, 1_000)), "gather (1, 3) and many waits: " + sleepC);
        List<Point> cpu = Profile.QUICK.points(List.of("m"), p -> p.benchmark().contains("Cpu"), m -> true);
        assertEquals(Set.of(1, 2), cpu.stream().map(p -> Integer.parseInt(p.params().get("concurrency")))
                .collect(Collectors.toSet()), "C = 1 and cores (2 here)");
        List<Point> http = Profile.QUICK.points(List.of("m"), p -> p.benchmark().contains("Http"), m -> true);
        assertEquals(Set.of("1000/50", "10000/500"), http.stream().map(p -> p.params().get("concurrency") + "/"
                + p.params().get("ioMillis")).collect(Collectors.toSet()), "http at two waits, the wait grown with C");
        assertEquals(1, Profile.QUICK.points(List.of("m"), p -> p.benchmark().contains("File"), m -> true).size());
        List<Point> mixed = Profile.QUICK.points(List.of("m"), p -> p.benchmark().contains("Mixed"), m -> true);
        Set<Double> shares = mixed.stream().map(ProfileTest::cpuShare).collect(Collectors.toSet());
        assertTrue(shares.stream().anyMatch(x -> x > 0 && x < 0.2), shares.toString());
        assertTrue(shares.stream().anyMatch(x -> x > 0.5), shares.toString());
        assertTrue(mixed.stream().allMatch(p -> p.params().get("concurrency").equals("2")), "mixed at C = cores");
    }

    @Test
    void fixedRatePointsOfferOneRateToTheLoopsAndThreadPools() {
        List<Point> open = Profile.QUICK.points(List.of("eventloop", "threads-virtual", "processes"),
                p -> p.benchmark().contains("OpenLoop") && p.params().get("workload").equals("sleep"), m -> true);
        assertEquals(List.of("eventloop", "threads-virtual"), open.stream().map(p -> p.params().get("model")).toList(),
                "only the models the claims compare");
        assertTrue(open.stream().allMatch(p -> p.params().get("rate").equals("5000")
                && p.params().get("load").equals(Profile.FixedRate.LOAD_LABEL)), open.toString());
        assertEquals(0, Profile.Plan.capacities(open), "a fixed rate needs no capacity measurement");
    }

    @Test
    void smokeFitsItsBudgetWithNineModels() {
        List<Point> points = Profile.SMOKE.points(NINE, p -> true, m -> true);
        Duration estimate = Profile.SMOKE.estimate(points.size(), Profile.Plan.capacities(points));
        assertTrue(estimate.compareTo(Duration.ofSeconds(210)) <= 0, estimate + " for " + points.size() + " points");
        assertEquals(0, Profile.SMOKE.extraForks(), "smoke adds no forks");
    }

    @Test
    void quicksRoundsFitItsSweepBudget() {
        // the README's main command under 15 minutes: this sweep (its rounds, then extra forks for undecided
        // cells until the budget), then about 1 minute each of the Python reference and the footprint section,
        // and about 1 of build and report
        List<String> models = Profile.QUICK.models(Models.ids());
        // the plan the run command makes on this 2-core machine: each model's own limits leave some points out
        List<Point> points = Profile.QUICK.plan(models, p -> true, (m, kind) -> java.util.Optional.empty(), 2,
                m -> Models.provider(m).parallelism(dev.crossover.core.ModelOptions.defaults()),
                m -> Models.provider(m).sweepConcurrency(dev.crossover.core.ModelOptions.defaults())).points();
        Duration rounds = Profile.QUICK.estimate(points);
        Duration budget = Profile.QUICK.sweepBudget().orElseThrow();
        assertTrue(budget.compareTo(Duration.ofMinutes(12)) <= 0, budget.toString());
        // the rounds fit the budget; the extra forks take what is left of it (the sweep stops adding them there)
        assertTrue(rounds.compareTo(budget) <= 0, rounds + " for " + points.size()
                + " points of " + models.size() + " models (expected: at most " + budget + ")");
        assertEquals(5, Profile.QUICK.extraForks());
    }

    @Test
    void quickWarmsHttpLongerAndCpuShorterAndItsEstimateCountsBoth() {
        String http = Point.benchmarkOf(dev.crossover.core.WorkloadKind.HTTP);
        String sleep = Point.benchmarkOf(dev.crossover.core.WorkloadKind.SLEEP);
        String cpu = Point.benchmarkOf(dev.crossover.core.WorkloadKind.CPU);
        assertEquals(Duration.ofSeconds(1), Profile.QUICK.settings().warmupTime(), "the load runs 1 s before a window opens");
        assertEquals(Duration.ofMillis(1_500), Profile.QUICK.warmupTime(http));
        assertEquals(Duration.ofMillis(300), Profile.QUICK.warmupTime(cpu));
        assertEquals(Profile.QUICK.settings().warmupTime(), Profile.QUICK.warmupTime(sleep));
        assertEquals(Profile.FULL.settings().warmupTime(), Profile.FULL.warmupTime(http), "full warms up longer anyway");
        assertEquals(Profile.FULL.settings().warmupTime(), Profile.FULL.warmupTime(cpu));
        Point h = new Point(http, java.util.Map.of("model", "m", "concurrency", "1000", "ioMillis", "50", "cpuMicros", "0"));
        Point z = new Point(sleep, java.util.Map.of("model", "m", "concurrency", "1", "ioMillis", "1", "cpuMicros", "0"));
        Point c = new Point(cpu, java.util.Map.of("model", "m", "concurrency", "2", "ioMillis", "0", "cpuMicros", "1000"));
        assertEquals(Profile.QUICK.estimate(3, 0).plusMillis(3 * 500 - 3 * 700), Profile.QUICK.estimate(List.of(h, z, c)),
                "3 forks of 0.5 s more warm-up (http) and 3 of 0.7 s less (cpu)");
    }

    @Test
    void aWindowHoldsAtLeastTwoTaskTimesEnoughCompletionsAndFileASecond() {
        String sleep = Point.benchmarkOf(dev.crossover.core.WorkloadKind.SLEEP);
        String file = Point.benchmarkOf(dev.crossover.core.WorkloadKind.FILE);
        assertEquals(Duration.ofMillis(300), Profile.QUICK.measurementTime(point(sleep, 1_000, "50", "0")));
        assertEquals(Duration.ofMillis(1_000), Profile.QUICK.measurementTime(point(sleep, 10_000, "500", "0")), "two task times");
        assertEquals(Duration.ofMillis(300), Profile.QUICK.measurementTime(point(sleep, 100, "10", "0")));
        assertEquals(Duration.ofMillis(637), Profile.QUICK.measurementTime(point(sleep, 2, "10", "20000")),
                "2 chains of 30 ms tasks: 30 / sqrt(2) task times, so a chain's one task more or less is under 1%");
        assertEquals(Duration.ofMillis(300), Profile.QUICK.measurementTime(point(sleep, 1, "1", "0")), "30 task times of 1 ms");
        assertEquals(Duration.ofMillis(1_000), Profile.QUICK.measurementTime(point(file, 16, "0", "0")),
                "fsyncs vary within a fork: a longer window");
        assertEquals(Duration.ofMillis(250), Profile.SMOKE.measurementTime(point(file, 16, "0", "0")), "smoke keeps its own");
        assertEquals(Duration.ofSeconds(2), Profile.FULL.measurementTime(point(sleep, 10_000, "500", "0")));
    }

    private static Point point(String benchmark, int concurrency, String ioMillis, String cpuMicros) {
        return new Point(benchmark, java.util.Map.of("model", "m", "concurrency", Integer.toString(concurrency),
                "ioMillis", ioMillis, "cpuMicros", cpuMicros));
    }

    @Test
    void quickLeavesTheVariantModelsToFull() {
        List<String> all = List.of("eventloop", "threads-per-task", "threads-fixed", "processes", "processes-eventloop");
        assertEquals(List.of("eventloop", "threads-fixed", "processes"), Profile.QUICK.models(all));
        assertEquals(List.of("eventloop", "netty-epoll"), Profile.QUICK.models(List.of("eventloop", "netty", "netty-epoll")),
                "Netty's portable transport beside its Linux one is full's");
        assertEquals(List.of("eventloop", "netty"), Profile.QUICK.models(List.of("eventloop", "netty")),
                "where epoll does not load, quick keeps Netty's NIO transport");
        assertEquals(List.of("eventloop", "netty", "netty-epoll"), Profile.FULL.models(List.of("eventloop", "netty", "netty-epoll")));
        assertEquals(all, Profile.FULL.models(all));
        assertEquals(all, Profile.SMOKE.models(all));
        assertTrue(Profile.FULL.sweepBudget().isEmpty(), "full: no budget");
    }

    @Test
    void openLoopPointsOfferSharesOfACapacityStillToMeasure() {
        List<Point> open = Profile.FULL.points(List.of("m"), p -> p.benchmark().contains("OpenLoop")
                && p.params().get("workload").equals("mixed"), m -> true);
        assertEquals(Set.of("10", "25", "50", "70", "80", "90", "95"), open.stream().map(p -> p.params().get("load"))
                .collect(Collectors.toSet()));
        assertTrue(open.stream().allMatch(p -> p.params().get("rate").equals(Profile.OpenGrid.RATE_TO_MEASURE)), open.toString());
        assertEquals(1, Profile.Plan.capacities(open), "one capacity per model and open-loop grid point");
        assertEquals(2, Profile.Plan.capacities(Profile.FULL.points(List.of("a", "b"),
                p -> p.benchmark().contains("OpenLoop") && p.params().get("workload").equals("mixed"), m -> true)));
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
        Predicate<Point> mixed10 = p -> p.benchmark().contains("Mixed") && p.params().get("ioMillis").equals("10");
        Profile.Plan plan = Profile.FULL.plan(List.of("m"), mixed10, m -> Optional.empty(), 2);
        Set<String> left = plan.excluded().stream()
                .map(e -> e.point().params().get("concurrency") + "/" + e.point().params().get("cpuMicros"))
                .collect(Collectors.toSet());
        // on 2 cores one wave takes C * cpu / 2: 10,000 x 1 ms = 5 s, above two 2 s iterations; 1,000 x 1 ms = 0.5 s
        // and every wait-only wave (10 ms) stay
        assertEquals(Set.of("10000/1000"), left);
        assertTrue(plan.excluded().get(0).reason().contains("even at the ideal rate on 2 cores"), plan.excluded().get(0).reason());
        Profile.Plan many = Profile.FULL.plan(List.of("m"), mixed10, m -> Optional.empty(), 64);
        assertEquals(Set.of(), many.excluded().stream()
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
        // 2 tasks at a time: 100 waits of 1 ms drain in 0.05 s (kept, under two 400 ms iterations),
        // 1,000 of 50 ms in 25 s and 10,000 in 250 s (left out); the model without a limit keeps every point
        assertEquals(Set.of("two/1000"), left);
        assertTrue(plan.excluded().get(0).reason().startsWith("two runs at most 2 tasks at once: its 1000 tasks in "
                + "flight take 25.00 s to drain"), plan.excluded().get(0).reason());
    }

    @Test
    void leavesOutPointsAboveAModelsSweepConcurrency() {
        Profile.Plan plan = Profile.QUICK.plan(List.of("few", "any"), p -> p.benchmark().contains("Http"),
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

    @Test
    void everyPlannedPointNamesItsFilesAndItsDistributionsParse() {
        for (Profile profile : Profile.values()) {
            for (Point p : profile.points(Models.ids(), x -> true, m -> true)) {
                PointSummary.fileName(p.benchmark(), p.params());  // throws on a character a file name cannot hold
                if (p.params().containsKey("cpuDist")) {
                    dev.crossover.core.Distribution.parse(OpenLoopBenchmark.distribution(p.params().get("cpuDist")));
                }
            }
        }
    }
}
