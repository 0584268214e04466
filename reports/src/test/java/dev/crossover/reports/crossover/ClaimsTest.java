package dev.crossover.reports.crossover;

import static dev.crossover.reports.crossover.Claim.Verdict.DOES_NOT_HOLD;
import static dev.crossover.reports.crossover.Claim.Verdict.EQUIVALENT;
import static dev.crossover.reports.crossover.Claim.Verdict.HOLDS;
import static dev.crossover.reports.crossover.Claim.Verdict.INCONCLUSIVE;
import static dev.crossover.reports.crossover.Claim.Verdict.NOT_MEASURED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.reports.crossover.Claim.Verdict;
import dev.crossover.reports.jmh.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every claim judged on constructed fork means: for each claim that can be measured, data where
 * it holds, data where it does not, equivalent data where the claim has that outcome, and
 * inconclusive or unmeasured data, so that no verdict is written down before the data. Fork
 * means are 0.5% apart unless said otherwise: models within about 4% are equivalent, models more
 * than about 6% apart clearly ordered.
 */
@Timeout(10)
class ClaimsTest {
    static final int WAITING = 0;
    static final int LITTLE_CPU = 1;
    static final int PROCESSES = 2;
    static final int SHARED = 3;
    static final int GATHER = 4;
    static final int BLOCKING = 5;
    static final int MULTI_THREADED = 6;
    static final int SINGLE_THREADED = 7;
    static final int THREADS_FOR_IO = 8;
    static final int REAL_TIME = 9;
    static final int THOUSANDS = 10;
    static final int TASK_GROUPS = 11;

    /** A closed-loop point of three forks 0.5% apart around {@code mean}. */
    static Point p(String workload, String model, int c, double io, double cpu, double mean) {
        return TestPoints.point(workload, model, c, io, cpu, TestPoints.around(mean, 0.005));
    }

    /** A closed-loop point of three forks {@code spread} apart around {@code mean}. */
    static Point p(String workload, String model, int c, double io, double cpu, double mean, double spread) {
        return TestPoints.point(workload, model, c, io, cpu, TestPoints.around(mean, spread));
    }

    static Point shared(String model, double mean, String lock) {
        return TestPoints.point(TestPoints.SOURCE, "shared", model, 100, 0, 10, Map.of("lock", lock),
                TestPoints.around(mean, 0.005));
    }

    /** Three values 0.5% apart around {@code x}. */
    static double[] f(double x) {
        return TestPoints.around(x, 0.005);
    }

    static long[] cpuNanos(double x) {
        double[] d = f(x);
        return new long[] {Math.round(d[0]), Math.round(d[1]), Math.round(d[2])};
    }

    /** An open-loop point at 20,000 tasks/s of sleep 10 ms with each fork's CPU per task (ns) and p99 (µs). */
    static LoadPoint open(String model, long cpuNanos, double p99) {
        return TestPoints.open("sleep", model, 10, 0, 20_000, Map.of(), cpuNanos(cpuNanos), f(p99));
    }

    /** An open-loop point of mixed 10 ms + 100 µs with CPU spikes, at 500 tasks/s, with each fork's p99 (µs). */
    static LoadPoint spiky(String model, double p99) {
        return TestPoints.open("mixed", model, 10, 100, 500, Map.of("cpuDist", "spike"), new long[0], f(p99));
    }

    static final Source CAPPED = new Source(Path.of("results.json"), "run",
            Map.of("cores", "4", "modelDefaults.processes", "workers=2", "modelDefaults.threads-fixed", "threads=200"));

    static List<Point> gather(Source source, String model, double c1, double c3) {
        return List.of(TestPoints.point(source, "sleep", model, 1, 2000, 0, TestPoints.around(c1, 0.005)),
                TestPoints.point(source, "sleep", model, 3, 2000, 0, TestPoints.around(c3, 0.005)));
    }

    static List<Point> speedup(String model, double c1, double c4, double spread) {
        return List.of(p("cpu", model, 1, 0, 1000, c1, spread), p("cpu", model, 4, 0, 1000, c4, spread));
    }

