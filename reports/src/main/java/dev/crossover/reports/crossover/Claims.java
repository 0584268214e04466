package dev.crossover.reports.crossover;

import dev.crossover.reports.crossover.Claim.Verdict;
import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Gives each claim of design.md's table a verdict from one run's points. A claim whose points are
 * not in the run is "not measured in this run", never guessed.
 */
public final class Claims {
    /** Efficiency at or above which a model "keeps up" with the ideal bound. */
    static final double KEEPS_UP = 0.8;

    private Claims() {
    }

    /** {@return the verdict on every claim, in design.md's order} */
    public static List<Claim> evaluate(List<Point> points) {
        return List.of(gather(points), manyWaits(points), processesForCpu(points), sharedData(),
                blockingCall(points), thousandsOfConnections(points), taskGroups(points), semaphores(points));
    }

    static Claim gather(List<Point> points) {
        String claim = "three 2 s tasks take 6 s in sequence, 2 s with gather (001)";
        String experiment = "sleep, C = 1 vs C = 3";
        List<String> evidence = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (Point p3 : filter(points, p -> p.workload().equals("sleep") && p.concurrency() == 3)) {
            find(points, p -> p.slice().equals(p3.slice()) && p.model().equals(p3.model()) && p.concurrency() == 1)
                    .ifPresent(p1 -> {
                        double r = p3.throughput().score() / p1.throughput().score();
                        ratios.add(r);
                        evidence.add(p3.model() + ": " + num(p1.throughput().score()) + " \u2192 "
                                + num(p3.throughput().score()) + " tasks/s, \u00d7" + fixed(r));
                    });
        }
        if (ratios.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no sleep points at both C = 1 and C = 3");
        }
        boolean holds = ratios.stream().allMatch(r -> r >= 2.5);
        return new Claim(claim, experiment, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                "throughput ratio C=3 / C=1 (\u2248 3 means the waits overlap): " + String.join("; ", evidence));
    }

    static Claim manyWaits(List<Point> points) {
        String claim = "async I/O handles many waiting tasks without much CPU (000)";
        String experiment = "sleep/http at C up to 10k on eventloop";
        Optional<Point> top = filter(points, p -> (p.workload().equals("sleep") || p.workload().equals("http"))
                && p.model().equals("eventloop") && p.concurrency() >= 1000 && !Double.isNaN(p.efficiency()))
                .stream().max(Comparator.comparingInt(Point::concurrency));
        if (top.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no eventloop sleep/http point at C \u2265 1000");
        }
        Point p = top.get();
        return new Claim(claim, experiment, p.efficiency() >= KEEPS_UP ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                "eventloop " + p.workload() + " at C = " + p.concurrency() + ": " + num(p.throughput().score())
                        + " tasks/s = " + pct(p.efficiency()) + " of the ideal " + num(p.ideal())
                        + " (holds at \u2265 " + pct(KEEPS_UP) + "); CPU time per task is not in JMH results");
    }

    static Claim processesForCpu(List<Point> points) {
        String claim = "processes are the better choice for CPU-heavy tasks (000)";
        String experiment = "cpu under threads vs processes";
        List<Point> cpu = filter(points, p -> p.workload().equals("cpu"));
        Optional<Integer> c = cpu.stream().filter(p -> p.model().startsWith("processes")).map(Point::concurrency)
                .filter(x -> cpu.stream().anyMatch(p -> p.model().startsWith("threads") && p.concurrency() == x))
                .max(Integer::compare);
        if (c.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no cpu point measured under both threads and processes");
        }
        Point threads = best(filter(cpu, p -> p.model().startsWith("threads") && p.concurrency() == c.get()));
        Point procs = best(filter(cpu, p -> p.model().startsWith("processes") && p.concurrency() == c.get()));
        boolean processesWin = procs.throughput().score() > threads.throughput().score()
                && !procs.throughput().overlaps(threads.throughput());
        return new Claim(claim, experiment, processesWin ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                "at C = " + c.get() + ": best threads model " + threads.model() + " " + ci(threads.throughput())
                        + " vs best processes model " + procs.model() + " " + ci(procs.throughput()) + " tasks/s"
                        + (processesWin ? "" : "; on the JVM threads run in parallel (no GIL)"));
    }

    static Claim sharedData() {
        return new Claim("threads suit shared data with light CPU (000)", "shared-state workload",
                Verdict.NOT_MEASURED, "the shared-state workload is not part of this suite yet");
    }

