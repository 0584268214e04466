package dev.crossover.reports.crossover;

import dev.crossover.reports.crossover.Claim.Verdict;
import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Gives each claim of design.md's table a verdict from one run's points. A claim whose points are
 * not in the run is "not measured in this run", never guessed.
 *
 * <h2>Rules</h2>
 * Each claim is judged on the models it is about, named in its evidence; other models are listed
 * as context. Both directions are treated alike: a claim holds or fails only when the 99.9%
 * intervals are clear of each other (or of the threshold); overlapping or unknown intervals make
 * it inconclusive. A dispatch-bound point never decides a claim (see {@link #evaluate}).
 */
public final class Claims {
    /** Efficiency at or above which a model "keeps up" with the ideal bound. */
    static final double KEEPS_UP = 0.8;
    /** The C = 3 / C = 1 throughput ratio at or above which three waits overlap ("≈ 3"). */
    static final double OVERLAPS = 2.5;
    /** The models whose waits the gather claim is about: the loops and virtual threads. */
    static final List<String> GATHER_MODELS = List.of("eventloop", "netty", "threads-virtual");
    /** The loop models the "many waiting tasks" claim is about. */
    static final List<String> LOOP_MODELS = List.of("eventloop", "netty");
    /** The thread models the loops' measured CPU per task is set beside, as context. */
    static final List<String> THREAD_MODELS = List.of("threads-virtual", "threads-per-task");
    /** Measured CPU per task at or below this share of the task's wait is "without much CPU". */
    static final double LITTLE_CPU = 0.05;

    private Claims() {
    }

    /** A three-way answer from intervals. */
    private enum Tri { YES, NO, UNKNOWN }

    /**
     * {@return the verdict on every claim, in design.md's order}. A {@linkplain Point#dispatchBound()
     * dispatch-bound} point is left out of every comparison, and each claim it would have entered
     * says so; a claim left with nothing to compare is inconclusive (it was measured, but by the
     * harness). The in-flight check looks at every point: it is a property, not a comparison.
     */
    public static List<Claim> evaluate(List<Point> points) {
        List<Point> usable = filter(points, p -> !p.dispatchBound());
        List<Point> bound = filter(points, Point::dispatchBound);
        return List.of(
                leaveOut(gather(usable), bound, p -> p.workload().equals("sleep")
                        && (p.concurrency() == 1 || p.concurrency() == 3)),
                leaveOut(manyWaits(usable), bound, p -> (p.workload().equals("sleep") || p.workload().equals("http"))
                        && LOOP_MODELS.contains(p.model()) && p.concurrency() >= 1000),
                leaveOut(processesForCpu(usable), bound, p -> p.workload().equals("cpu")),
                sharedData(),
                leaveOut(blockingCall(usable), bound, p -> p.workload().equals("mixed")
                        && (p.model().equals("eventloop") || p.model().equals("eventloop-offload"))),
                leaveOut(thousandsOfConnections(usable), bound, p -> p.workload().equals("http") && p.concurrency() >= 1000),
                taskGroups(points), semaphores(points));
    }

    /** {@return the claim with the dispatch-bound points it would have compared named in its evidence} */
    static Claim leaveOut(Claim claim, List<Point> bound, Predicate<Point> relevant) {
        List<String> left = bound.stream().filter(relevant)
                .sorted(Comparator.comparing(Point::model).thenComparingInt(Point::concurrency))
                .map(p -> p.model() + " " + p.workload() + " at C = " + p.concurrency() + " (ideal " + num(p.ideal())
                        + " tasks/s, ceiling " + num(p.ceiling()) + ")")
                .toList();
        if (left.isEmpty()) {
            return claim;
        }
        Verdict v = claim.verdict() == Verdict.NOT_MEASURED ? Verdict.INCONCLUSIVE : claim.verdict();
        return new Claim(claim.claim(), claim.experiment(), v, claim.evidence() + "; left out as dispatch-bound "
                + "(ideal above half the model's own dispatch ceiling, so the harness would decide): " + String.join(", ", left));
    }

    static Claim gather(List<Point> points) {
        String claim = "three 2 s tasks take 6 s in sequence, 2 s with gather (001)";
        String experiment = "sleep, C = 1 vs C = 3: wall time of 3 tasks, i.e. throughput ratio C=3 / C=1 \u2248 3, per model";
        List<String> judged = new ArrayList<>();
        List<String> context = new ArrayList<>();
        List<Tri> answers = new ArrayList<>();
        for (Point p3 : filter(points, p -> p.workload().equals("sleep") && p.concurrency() == 3)) {
            Optional<Point> one = find(points, p -> p.slice().equals(p3.slice()) && p.model().equals(p3.model())
                    && p.concurrency() == 1);
            if (one.isEmpty()) {
                continue;
            }
            Metric m1 = one.get().throughput();
            Metric m3 = p3.throughput();
            double r = m3.score() / m1.score();
            boolean known = m1.hasInterval() && m3.hasInterval() && m1.low() > 0 && Double.isFinite(r);
            double lo = known ? m3.low() / m1.high() : Double.NaN;
            double hi = known ? m3.high() / m1.low() : Double.NaN;
            Tri reaches = !known ? Tri.UNKNOWN : lo >= OVERLAPS ? Tri.YES : hi < OVERLAPS ? Tri.NO : Tri.UNKNOWN;
            String line = p3.model() + " \u00d7" + fixed(r) + (known ? " [" + fixed(lo) + ", " + fixed(hi) + "]" : " (no interval)")
                    + " (" + num(m1.score()) + " \u2192 " + num(m3.score()) + " tasks/s)";
            if (GATHER_MODELS.contains(p3.model())) {
                answers.add(reaches);
                judged.add(line + switch (reaches) {
                    case YES -> "";
                    case NO -> " misses";
                    case UNKNOWN -> " undecided";
                });
            } else {
                context.add(line + cap(p3));
            }
        }
        String rule = "judged on " + String.join(", ", GATHER_MODELS) + " (ratio \u2265 " + fixed(OVERLAPS)
                + " with its interval); ";
        String others = context.isEmpty() ? "" : "; context, not judged: " + String.join("; ", context);
        if (answers.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED, rule + "none of them measured at both C = 1 and C = 3" + others);
        }
        return new Claim(claim, experiment, verdict(answers), rule + String.join("; ", judged) + others);
    }

    /** Why a model's C = 3 / C = 1 ratio may stop short of 3: its own configuration caps the tasks it runs at once. */
    private static String cap(Point p) {
        if (!p.model().equals("processes") && !p.model().equals("threads-forkjoin")) {
            return "";
        }
        String config = p.result().source().get("modelDefaults." + p.model());
        return " \u2014 capped by its configuration" + (config != null ? " (" + config + ")" : " (parallelism = cores)");
    }

    static Claim manyWaits(List<Point> points) {
        String claim = "async I/O handles many waiting tasks without much CPU (000)";
        String experiment = "sleep/http at C \u2265 1000 on " + String.join(", ", LOOP_MODELS)
                + ": efficiency against the ideal; CPU time per task";
        List<String> evidence = new ArrayList<>();
        List<Tri> keeps = new ArrayList<>();
        for (String model : LOOP_MODELS) {
            Optional<Point> top = filter(points, p -> (p.workload().equals("sleep") || p.workload().equals("http"))
                    && p.model().equals(model) && p.concurrency() >= 1000 && !Double.isNaN(p.efficiency()))
                    .stream().max(Comparator.comparingInt(Point::concurrency));
            top.ifPresent(p -> {
                Tri keep = atLeast(p.throughput(), KEEPS_UP * p.ideal());
                keeps.add(keep);
                evidence.add(model + " " + p.workload() + " at C = " + p.concurrency() + ": " + ci(p.throughput())
                        + " tasks/s = " + pct(p.efficiency()) + " of the ideal " + num(p.ideal()));
            });
        }
        if (keeps.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no " + String.join("/", LOOP_MODELS)
                    + " sleep/http point at C \u2265 1000");
        }
        String measured = "measured: efficiency at high C (keeps up at \u2265 " + pct(KEEPS_UP) + "): "
                + String.join("; ", evidence);
        if (keeps.contains(Tri.NO)) {
            return new Claim(claim, experiment, Verdict.DOES_NOT_HOLD, measured + "; the loop falls short of the waits it was given");
        }
        List<String> cpuEvidence = new ArrayList<>();
        List<Tri> little = new ArrayList<>();
        for (String model : LOOP_MODELS) {
            filter(points, p -> p.workload().equals("sleep") && p.model().equals(model) && p.concurrency() >= 1000
                    && p.ioMillis() > 0 && p.sidecar() != null && p.sidecar().hasMeasuredCpu())
                    .stream().max(Comparator.comparingInt(Point::concurrency)).ifPresent(p -> {
                        double share = cpuShareOfWait(p);
                        little.add(share <= LITTLE_CPU ? Tri.YES : Tri.NO);
                        List<String> beside = new ArrayList<>();
                        for (String t : THREAD_MODELS) {
                            find(points, o -> o.model().equals(t) && o.cellKey().equals(p.cellKey())
                                    && o.sidecar() != null && o.sidecar().hasMeasuredCpu())
                                    .ifPresent(o -> beside.add(t + " " + num(o.sidecar().cpuMicrosPerTask()) + " \u00b5s ("
                                            + pctOfWait(cpuShareOfWait(o)) + ")"));
                        }
                        cpuEvidence.add(model + " sleep at C = " + p.concurrency() + ", wait " + num(p.ioMillis()) + " ms: "
                                + num(p.sidecar().cpuMicrosPerTask()) + " \u00b5s/task = " + pctOfWait(share) + " of the wait"
                                + (beside.isEmpty() ? "" : " (beside " + String.join(", ", beside) + ")"));
                    });
        }
        String halfOne = keeps.stream().allMatch(k -> k == Tri.YES) ? " \u2014 this half holds" : " \u2014 this half is undecided";
        if (little.isEmpty()) {
            return new Claim(claim, experiment, Verdict.INCONCLUSIVE, measured + halfOne
                    + "; not measured: CPU time per task (the \"without much CPU\" half), so the claim is not decided");
        }
        String cpu = "; measured CPU per task (the fork's whole CPU time over the tasks it finished, JMH, GC and JIT "
                + "included: an upper bound; little at \u2264 " + pct(LITTLE_CPU) + " of the wait): " + String.join("; ", cpuEvidence);
        if (little.contains(Tri.NO)) {
            // An upper bound above the line does not show the loop itself spends that much: undecided.
            return new Claim(claim, experiment, Verdict.INCONCLUSIVE, measured + halfOne + cpu
                    + "; the upper bound for the loop exceeds " + pct(LITTLE_CPU) + " of each wait, which does not "
                    + "show that the loop itself spends that much");
        }
        boolean all = keeps.stream().allMatch(k -> k == Tri.YES) && little.size() == keeps.size();
        return new Claim(claim, experiment, all ? Verdict.HOLDS : Verdict.INCONCLUSIVE, measured + halfOne + cpu
                + (all ? "" : little.size() < keeps.size() ? "; CPU per task not measured for every loop model" : ""));
    }

    /** {@return the point's measured CPU per task over its wait per task} */
    private static double cpuShareOfWait(Point p) {
        return p.sidecar().cpuMicrosPerTask() / (p.ioMillis() * 1000);
    }

    private static String pctOfWait(double share) {
        return num(share * 100) + "%";
    }

    static Claim processesForCpu(List<Point> points) {
        String claim = "processes are the better choice for CPU-heavy tasks (000)";
        String experiment = "cpu at the same C: processes (P workers = cores) vs threads-forkjoin (parallelism = cores)";
        List<Point> cpu = filter(points, p -> p.workload().equals("cpu"));
        String partnerId = cpu.stream().anyMatch(p -> p.model().equals("threads-forkjoin")) ? "threads-forkjoin" : "threads-fixed";
        Optional<Point> procs = cpu.stream().filter(p -> p.model().equals("processes"))
                .filter(p -> find(cpu, o -> o.model().equals(partnerId) && o.cellKey().equals(p.cellKey())).isPresent())
                .max(Comparator.comparingInt(Point::concurrency).thenComparingDouble(Point::cpuMicros));
        if (procs.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                    "no cpu point measured under both processes and threads-forkjoin (or threads-fixed) at the same C");
        }
        Point p = procs.get();
        Point t = find(cpu, o -> o.model().equals(partnerId) && o.cellKey().equals(p.cellKey())).orElseThrow();
        Metric.Separation s = p.throughput().against(t.throughput());
        Verdict v = switch (s) {
            case ABOVE -> Verdict.HOLDS;
            case BELOW -> Verdict.DOES_NOT_HOLD;
            default -> Verdict.INCONCLUSIVE;
        };
        String why = partnerId.equals("threads-forkjoin")
                ? "like with like: both run as many tasks at once as there are cores"
                : "threads-forkjoin not measured, so threads-fixed instead (its pool is larger than the cores; at C \u2265 cores both saturate the cores)";
        List<String> context = filter(cpu, o -> o.cellKey().equals(p.cellKey()) && o != p && o != t).stream()
                .sorted(Comparator.comparing(Point::model)).map(o -> o.model() + " " + ci(o.throughput())).toList();
        return new Claim(claim, experiment, v, "at C = " + p.concurrency() + ", cpu " + num(p.cpuMicros()) + " \u00b5s: processes "
                + ci(p.throughput()) + " vs " + partnerId + " " + ci(t.throughput()) + " tasks/s (" + why + ")"
                + switch (s) {
                    case ABOVE -> "";
                    case BELOW -> "; on the JVM threads run in parallel (no GIL)";
                    case OVERLAP -> "; the intervals overlap";
                    case UNKNOWN -> "; an interval is unknown";
                }
                + (context.isEmpty() ? "" : "; context, not judged: " + String.join(", ", context)));
    }

    static Claim sharedData() {
        return new Claim("threads suit shared data with light CPU (000)", "shared-state workload",
                Verdict.NOT_MEASURED, "the shared-state workload is not part of this suite yet");
    }

    static Claim blockingCall(List<Point> points) {
        String claim = "a blocking call inside a loop blocks everything (001)";
        String experiment = "mixed on eventloop vs eventloop-offload: throughput and p99 latency";
        Optional<Point> loop = filter(points, p -> p.workload().equals("mixed") && p.model().equals("eventloop")
                && p.cpuMicros() > 0 && p.concurrency() > 1).stream()
                .filter(p -> offload(points, p).isPresent())
                .max(Comparator.comparingInt(Point::concurrency).thenComparingDouble(Point::cpuMicros));
        if (loop.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                    "no mixed point with CPU work measured under both eventloop and eventloop-offload");
        }
        Point l = loop.get();
        Point o = offload(points, l).orElseThrow();
        Tri throughput = switch (o.throughput().against(l.throughput())) {
            case ABOVE -> Tri.YES;
            case BELOW -> Tri.NO;
            default -> Tri.UNKNOWN;
        };
        boolean hasLatency = l.latency() != null && o.latency() != null;
        Tri tail = !hasLatency ? Tri.UNKNOWN : l.latency().p99() > 1.1 * o.latency().p99() ? Tri.YES : Tri.NO;
        Verdict v;
        if (!hasLatency) {
            v = throughput == Tri.YES ? Verdict.HOLDS : throughput == Tri.NO ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
        } else {
            v = throughput == Tri.YES && tail == Tri.YES ? Verdict.HOLDS
                    : throughput == Tri.NO && tail == Tri.NO ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
        }
        String latency = hasLatency
                ? "; p99 latency eventloop " + num(l.latency().p99()) + " \u00b5s vs eventloop-offload " + num(o.latency().p99())
                        + " \u00b5s (" + (tail == Tri.YES ? "the loop's tail is longer" : "the loop's tail is not > 10% longer") + ")"
                : "; no latency logs, so judged on throughput alone";
        return new Claim(claim, experiment, v,
                "mixed at C = " + l.concurrency() + ", cpu " + num(l.cpuMicros()) + " \u00b5s, io " + num(l.ioMillis())
                        + " ms: eventloop " + ci(l.throughput()) + " vs eventloop-offload " + ci(o.throughput()) + " tasks/s ("
                        + switch (throughput) {
                            case YES -> "offload clearly faster";
                            case NO -> "offload clearly slower";
                            case UNKNOWN -> "intervals overlap or unknown";
                        } + ")" + latency);
    }

    private static Optional<Point> offload(List<Point> points, Point loop) {
        return find(points, p -> p.model().equals("eventloop-offload") && p.cellKey().equals(loop.cellKey()));
    }

    static Claim thousandsOfConnections(List<Point> points) {
        String claim = "thousands of connections at once (002)";
        String experiment = "http at C = 1k\u201310k";
        List<Point> http = filter(points, p -> p.workload().equals("http") && p.concurrency() >= 1000
                && !Double.isNaN(p.efficiency()));
        if (http.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no http points at C \u2265 1000");
        }
        List<String> keep = http.stream().filter(p -> atLeast(p.throughput(), KEEPS_UP * p.ideal()) == Tri.YES)
                .map(Point::model).distinct().toList();
        boolean undecided = http.stream().anyMatch(p -> atLeast(p.throughput(), KEEPS_UP * p.ideal()) == Tri.UNKNOWN);
        Verdict v = !keep.isEmpty() ? Verdict.HOLDS : undecided ? Verdict.INCONCLUSIVE : Verdict.DOES_NOT_HOLD;
        return new Claim(claim, experiment, v, "models clearly keeping \u2265 " + pct(KEEPS_UP) + " of the ideal at C \u2265 1000: "
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
        String experiment = "every point: max in-flight \u2264 C (from the run's points/*.json)";
        List<Point> with = filter(points, p -> p.sidecar() != null);
        if (with.isEmpty()) {
            return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no points/*.json records beside these results");
        }
        List<String> over = with.stream().filter(p -> p.sidecar().maxInFlight() > p.concurrency())
                .map(p -> p.model() + " " + p.workload() + " at C = " + p.concurrency() + ": " + p.sidecar().maxInFlight()).toList();
        String checked = "checked " + with.size() + " of " + points.size() + " points";
        return new Claim(claim, experiment, over.isEmpty() ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                over.isEmpty() ? "max in-flight \u2264 C at every point; " + checked
                        : "exceeded C: " + String.join(", ", over) + "; " + checked);
    }

    /** {@return YES if the whole interval is at or above {@code threshold}, NO if wholly below, else UNKNOWN} */
    private static Tri atLeast(Metric m, double threshold) {
        if (!m.hasScore() || !m.hasInterval() || !Double.isFinite(threshold)) {
            return Tri.UNKNOWN;
        }
        return m.low() >= threshold ? Tri.YES : m.high() < threshold ? Tri.NO : Tri.UNKNOWN;
    }

    private static Verdict verdict(List<Tri> answers) {
        if (answers.contains(Tri.NO)) {
            return Verdict.DOES_NOT_HOLD;
        }
        return answers.stream().allMatch(a -> a == Tri.YES) ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
    }

    private static List<Point> filter(List<Point> points, Predicate<Point> keep) {
        return points.stream().filter(keep).toList();
    }

    private static Optional<Point> find(List<Point> points, Predicate<Point> keep) {
        return points.stream().filter(keep).findFirst();
    }

    static String num(double x) {
        return dev.crossover.reports.html.Format.number(x);
    }

    private static String fixed(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.0f%%", x * 100);
    }

    private static String ci(Metric m) {
        return num(m.score()) + (m.hasInterval() ? " [" + num(m.low()) + ", " + num(m.high()) + "]" : " (no interval)");
    }
}