    @SafeVarargs
    static <T> List<T> all(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }

    /**
     * One claim's data and the verdict it must get.
     *
     * @param name    what the data shows
     * @param claim   the claim's index in {@link Claims#evaluate}
     * @param verdict the verdict expected
     * @param points  the closed-loop points
     * @param load    the open-loop points
     */
    record Case(String name, int claim, Verdict verdict, Supplier<List<Point>> points, Supplier<List<LoadPoint>> load) {
        static Case closed(String name, int claim, Verdict verdict, Supplier<List<Point>> points) {
            return new Case(name, claim, verdict, points, List::of);
        }

        static Case open(String name, int claim, Verdict verdict, Supplier<List<LoadPoint>> load) {
            return new Case(name, claim, verdict, List::of, load);
        }

        Claim judge() {
            return Claims.evaluate(points.get(), load.get(), Decision.DEFAULT_MARGIN).get(claim);
        }

        @Override
        public String toString() {
            return claim + ": " + name + " -> " + verdict;
        }
    }

    static List<Case> cases() {
        return List.of(
                // async I/O is the ideal choice for waiting: best loop vs best thread at C >= 1,000
                Case.closed("loop 27% ahead of the best thread model", WAITING, HOLDS, () -> List.of(
                        p("sleep", "eventloop", 1000, 50, 0, 19_000), p("sleep", "threads-virtual", 1000, 50, 0, 15_000),
                        p("sleep", "threads-fixed", 1000, 50, 0, 3_900))),
                Case.closed("best thread model 27% ahead", WAITING, DOES_NOT_HOLD, () -> List.of(
                        p("sleep", "eventloop", 1000, 50, 0, 15_000), p("sleep", "threads-virtual", 1000, 50, 0, 19_000))),
                Case.closed("within 1%", WAITING, EQUIVALENT, () -> List.of(
                        p("sleep", "netty", 1000, 50, 0, 19_000), p("sleep", "threads-virtual", 1000, 50, 0, 18_900))),
                Case.closed("5% ahead with 3% fork noise", WAITING, INCONCLUSIVE, () -> List.of(
                        p("sleep", "eventloop", 1000, 50, 0, 19_000, 0.03), p("sleep", "threads-virtual", 1000, 50, 0, 18_000, 0.03))),
                Case.closed("equivalent throughput, the loop's p99 shorter by 15%", WAITING, HOLDS, () -> List.of(
                        TestPoints.withForkP99(p("sleep", "eventloop", 1000, 50, 0, 19_000), f(51_000)),
                        TestPoints.withForkP99(p("sleep", "threads-virtual", 1000, 50, 0, 19_000), f(60_000)))),
                Case.closed("the loop 27% ahead, but its p99 15% longer", WAITING, INCONCLUSIVE, () -> List.of(
                        TestPoints.withForkP99(p("sleep", "eventloop", 1000, 50, 0, 19_000), f(60_000)),
                        TestPoints.withForkP99(p("sleep", "threads-virtual", 1000, 50, 0, 15_000), f(51_000)))),
                Case.closed("http counts too", WAITING, HOLDS, () -> List.of(
                        p("http", "netty", 1000, 50, 0, 19_000), p("http", "threads-virtual", 1000, 50, 0, 15_000))),
                Case.closed("C below 1,000 only", WAITING, NOT_MEASURED, () -> List.of(
                        p("sleep", "eventloop", 100, 50, 0, 1_900), p("sleep", "threads-virtual", 100, 50, 0, 1_500))),
                Case.closed("loops only", WAITING, NOT_MEASURED, () -> List.of(
                        p("sleep", "eventloop", 1000, 50, 0, 19_000), p("sleep", "netty", 1000, 50, 0, 15_000))),

                // thousands of connections: http at C >= 1,000
                Case.closed("http: the loop 27% ahead", THOUSANDS, HOLDS, () -> List.of(
                        p("http", "netty", 10_000, 500, 0, 19_000), p("http", "threads-virtual", 10_000, 500, 0, 15_000))),
                Case.closed("http: threads 27% ahead", THOUSANDS, DOES_NOT_HOLD, () -> List.of(
                        p("http", "netty", 10_000, 500, 0, 15_000), p("http", "threads-virtual", 10_000, 500, 0, 19_000))),
                // the delay server's own median lateness over 10% of the wait: the server may have set the pace
                Case.closed("http: the loop 27% ahead, the server late by 2.5% of the wait", THOUSANDS, HOLDS, () -> List.of(
                        TestPoints.withServerLateness(p("http", "netty", 10_000, 500, 0, 19_000), 12_500),
                        TestPoints.withServerLateness(p("http", "threads-virtual", 10_000, 500, 0, 15_000), 12_500))),
                Case.closed("http: the loop 27% ahead, the server late by 15% of the wait", THOUSANDS, NOT_MEASURED,
                        () -> List.of(TestPoints.withServerLateness(p("http", "netty", 10_000, 500, 0, 19_000), 75_000),
                        TestPoints.withServerLateness(p("http", "threads-virtual", 10_000, 500, 0, 15_000), 75_000))),
                Case.closed("http: within 1%", THOUSANDS, EQUIVALENT, () -> List.of(
                        p("http", "eventloop", 10_000, 500, 0, 19_000), p("http", "threads-virtual", 10_000, 500, 0, 19_100))),
                Case.closed("sleep is not connections", THOUSANDS, NOT_MEASURED, () -> List.of(
                        p("sleep", "eventloop", 1000, 50, 0, 19_000), p("sleep", "threads-virtual", 1000, 50, 0, 15_000))),

                // async I/O runs many tasks without much CPU: open loop at one rate, CPU per task, lower is better
                Case.open("the loop needs half the CPU", LITTLE_CPU, HOLDS, () -> List.of(
                        open("eventloop", 20_000, 10_500), open("threads-virtual", 40_000, 12_000))),
                Case.open("the loop needs twice the CPU", LITTLE_CPU, DOES_NOT_HOLD, () -> List.of(
                        open("eventloop", 40_000, 10_500), open("threads-fixed", 20_000, 12_000))),
                Case.open("within 1%", LITTLE_CPU, EQUIVALENT, () -> List.of(
                        open("netty", 20_000, 10_500), open("threads-virtual", 20_100, 12_000))),
                Case.open("no thread model it names", LITTLE_CPU, NOT_MEASURED, () -> List.of(
                        open("eventloop", 20_000, 10_500), open("threads-per-task", 40_000, 12_000))),
                new Case("gross 40 vs 41 us, net of the null workload's 30 us: 10 vs 11", LITTLE_CPU, HOLDS,
                        () -> List.of(TestPoints.withCpu(p("null", "eventloop", 1, 0, 0, 1e6), 30_000)),
                        () -> List.of(open("eventloop", 40_000, 10_500), open("threads-virtual", 41_000, 12_000))),
                Case.open("gross 40 vs 41 us without a harness cost", LITTLE_CPU, EQUIVALENT, () -> List.of(
                        open("eventloop", 40_000, 10_500), open("threads-virtual", 41_000, 12_000))),

                // processes are better for CPU work: cpu at C >= cores (4), processes vs the best thread model
                Case.closed("processes 27% ahead", PROCESSES, HOLDS, () -> List.of(
                        p("cpu", "processes", 4, 0, 1000, 3_800), p("cpu", "threads-fixed", 4, 0, 1000, 3_000))),
                Case.closed("the best thread model ahead, though processes beat forkjoin", PROCESSES, DOES_NOT_HOLD, () -> List.of(
                        p("cpu", "processes", 4, 0, 1000, 3_500), p("cpu", "threads-forkjoin", 4, 0, 1000, 3_000),
                        p("cpu", "threads-virtual", 4, 0, 1000, 3_900))),
                Case.closed("within 1%", PROCESSES, EQUIVALENT, () -> List.of(
                        p("cpu", "processes", 8, 0, 1000, 3_500), p("cpu", "threads-fixed", 8, 0, 1000, 3_510))),
                Case.closed("C below the cores only", PROCESSES, NOT_MEASURED, () -> List.of(
                        p("cpu", "processes", 1, 0, 1000, 3_800), p("cpu", "threads-fixed", 1, 0, 1000, 1_000))),

                // threads suit shared data: threads not worse than the best loop or process model
                Case.closed("threads 25% ahead", SHARED, HOLDS, () -> List.of(
                        shared("threads-fixed", 1_000, "mutex"), shared("eventloop", 800, "mutex"))),
                Case.closed("threads equivalent: not worse", SHARED, HOLDS, () -> List.of(
                        shared("threads-virtual", 1_000, "mutex"), shared("processes", 1_005, "mutex"))),
                Case.closed("processes 25% ahead", SHARED, DOES_NOT_HOLD, () -> List.of(
                        shared("threads-fixed", 800, "mutex"), shared("processes", 1_000, "mutex"))),
                Case.closed("without a lock: a demonstration, not a verdict", SHARED, NOT_MEASURED, () -> List.of(
                        shared("threads-fixed", 1_000, "none"), shared("eventloop", 800, "none"))),

                // gather: C = 3 over C = 1 against the overlap the configuration allows
                Case.closed("three waits overlap", GATHER, HOLDS, () -> gather(TestPoints.SOURCE, "eventloop", 0.5, 1.5)),
                Case.closed("only 1.5 of 3 overlap", GATHER, DOES_NOT_HOLD, () -> gather(TestPoints.SOURCE, "eventloop", 0.5, 0.75)),
                Case.closed("2 workers overlap 2, as configured", GATHER, HOLDS, () -> gather(CAPPED, "processes", 0.5, 1.0)),
                Case.closed("2 of 3 without a configuration that says so", GATHER, DOES_NOT_HOLD,
                        () -> gather(TestPoints.SOURCE, "processes", 0.5, 1.0)),
                Case.closed("one model holds, another does not", GATHER, INCONCLUSIVE, () -> all(
                        gather(TestPoints.SOURCE, "eventloop", 0.5, 1.5), gather(TestPoints.SOURCE, "netty", 0.5, 0.75))),
                Case.closed("C = 3 only", GATHER, NOT_MEASURED, () -> List.of(p("sleep", "eventloop", 3, 2000, 0, 1.5))),

                // a blocking call blocks the loop: open loop with CPU spikes, p99 eventloop vs eventloop-offload
                Case.open("the loop's p99 7.5 times offload's", BLOCKING, HOLDS, () -> List.of(
                        spiky("eventloop", 90_000), spiky("eventloop-offload", 12_000))),
                Case.open("offload's p99 the longer", BLOCKING, DOES_NOT_HOLD, () -> List.of(
                        spiky("eventloop", 12_000), spiky("eventloop-offload", 90_000))),
                Case.open("the same p99", BLOCKING, EQUIVALENT, () -> List.of(
                        spiky("eventloop", 12_000), spiky("eventloop-offload", 12_050))),
                Case.open("no spikes", BLOCKING, NOT_MEASURED, () -> List.of(
                        open("eventloop", 20_000, 90_000), open("eventloop-offload", 20_000, 12_000))),

                // multi-threaded / single-threaded: the single loops' speedup from C = 1 to C = cores
                Case.closed("the loop does not speed up", MULTI_THREADED, DOES_NOT_HOLD, () -> speedup("eventloop", 1_000, 1_000, 0.005)),
                Case.closed("the loop speeds up 3.8 times", MULTI_THREADED, HOLDS, () -> speedup("netty", 1_000, 3_800, 0.005)),
                Case.closed("5% with 3% fork noise", MULTI_THREADED, INCONCLUSIVE, () -> speedup("eventloop", 1_000, 1_050, 0.03)),
                Case.closed("thread models only: context", MULTI_THREADED, NOT_MEASURED, () -> speedup("threads-fixed", 1_000, 3_800, 0.005)),
                Case.closed("the loop does not speed up", SINGLE_THREADED, HOLDS, () -> speedup("eventloop", 1_000, 1_000, 0.005)),
                Case.closed("the loop speeds up 3.8 times", SINGLE_THREADED, DOES_NOT_HOLD, () -> speedup("netty", 1_000, 3_800, 0.005)),
                Case.closed("5% with 3% fork noise", SINGLE_THREADED, INCONCLUSIVE, () -> speedup("eventloop", 1_000, 1_050, 0.03)),
                Case.closed("thread models only: context", SINGLE_THREADED, NOT_MEASURED, () -> speedup("threads-fixed", 1_000, 3_800, 0.005)),

                // threads suit I/O: threads-fixed not worse than the best loop at 1 < C <= 200
                Case.closed("threads-fixed equivalent: not worse", THREADS_FOR_IO, HOLDS, () -> List.of(
                        p("sleep", "threads-fixed", 100, 50, 0, 1_950), p("sleep", "eventloop", 100, 50, 0, 1_960))),
                Case.closed("threads-fixed 28% ahead", THREADS_FOR_IO, HOLDS, () -> List.of(
                        p("sleep", "threads-fixed", 200, 50, 0, 2_500), p("sleep", "netty", 200, 50, 0, 1_960))),
                Case.closed("the loop twice threads-fixed", THREADS_FOR_IO, DOES_NOT_HOLD, () -> List.of(
                        p("sleep", "threads-fixed", 100, 50, 0, 1_000), p("sleep", "eventloop", 100, 50, 0, 1_960))),
                Case.closed("C above 200 only", THREADS_FOR_IO, NOT_MEASURED, () -> List.of(
                        p("sleep", "threads-fixed", 1000, 50, 0, 3_900), p("sleep", "eventloop", 1000, 50, 0, 19_600))),

                // real-time: open loop at one rate, p99 from intended start, best loop vs best thread
                Case.open("the loop's p99 12.5% shorter", REAL_TIME, HOLDS, () -> List.of(
                        open("eventloop", 20_000, 10_500), open("threads-virtual", 20_000, 12_000))),
                Case.open("the thread model's p99 shorter", REAL_TIME, DOES_NOT_HOLD, () -> List.of(
                        open("netty", 20_000, 12_000), open("threads-fixed", 20_000, 10_500))),
                Case.open("the same p99", REAL_TIME, EQUIVALENT, () -> List.of(
                        open("eventloop", 20_000, 10_500), open("threads-virtual", 20_000, 10_550))),
                Case.open("loops only", REAL_TIME, NOT_MEASURED, () -> List.of(
                        open("eventloop", 20_000, 10_500), open("netty", 20_000, 12_000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachClaimGetsTheVerdictItsDataGives(Case c) {
        Claim claim = c.judge();
        assertEquals(c.verdict(), claim.verdict(), claim.claim() + ": " + claim.evidence());
    }

    @Test
    void noMeasurableClaimHasAVerdictFixedRegardlessOfItsData() {
        Map<Integer, Set<Verdict>> seen = new TreeMap<>();
        for (Case c : cases()) {
            seen.computeIfAbsent(c.claim(), k -> EnumSet.noneOf(Verdict.class)).add(c.judge().verdict());
        }
        Set<Integer> measurable = new TreeSet<>(List.of(WAITING, LITTLE_CPU, PROCESSES, SHARED, GATHER, BLOCKING,
                MULTI_THREADED, SINGLE_THREADED, THREADS_FOR_IO, REAL_TIME, THOUSANDS));
        assertEquals(measurable, seen.keySet(), "a case for every claim that can be measured");
        seen.forEach((claim, verdicts) -> {
            assertTrue(verdicts.contains(HOLDS) && verdicts.contains(DOES_NOT_HOLD), claim + ": " + verdicts);
            assertTrue(verdicts.contains(NOT_MEASURED), claim + " without its points: " + verdicts);
        });
        for (int claim : List.of(WAITING, LITTLE_CPU, PROCESSES, BLOCKING, REAL_TIME, THOUSANDS)) {
            assertTrue(seen.get(claim).contains(EQUIVALENT), claim + " compares two sides, so it can find them equivalent");
        }
    }

    @Test
    void everyClaimIsListedInDesignOrderAndNothingIsMeasuredWithoutPoints() {
        List<Claim> claims = Claims.evaluate(List.of());
        assertEquals(12, claims.size());
        assertEquals(List.of("async I/O is the ideal choice for waiting: network, files (000)",
                "async I/O runs many tasks without much CPU (000)", "processes are the better choice for CPU-heavy tasks (000)",
                "threads suit shared data with light CPU (000)", "three 2 s tasks take 6 s in sequence, 2 s with gather (001)",
                "a blocking call inside a loop blocks everything (001)", "asynchronous programming is a multi-threaded model (001)",
                "async IO is single-threaded and only appears parallel (002)", "threads suit I/O-bound tasks (002)",
                "real-time applications need async (001)", "thousands of connections at once (002)",
                "task groups cancel the rest when one fails (000)"), claims.stream().map(Claim::claim).toList());
        assertTrue(claims.stream().allMatch(c -> c.verdict() == NOT_MEASURED), claims.toString());
        assertTrue(claims.stream().noneMatch(c -> c.claim().contains("semaphore")), "the in-flight limit is a check");
    }

    @Test
    void taskGroupsHoldWhenAFailedGroupEndsBeforeItsSiblingsWould() {
        // a wait fails halfway (5 ms of 10 ms): a group that cancels the rest ends near 5 ms
        Point cancels = TestPoints.withForkFailures(TestPoints.point(TestPoints.SOURCE, "fanout", "eventloop", 100, 10, 0,
                Map.of("fanout", "8", "failRate", "0.05"), f(4000)), 5_100, 5_200, 5_150);
        Claim c = Claims.evaluate(List.of(cancels)).get(TASK_GROUPS);
        assertEquals(HOLDS, c.verdict(), c.evidence());
        assertTrue(c.evidence().contains("eventloop: failed groups end at"), c.evidence());
    }

    @Test
    void taskGroupsDoNotHoldWhenAFailedGroupWaitsForItsSiblings() {
        Point waits = TestPoints.withForkFailures(TestPoints.point(TestPoints.SOURCE, "fanout", "threads-virtual", 100, 10, 0,
                Map.of("fanout", "8", "failRate", "0.05"), f(4000)), 10_050, 10_100, 10_080);
        assertEquals(DOES_NOT_HOLD, Claims.evaluate(List.of(waits)).get(TASK_GROUPS).verdict());
    }

    @Test
    void taskGroupsWithoutInjectedFailuresAreNotMeasured() {
        Claim c = Claims.evaluate(List.of(TestPoints.point(TestPoints.SOURCE, "fanout", "eventloop", 10, 20, 0,
                Map.of("fanout", "4"), f(400)))).get(TASK_GROUPS);
        assertEquals(NOT_MEASURED, c.verdict());
    }

    @Test
    void evidenceNamesTheModelsComparedAndTheRule() {
        Claim waiting = Claims.evaluate(List.of(p("sleep", "eventloop", 1000, 50, 0, 19_000),
                p("sleep", "netty", 1000, 50, 0, 17_000), p("sleep", "threads-virtual", 1000, 50, 0, 15_000),
                p("sleep", "threads-fixed", 1000, 50, 0, 3_900))).get(WAITING);
        assertEquals("margin 5%, 95% intervals over the forks: sleep 50 ms at C = 1,000: eventloop 19,000/s vs "
                + "threads-virtual 15,000/s \u00d71.27 [1.25, 1.28] (holds)", waiting.evidence());

        Claim processes = Claims.evaluate(List.of(p("cpu", "processes", 4, 0, 1000, 3_500),
                p("cpu", "threads-forkjoin", 4, 0, 1000, 3_000), p("cpu", "threads-virtual", 4, 0, 1000, 3_900))).get(PROCESSES);
        assertTrue(processes.evidence().contains("processes 3,500/s vs threads-virtual 3,900/s"), "the best thread model: "
                + processes.evidence());
        assertTrue(processes.evidence().endsWith("a worker process adds pipe IPC per task"), processes.evidence());

        Claim gather = Claims.evaluate(gather(CAPPED, "processes", 0.5, 1.0)).get(GATHER);
        assertTrue(gather.evidence().contains("processes \u00d72.00 (at most 2: its configuration; against it"), gather.evidence());

        Claim multi = Claims.evaluate(all(speedup("eventloop", 1_000, 1_000, 0.005),
                speedup("eventloop-offload", 1_000, 3_800, 0.005))).get(MULTI_THREADED);
        assertEquals(DOES_NOT_HOLD, multi.verdict(), "eventloop-offload's speedup is context, not judged: " + multi.evidence());
        assertTrue(multi.evidence().contains("eventloop \u00d71.00 at C = 4"), multi.evidence());
        assertTrue(multi.evidence().contains("; beside them: eventloop-offload \u00d73.80 at C = 4"), multi.evidence());

        Claim cpu = Claims.evaluate(List.of(TestPoints.withCpu(p("null", "eventloop", 1, 0, 0, 1e6), 30_000)),
                List.of(open("eventloop", 40_000, 10_500), open("threads-virtual", 41_000, 12_000)), 0.05).get(LITTLE_CPU);
        assertTrue(cpu.evidence().contains("harness cost taken off: 30 \u00b5s/task"), cpu.evidence());
        assertTrue(cpu.evidence().contains("eventloop 10 \u00b5s/task vs threads-virtual 11 \u00b5s/task"), cpu.evidence());
    }

    @Test
    void theMarginIsTheRunsMargin() {
        List<Point> eightPercent = List.of(p("sleep", "eventloop", 1000, 50, 0, 16_200, 0.002),
                p("sleep", "threads-virtual", 1000, 50, 0, 15_000, 0.002));
        assertEquals(HOLDS, Claims.evaluate(eightPercent, 0.05).get(WAITING).verdict());
        assertEquals(EQUIVALENT, Claims.evaluate(eightPercent, 0.10).get(WAITING).verdict());
        assertTrue(Claims.evaluate(eightPercent, 0.10).get(WAITING).evidence().startsWith("margin 10%"));
    }

    @Test
    void combineLeavesOutTheUndecidedAndNeedsTheDecidedToAgree() {
        assertEquals(NOT_MEASURED, Claims.combine(List.of()));
        assertEquals(INCONCLUSIVE, Claims.combine(List.of(INCONCLUSIVE, INCONCLUSIVE)), "nothing decided");
        assertEquals(HOLDS, Claims.combine(List.of(HOLDS)));
        assertEquals(HOLDS, Claims.combine(List.of(HOLDS, EQUIVALENT, HOLDS)), "some hold, the rest equivalent");
        assertEquals(HOLDS, Claims.combine(List.of(HOLDS, INCONCLUSIVE)), "the undecided are left out");
        assertEquals(DOES_NOT_HOLD, Claims.combine(List.of(EQUIVALENT, DOES_NOT_HOLD)));
        assertEquals(DOES_NOT_HOLD, Claims.combine(List.of(DOES_NOT_HOLD, INCONCLUSIVE, DOES_NOT_HOLD)));
        assertEquals(EQUIVALENT, Claims.combine(List.of(EQUIVALENT, EQUIVALENT)));
        assertEquals(EQUIVALENT, Claims.combine(List.of(EQUIVALENT, INCONCLUSIVE)));
        assertEquals(INCONCLUSIVE, Claims.combine(List.of(HOLDS, DOES_NOT_HOLD)), "decided comparisons disagree");
        assertEquals(INCONCLUSIVE, Claims.combine(List.of(HOLDS, EQUIVALENT, DOES_NOT_HOLD)));
        Claim split = Claims.judged("c", "e", List.of(HOLDS, INCONCLUSIVE, DOES_NOT_HOLD), "a holds; b does not");
        assertEquals(INCONCLUSIVE, split.verdict());
        assertEquals(Claims.SPLIT + "a holds; b does not", split.evidence(), "it holds for some, not for others: said first");
        assertEquals("a holds; b undecided", Claims.judged("c", "e", List.of(HOLDS, INCONCLUSIVE), "a holds; b undecided").evidence());
    }

    @Test
    void betterMapsEachOutcome() {
        assertEquals(HOLDS, Claims.better(new Decision(Decision.Outcome.BETTER, 1.2, 1.1, 1.3, 0.05)));
        assertEquals(DOES_NOT_HOLD, Claims.better(new Decision(Decision.Outcome.WORSE, 0.8, 0.7, 0.9, 0.05)));
        assertEquals(EQUIVALENT, Claims.better(new Decision(Decision.Outcome.EQUIVALENT, 1, 0.99, 1.01, 0.05)));
        assertEquals(INCONCLUSIVE, Claims.better(new Decision(Decision.Outcome.INCONCLUSIVE, 1, 0.9, 1.1, 0.05)));
    }

    @Test
    void checksCountTheRecordedPointsAndNameAnyOverC() {
        Point ok = TestPoints.withMaxInFlight(p("sleep", "a", 10, 50, 0, 190), 10);
        Point over = TestPoints.withMaxInFlight(p("sleep", "b", 10, 50, 0, 190), 11);
        Point unrecorded = p("sleep", "c", 10, 50, 0, 190);
        assertEquals(List.of("at most C tasks in flight at every point (1 checked)"), Claims.checks(List.of(ok, unrecorded)));
        assertEquals(List.of("more than C tasks in flight: b sleep at C = 10: 11 (2 checked)"), Claims.checks(List.of(ok, over)));
        assertEquals(List.of(), Claims.checks(List.of(unrecorded)), "nothing recorded, nothing checked");
    }

    @Test
    void pointsOfOtherParamsAreNotComparedWithEachOther() {
        // the loop measured only without spikes, the thread model only with them: no like-for-like pair at one rate
        List<LoadPoint> unlike = List.of(open("eventloop", 20_000, 10_500),
                TestPoints.open("sleep", "threads-virtual", 10, 0, 20_000, Map.of("cpuDist", "spike"), cpuNanos(40_000), f(90_000)));
        assertEquals(NOT_MEASURED, Claims.evaluate(List.of(), unlike, 0.05).get(REAL_TIME).verdict());
        assertEquals(NOT_MEASURED, Claims.evaluate(List.of(), unlike, 0.05).get(LITTLE_CPU).verdict());

        // spikes on two different workloads at one rate: each loop is paired with its own workload's offload
        List<LoadPoint> two = new ArrayList<>(List.of(spiky("eventloop", 90_000), spiky("eventloop-offload", 12_000)));
        two.add(TestPoints.open("mixed", "eventloop", 50, 100, 500, Map.of("cpuDist", "spike"), new long[0], f(12_000)));
        two.add(TestPoints.open("mixed", "eventloop-offload", 50, 100, 500, Map.of("cpuDist", "spike"), new long[0], f(90_000)));
        Claim blocking = Claims.evaluate(List.of(), two, 0.05).get(BLOCKING);
        assertEquals(INCONCLUSIVE, blocking.verdict(), "one pair holds, the other does not: " + blocking.evidence());
        assertTrue(blocking.evidence().startsWith(Claims.SPLIT), "the evidence says the decided ones disagree: " + blocking.evidence());
        assertTrue(blocking.evidence().contains("p99 eventloop 90,000 \u00b5s vs eventloop-offload 12,000 \u00b5s"), blocking.evidence());
        assertTrue(blocking.evidence().contains("p99 eventloop 12,000 \u00b5s vs eventloop-offload 90,000 \u00b5s"), blocking.evidence());
    }
}