    static Claim blockingCall(List<Point> points) {
        String claim = "a blocking call inside a loop blocks everything (001)";
        String experiment = "mixed on eventloop vs eventloop-offload";
        Optional<Point> loop = filter(points, p -> p.workload().equals("mixed") && p.model().equals("eventloop")
                && p.cpuMicros() > 0 && p.concurrency() > 1).stream()
                .filter(p -> find(points, o -> o.model().equals("eventloop-offload") && o.slice().equals(p.slice())
                        && o.concurrency() == p.concurrency()).isPresent())
                .max(Comparator.comparingInt(Point::concurrency).thenComparingDouble(Point::cpuMicros));
        if (loop.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                    "no mixed point with CPU work measured under both eventloop and eventloop-offload");
        }
        Point l = loop.get();
        Point o = find(points, p -> p.model().equals("eventloop-offload") && p.slice().equals(l.slice())
                && p.concurrency() == l.concurrency()).orElseThrow();
        boolean holds = o.throughput().score() > l.throughput().score() && !o.throughput().overlaps(l.throughput());
        String tail = l.latency() != null && o.latency() != null
                ? "; p99 latency " + num(l.latency().p99()) + " \u00b5s vs " + num(o.latency().p99()) + " \u00b5s" : "";
        return new Claim(claim, experiment, holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                "mixed at C = " + l.concurrency() + ", cpu " + num(l.cpuMicros()) + " \u00b5s, io " + num(l.ioMillis())
                        + " ms: eventloop " + ci(l.throughput()) + " vs eventloop-offload " + ci(o.throughput())
                        + " tasks/s" + tail);
    }

    static Claim thousandsOfConnections(List<Point> points) {
        String claim = "thousands of connections at once (002)";
        String experiment = "http at C = 1k\u201310k";
        List<Point> http = filter(points, p -> p.workload().equals("http") && p.concurrency() >= 1000
                && !Double.isNaN(p.efficiency()));
        if (http.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no http points at C \u2265 1000");
        }
        List<String> keep = http.stream().filter(p -> p.efficiency() >= KEEPS_UP).map(Point::model).distinct().toList();
        return new Claim(claim, experiment, keep.isEmpty() ? Verdict.DOES_NOT_HOLD : Verdict.HOLDS,
                "models keeping \u2265 " + pct(KEEPS_UP) + " of the ideal at C \u2265 1000: "
                        + (keep.isEmpty() ? "none" : String.join(", ", keep)));
    }

    static Claim taskGroups(List<Point> points) {
        List<String> models = filter(points, p -> p.workload().equals("fanout")).stream().map(Point::model).distinct().toList();
        return new Claim("task groups cancel the rest when one fails (000)", "fanout with an injected failure",
                Verdict.NOT_MEASURED, (models.isEmpty() ? "no fanout points" : "fanout measured for " + String.join(", ", models))
                        + "; cancellation latency and leaks are not carried in JMH results");
    }

    static Claim semaphores(List<Point> points) {
        String claim = "semaphores throttle access to a resource (000)";
        String experiment = "any workload with C below its tasks: max in-flight \u2264 C";
        List<Point> with = filter(points, p -> p.result().secondary().containsKey("maxInFlight"));
        if (with.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no maxInFlight metric in these results");
        }
        List<String> over = with.stream()
                .filter(p -> p.result().secondary().get("maxInFlight").score() > p.concurrency())
                .map(p -> p.model() + " at C = " + p.concurrency()).toList();
        return new Claim(claim, experiment, over.isEmpty() ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                over.isEmpty() ? "max in-flight \u2264 C at all " + with.size() + " points" : "exceeded C: " + String.join(", ", over));
    }

    private static List<Point> filter(List<Point> points, Predicate<Point> keep) {
        return points.stream().filter(keep).toList();
    }

    private static Optional<Point> find(List<Point> points, Predicate<Point> keep) {
        return points.stream().filter(keep).findFirst();
    }

    private static Point best(List<Point> ps) {
        return ps.stream().max(Comparator.comparingDouble(p -> p.throughput().score())).orElseThrow();
    }

    static String num(double x) {
        return dev.crossover.reports.html.Format.number(x);
    }

    private static String fixed(double x) {
        return String.format(java.util.Locale.ROOT, "%.2f", x);
    }

    private static String pct(double x) {
        return String.format(java.util.Locale.ROOT, "%.0f%%", x * 100);
    }

    private static String ci(Metric m) {
        return num(m.score()) + (m.hasInterval() ? " [" + num(m.low()) + ", " + num(m.high()) + "]" : "");
    }
}
