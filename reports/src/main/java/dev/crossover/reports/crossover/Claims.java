package dev.crossover.reports.crossover;

import dev.crossover.reports.crossover.Claim.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gives each claim of design.md's table a verdict from one run's points. Every claim is a
 * comparison between the models it speaks of, decided by the margin rule of the winner map
 * ({@link Decision}: 95% intervals over the forks, δ = 5% by default): holds, does not hold,
 * equivalent, or inconclusive. No threshold on one model decides a claim. A claim whose points are
 * not in the run is "not measured in this run", never guessed; a dispatch-bound point never
 * decides a claim for its model.
 *
 * <h2>Combining comparisons</h2>
 * A claim judged at several points (or on several models) combines their verdicts: the
 * undecided ones are named in the evidence and left out; among the decided, a claim holds when
 * some hold and the rest are equivalent, does not hold when some fail and the rest are
 * equivalent, is equivalent when all are, and is inconclusive when none is decided or the decided
 * ones disagree; then its evidence begins by saying so ({@link #judged}): it holds for some models
 * or points and not for others, each named.
 *
 * <h2>Checks, not claims</h2>
 * A property that holds by construction (at most C tasks in flight, the seeds' "semaphores")
 * is {@linkplain #checks checked on every point}, not given a verdict.
 */
public final class Claims {
    /** The event-loop models: one loop thread (or Netty's), its waits in a selector or timer wheel. */
    static final List<String> LOOPS = List.of("eventloop", "eventloop-offload", "netty", "netty-epoll");
    /** The thread models: a platform or virtual thread per waiting task. */
    static final List<String> THREADS = List.of("threads-fixed", "threads-per-task", "threads-forkjoin", "threads-virtual");
    /** The loops that run CPU work on their one loop thread. */
    static final List<String> SINGLE_LOOPS = List.of("eventloop", "netty", "netty-epoll");

    private Claims() {
    }

    /**
     * The models a language's claims speak of, by role.
     *
     * @param loops       the event-loop models
     * @param threads     the thread models
     * @param singleLoops the loops that compute on their one loop thread
     * @param processes   the pool of worker processes
     * @param ipc         the models whose shared state lives in another process
     * @param fixedPool   the fixed pool of platform threads
     * @param loop        the loop that computes on its thread
     * @param offload     the same loop handing CPU work to a pool
     * @param cheapThreads the thread models whose CPU per task the loops are set against
     */
    record Groups(List<String> loops, List<String> threads, List<String> singleLoops, String processes, List<String> ipc,
                  String fixedPool, String loop, String offload, List<String> cheapThreads) {
        /** The JVM's models. */
        static final Groups JVM = new Groups(LOOPS, THREADS, SINGLE_LOOPS, "processes",
                List.of("processes", "processes-eventloop"), "threads-fixed", "eventloop", "eventloop-offload",
                List.of("threads-virtual", "threads-fixed"));
        /** The Python reference's models. */
        static final Groups PYTHON = new Groups(List.of("py-asyncio", "py-asyncio-offload", "py-uvloop"), List.of("py-threads"),
                List.of("py-asyncio", "py-uvloop"), "py-processes", List.of("py-processes"), "py-threads", "py-asyncio",
                "py-asyncio-offload", List.of("py-threads"));
    }

    /** {@return the verdict on every claim, in design.md's order, at the default margin} */
    public static List<Claim> evaluate(List<Point> points) {
        return evaluate(points, List.of(), Decision.DEFAULT_MARGIN);
    }

    /** {@return the verdict on every claim from the closed-loop points alone, by {@code margin}} */
    public static List<Claim> evaluate(List<Point> points, double margin) {
        return evaluate(points, List.of(), margin);
    }

    /**
     * {@return the verdict on every claim, in design.md's order}, from the closed-loop {@code points}
     * and the open-loop {@code load} points, by {@code margin}
     */
    public static List<Claim> evaluate(List<Point> points, List<LoadPoint> load, double margin) {
        return evaluate(points, load, margin, Groups.JVM);
    }

    /**
     * {@return the verdict on every claim for the Python reference's models}: the same comparisons,
     * asyncio for the loops, its thread pool and process pool for the threads and processes
     */
    public static List<Claim> evaluatePython(List<Point> points, List<LoadPoint> load, double margin) {
        return evaluate(points, load, margin, Groups.PYTHON);
    }

    static List<Claim> evaluate(List<Point> points, List<LoadPoint> load, double margin, Groups g) {
        // a point the harness bounds (the dispatch ceiling, or the delay server's pace) judges no claim
        List<Point> usable = points.stream().filter(p -> !p.dispatchBound() && !p.serverCapped()).toList();
        Claims.Judge j = new Judge(margin, g);
        return List.of(
                j.waiting(usable, List.of("sleep", "http", "file"), "async I/O is the ideal choice for waiting: network, files (000)"),
                j.littleCpu(load, usable),
                j.processesForCpu(usable),
                j.sharedData(usable),
                j.gather(usable),
                j.blockingCall(load),
                j.singleThreaded(usable, false),
                j.singleThreaded(usable, true),
                j.threadsForIo(usable),
                j.realTime(load),
                j.waiting(usable, List.of("http"), "thousands of connections at once (002)"),
                j.taskGroups(usable));
    }

    /**
     * {@return the properties checked on every point, one line each}: at most C tasks in flight
     * (the seeds' "semaphores throttle access", which the driver guarantees by construction)
     */
    public static List<String> checks(List<Point> points) {
        List<Point> with = points.stream().filter(p -> p.sidecar() != null).toList();
        if (with.isEmpty()) {
            return List.of();
        }
        List<String> over = with.stream().filter(p -> p.sidecar().maxInFlight() > p.concurrency())
                .map(p -> p.model() + " " + p.workload() + " at C = " + p.concurrency() + ": " + p.sidecar().maxInFlight()).toList();
        return List.of(over.isEmpty()
                ? "at most C tasks in flight at every point (" + with.size() + " checked)"
                : "more than C tasks in flight: " + String.join(", ", over) + " (" + with.size() + " checked)");
    }

    /** {@return the combined verdict of several comparisons} (see the class comment) */
    static Verdict combine(List<Verdict> verdicts) {
        List<Verdict> decided = verdicts.stream()
                .filter(v -> v == Verdict.HOLDS || v == Verdict.DOES_NOT_HOLD || v == Verdict.EQUIVALENT).toList();
        if (verdicts.isEmpty()) {
            return Verdict.NOT_MEASURED;
        }
        if (decided.isEmpty()) {
            return Verdict.INCONCLUSIVE;
        }
        boolean holds = decided.contains(Verdict.HOLDS);
        boolean fails = decided.contains(Verdict.DOES_NOT_HOLD);
        if (holds && fails) {
            return Verdict.INCONCLUSIVE;
        }
        return holds ? Verdict.HOLDS : fails ? Verdict.DOES_NOT_HOLD : Verdict.EQUIVALENT;
    }

    /**
     * {@return a claim with the combined verdict of {@code verdicts}}; when decided comparisons disagree
     * (inconclusive, though each was decided), the evidence begins by saying so
     */
    static Claim judged(String claim, String experiment, List<Verdict> verdicts, String evidence) {
        boolean split = verdicts.contains(Verdict.HOLDS) && verdicts.contains(Verdict.DOES_NOT_HOLD);
        return new Claim(claim, experiment, combine(verdicts), split ? SPLIT + evidence : evidence);
    }

    /** How the evidence of a claim whose decided comparisons disagree begins. */
    static final String SPLIT = "decided comparisons disagree (it holds for some, not for others): ";

    /** {@return the verdict of "A is better than B" from their decision} */
    static Verdict better(Decision d) {
        return switch (d.outcome()) {
            case BETTER -> Verdict.HOLDS;
            case WORSE -> Verdict.DOES_NOT_HOLD;
            case EQUIVALENT -> Verdict.EQUIVALENT;
            case INCONCLUSIVE -> Verdict.INCONCLUSIVE;
        };
    }

    /** The claims, each judged by one margin. */
    static final class Judge {
        private final double margin;
        private final Groups g;

        Judge(double margin, Groups g) {
            this.margin = margin;
            this.g = g;
        }

        /** {@return the best (highest mean rate) of {@code models} among {@code points}} */
        private static Optional<Point> best(List<Point> points, List<String> models) {
            return points.stream().filter(p -> models.contains(p.model()) && p.throughput().hasScore())
                    .max(Comparator.comparingDouble(Point::rate).thenComparing(Point::model, Comparator.reverseOrder()));
        }

        private static Map<Cell.Key, List<Point>> byCell(List<Point> points) {
            Map<Cell.Key, List<Point>> out = new LinkedHashMap<>();
            points.forEach(p -> out.computeIfAbsent(p.cellKey(), k -> new ArrayList<>()).add(p));
            return out;
        }

        private static String where(Point p) {
            return p.workload() + " " + num(p.ioMillis()) + " ms" + (p.cpuMicros() > 0 ? " + " + num(p.cpuMicros()) + " \u00b5s" : "")
                    + " at C = " + num(p.concurrency());
        }

        private static String rate(Point p) {
            Estimate e = p.estimate();
            return p.model() + " " + num(e.forks() > 0 ? e.mean() : p.throughput().score()) + "/s";
        }

        private String rule() {
            return "margin " + Math.round(margin * 100) + "%, 95% intervals over the forks";
        }

        Claim waiting(List<Point> points, List<String> workloads, String claim) {
            String experiment = String.join("/", workloads) + " at C \u2265 1,000: the best loop model ("
                    + String.join(", ", LOOPS) + ") against the best thread model (" + String.join(", ", THREADS)
                    + "): throughput, and p99 latency where recorded; holds when the loop is better by the margin";
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            byCell(points.stream().filter(p -> workloads.contains(p.workload()) && p.concurrency() >= 1000).toList())
                    .forEach((key, ps) -> {
                        Optional<Point> loop = best(ps, g.loops());
                        Optional<Point> thread = best(ps, g.threads());
                        if (loop.isEmpty() || thread.isEmpty()) {
                            return;
                        }
                        Decision tp = Decision.of(loop.get().forkRates(), thread.get().forkRates(), margin);
                        List<Verdict> here = new ArrayList<>(List.of(better(tp)));
                        String line = where(loop.get()) + ": " + rate(loop.get()) + " vs " + rate(thread.get()) + " "
                                + tp.words() + " " + words(better(tp));
                        List<Double> lp = sidecarP99(loop.get());
                        List<Double> tq = sidecarP99(thread.get());
                        if (!lp.isEmpty() && !tq.isEmpty()) {
                            Decision p99 = Decision.lowerIsBetter(lp, tq, margin);
                            here.add(better(p99));
                            line += "; p99 " + num(mean(lp)) + " vs " + num(mean(tq)) + " \u00b5s " + p99.words() + " "
                                    + words(better(p99));
                        }
                        Verdict v = combine(here);
                        verdicts.add(v);
                        evidence.add(line);
                    });
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no " + String.join("/", workloads)
                        + " point at C \u2265 1,000 with both a loop model and a thread model");
            }
            return judged(claim, experiment, verdicts, rule() + ": " + String.join("; ", evidence));
        }

        private static List<Double> sidecarP99(Point p) {
            return p.sidecar() == null ? List.of() : p.sidecar().forkLatencyP99();
        }

        Claim littleCpu(List<LoadPoint> load, List<Point> points) {
            String claim = "async I/O runs many tasks without much CPU (000)";
            String experiment = "open loop at one offered rate: CPU time per task (the fork's process tree, less the "
                    + "harness's cost per task: the lowest null-workload CPU per task in the run), the best loop model "
                    + "against the best thread model (threads-virtual, threads-fixed); holds when the loop needs less by the margin";
            double harness = points.stream().filter(p -> p.workload().equals("null") && p.sidecar() != null
                            && p.sidecar().hasMeasuredCpu()).mapToDouble(p -> p.sidecar().cpuMicrosPerTask()).min().orElse(0);
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            fixedRate(load).forEach((slice, ps) -> {
                Optional<LoadPoint> loop = lowest(ps, g.loops(), harness);
                Optional<LoadPoint> thread = lowest(ps, g.cheapThreads(), harness);
                if (loop.isEmpty() || thread.isEmpty()) {
                    return;
                }
                List<Double> a = net(loop.get(), harness);
                List<Double> b = net(thread.get(), harness);
                Decision d = Decision.lowerIsBetter(a, b, margin);
                verdicts.add(better(d));
                evidence.add(slice + ": " + loop.get().model() + " " + num(mean(a)) + " \u00b5s/task vs "
                        + thread.get().model() + " " + num(mean(b)) + " \u00b5s/task " + d.words() + " " + words(better(d)));
            });
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                        "no open-loop point at one offered rate with per-fork CPU time for a loop and a thread model");
            }
            return judged(claim, experiment, verdicts, rule() + "; harness cost taken off: " + num(harness)
                    + " \u00b5s/task; " + String.join("; ", evidence));
        }

        /** {@return the open-loop points at a fixed rate (no share of a capacity), by workload, wait, work, rate and other params} */
        private static Map<String, List<LoadPoint>> fixedRate(List<LoadPoint> load) {
            Map<String, List<LoadPoint>> out = new LinkedHashMap<>();
            load.stream().filter(p -> p.load() == 0 && p.sidecar() != null
                            && p.other().getOrDefault("cpuDist", "fixed").equals("fixed"))
                    .forEach(p -> out.computeIfAbsent(p.sourceLabel() + " " + p.workload() + " " + num(p.ioMillis()) + " ms + "
                            + num(p.cpuMicros()) + " \u00b5s at " + num(p.rate()) + " tasks/s" + others(p.other()), k -> new ArrayList<>()).add(p));
            return out;
        }

        private static Optional<LoadPoint> lowest(List<LoadPoint> ps, List<String> models, double harness) {
            return ps.stream().filter(p -> models.contains(p.model()) && !net(p, harness).isEmpty())
                    .min(Comparator.comparingDouble(p -> mean(net(p, harness))));
        }

        private static List<Double> net(LoadPoint p, double harness) {
            List<Double> cpu = p.sidecar().forkCpuMicros();
            if (cpu.size() < 2) {
                return List.of();
            }
            return cpu.stream().map(c -> Math.max(c - harness, 1e-3)).toList();
        }

        Claim processesForCpu(List<Point> points) {
            String claim = "processes are the better choice for CPU-heavy tasks (000)";
            String experiment = "cpu at C = cores and at the highest C above: processes (one worker per core) against the "
                    + "best thread model; holds when processes are better by the margin";
            List<Point> cpu = points.stream().filter(p -> p.workload().equals("cpu")).toList();
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            byCell(cpu).forEach((key, ps) -> {
                Optional<Point> procs = ps.stream().filter(p -> p.model().equals(g.processes())).findFirst();
                Optional<Point> thread = best(ps, g.threads());
                int cores = cores(ps);
                if (procs.isEmpty() || thread.isEmpty() || (cores > 0 && key.concurrency() < cores)) {
                    return;
                }
                Decision d = Decision.of(procs.get().forkRates(), thread.get().forkRates(), margin);
                verdicts.add(better(d));
                evidence.add(where(procs.get()) + ": " + rate(procs.get()) + " vs " + rate(thread.get()) + " " + d.words()
                        + " " + words(better(d)));
            });
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                        "no cpu point at C \u2265 cores measured under both processes and a thread model");
            }
            return judged(claim, experiment, verdicts, rule() + ": " + String.join("; ", evidence)
                    + (g == Groups.JVM ? "; the JVM has no GIL: its threads compute in parallel, and a worker process adds pipe IPC per task"
                            : "; CPython's GIL lets one thread compute at a time, and each worker process has an interpreter of its own"));
        }

        private static int cores(List<Point> ps) {
            return ps.stream().map(p -> p.result().source().get("cores")).filter(c -> c != null && c.matches("\\d+"))
                    .mapToInt(Integer::parseInt).findFirst().orElse(0);
        }

        Claim sharedData(List<Point> points) {
            String claim = "threads suit shared data with light CPU (000)";
            String experiment = "shared: the best thread model (locks) against the best loop (confinement) and processes "
                    + "(IPC to the owner); holds when threads are not worse than either by more than the margin";
            List<Point> shared = points.stream().filter(p -> p.workload().equals("shared")
                    && !"none".equals(p.other().get("lock"))).toList();
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            byCell(shared).forEach((key, ps) -> {
                Optional<Point> thread = best(ps, g.threads());
                List<String> others = new ArrayList<>(g.loops());
                others.addAll(g.ipc());
                Optional<Point> other = best(ps, others);
                if (thread.isEmpty() || other.isEmpty()) {
                    return;
                }
                Decision d = Decision.of(thread.get().forkRates(), other.get().forkRates(), margin);
                Verdict v = d.outcome() == Decision.Outcome.EQUIVALENT ? Verdict.HOLDS : better(d);
                verdicts.add(v);
                evidence.add(where(thread.get()) + ": " + rate(thread.get()) + " vs " + rate(other.get()) + " " + d.words()
                        + " " + words(v));
            });
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                        "no shared-state point with both a thread model and a loop or process model in this run");
            }
            return judged(claim, experiment, verdicts, rule() + ": " + String.join("; ", evidence));
        }

        Claim gather(List<Point> points) {
            String claim = "three 2 s tasks take 6 s in sequence, 2 s with gather (001)";
            String experiment = "sleep, C = 1 vs C = 3, every model: the throughput at C = 3 over C = 1 against the "
                    + "overlap the model's configuration allows (3, or its workers/parallelism when fewer); holds for a model "
                    + "whose ratio is equivalent to that (or above), fails for one clearly below";
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            List<Point> sleep = points.stream().filter(p -> p.workload().equals("sleep")).toList();
            for (Point p3 : sleep.stream().filter(p -> p.concurrency() == 3)
                    .sorted(Comparator.comparing(Point::model)).toList()) {
                Optional<Point> one = sleep.stream().filter(p -> p.concurrency() == 1 && p.model().equals(p3.model())
                        && p.slice().equals(p3.slice())).findFirst();
                if (one.isEmpty() || one.get().forkRates().size() < 2 || p3.forkRates().size() < 2) {
                    continue;
                }
                int cap = Math.min(3, cap(p3));
                List<Double> target = one.get().forkRates().stream().map(x -> x * cap).toList();
                Decision d = Decision.of(p3.forkRates(), target, margin);
                Verdict v = d.outcome() == Decision.Outcome.BETTER || d.outcome() == Decision.Outcome.EQUIVALENT
                        ? Verdict.HOLDS : better(d);
                verdicts.add(v);
                double r = p3.rate() / one.get().rate();
                evidence.add(p3.model() + " \u00d7" + fixed(r) + " (" + (cap < 3 ? "at most " + cap + ": its configuration"
                        : "3 expected") + "; against it " + d.words() + ") " + words(v));
            }
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no model measured at both C = 1 and C = 3 on sleep");
            }
            return judged(claim, experiment, verdicts, rule() + ": " + String.join("; ", evidence));
        }

        /** {@return how many tasks a model's configuration runs at once, from the run's model defaults; max when unbounded} */
        private static int cap(Point p) {
            if (p.model().equals("py-processes")) {
                int cores = cores(List.of(p));
                return cores > 0 ? cores : Integer.MAX_VALUE;  // ProcessPoolExecutor: one worker per core
            }
            String config = p.result().source().get("modelDefaults." + p.model());
            if (config == null) {
                return Integer.MAX_VALUE;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:workers|parallelism|threads)=(\\d+)").matcher(config);
            if (p.model().equals("processes-eventloop") || p.model().equals("eventloop-offload")
                    || p.model().startsWith("py-asyncio")) {
                return Integer.MAX_VALUE;  // loops: their waits overlap whatever the workers or the pool
            }
            return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
        }

        Claim blockingCall(List<LoadPoint> load) {
            String claim = "a blocking call inside a loop blocks everything (001)";
            String experiment = "open loop at one rate, light tasks with CPU spikes on fewer than 1% of them (--cpu-dist "
                    + "spike), so the p99 from intended start is the light tasks' own tail: eventloop against "
                    + "eventloop-offload; holds when the loop's is longer by the margin";
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            Map<String, List<LoadPoint>> spiky = new LinkedHashMap<>();
            load.stream().filter(p -> p.other().getOrDefault("cpuDist", "fixed").startsWith("spike") && p.sidecar() != null)
                    .forEach(p -> spiky.computeIfAbsent(p.sourceLabel() + " " + p.workload() + " " + num(p.ioMillis()) + " ms + "
                            + num(p.cpuMicros()) + " \u00b5s at " + num(p.rate()) + "/s" + others(p.other()), k -> new ArrayList<>()).add(p));
            spiky.forEach((slice, ps) -> {
                Optional<LoadPoint> loop = ps.stream().filter(p -> p.model().equals(g.loop())).findFirst();
                Optional<LoadPoint> off = ps.stream().filter(p -> p.model().equals(g.offload())).findFirst();
                if (loop.isEmpty() || off.isEmpty()) {
                    return;
                }
                List<Double> a = loop.get().sidecar().forkLatencyP99();
                List<Double> b = off.get().sidecar().forkLatencyP99();
                Decision d = Decision.lowerIsBetter(b, a, margin);  // offload's tail shorter: the loop's block shows
                verdicts.add(better(d));
                evidence.add(slice + ": p99 eventloop " + num(mean(a)) + " \u00b5s vs eventloop-offload " + num(mean(b))
                        + " \u00b5s (offload over loop " + d.words() + ") " + words(better(d)));
            });
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                        "no open-loop point with CPU spikes under both eventloop and eventloop-offload in this run");
            }
            return judged(claim, experiment, verdicts, rule() + ": " + String.join("; ", evidence));
        }

        Claim singleThreaded(List<Point> points, boolean single) {
            String claim = single ? "async IO is single-threaded and only appears parallel (002)"
                    : "asynchronous programming is a multi-threaded model (001)";
            String experiment = "cpu, C = cores vs C = 1: the speedup of " + String.join(", ", SINGLE_LOOPS)
                    + " (CPU on the loop thread) against 1, eventloop-offload and the thread models beside it; "
                    + (single ? "holds when the loops' speedup is equivalent to 1" : "holds when the loops' speedup is above 1 by the margin");
            List<Point> cpu = points.stream().filter(p -> p.workload().equals("cpu")).toList();
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            List<String> context = new ArrayList<>();
            for (Point one : cpu.stream().filter(p -> p.concurrency() == 1).sorted(Comparator.comparing(Point::model)).toList()) {
                int cores = cores(List.of(one));
                int k = cores > 1 ? cores : 2;
                Optional<Point> many = cpu.stream().filter(p -> p.concurrency() == k && p.model().equals(one.model())
                        && p.slice().equals(one.slice())).findFirst();
                if (many.isEmpty()) {
                    continue;
                }
                Decision d = Decision.of(many.get().forkRates(), one.forkRates(), margin);
                String line = one.model() + " \u00d7" + fixed(many.get().rate() / one.rate()) + " at C = " + k + " " + d.words();
                if (g.singleLoops().contains(one.model())) {
                    Verdict v = single
                            ? switch (d.outcome()) {
                                case EQUIVALENT, WORSE -> Verdict.HOLDS;
                                case BETTER -> Verdict.DOES_NOT_HOLD;
                                case INCONCLUSIVE -> Verdict.INCONCLUSIVE;
                            }
                            : switch (d.outcome()) {
                                case BETTER -> Verdict.HOLDS;
                                case EQUIVALENT, WORSE -> Verdict.DOES_NOT_HOLD;
                                case INCONCLUSIVE -> Verdict.INCONCLUSIVE;
                            };
                    verdicts.add(v);
                    evidence.add(line + " " + words(v));
                } else {
                    context.add(line);
                }
            }
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED, "no loop model measured on cpu at both C = 1 and C = cores");
            }
            return judged(claim, experiment, verdicts, rule() + ": " + String.join("; ", evidence)
                    + (context.isEmpty() ? "" : "; beside them: " + String.join("; ", context)));
        }

        Claim threadsForIo(List<Point> points) {
            String claim = "threads suit I/O-bound tasks (002)";
            String experiment = "sleep/http at 1 < C \u2264 200: threads-fixed (200 threads) against the best loop model; "
                    + "holds when threads-fixed is not worse by more than the margin (equivalent or better)";
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            byCell(points.stream().filter(p -> (p.workload().equals("sleep") || p.workload().equals("http"))
                    && p.concurrency() > 1 && p.concurrency() <= 200).toList()).forEach((key, ps) -> {
                        Optional<Point> fixed = ps.stream().filter(p -> p.model().equals(g.fixedPool())).findFirst();
                        Optional<Point> loop = best(ps, g.loops());
                        if (fixed.isEmpty() || loop.isEmpty()) {
                            return;
                        }
                        Decision d = Decision.of(fixed.get().forkRates(), loop.get().forkRates(), margin);
                        Verdict v = d.outcome() == Decision.Outcome.EQUIVALENT ? Verdict.HOLDS : better(d);
                        verdicts.add(v);
                        evidence.add(where(fixed.get()) + ": " + rate(fixed.get()) + " vs " + rate(loop.get()) + " "
                                + d.words() + " " + words(v));
                    });
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                        "no sleep/http point at 1 < C \u2264 200 with threads-fixed and a loop model");
            }
            return judged(claim, experiment, verdicts, rule() + ": " + String.join("; ", evidence));
        }

        Claim realTime(List<LoadPoint> load) {
            String claim = "real-time applications need async (001)";
            String experiment = "open loop at one offered rate: p99 from each task's intended start, the best loop model "
                    + "against the best thread model; holds when the loop's is shorter by the margin";
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            fixedRate(load).forEach((slice, ps) -> {
                Optional<LoadPoint> loop = lowestP99(ps, g.loops());
                Optional<LoadPoint> thread = lowestP99(ps, g.threads());
                if (loop.isEmpty() || thread.isEmpty()) {
                    return;
                }
                List<Double> a = loop.get().sidecar().forkLatencyP99();
                List<Double> b = thread.get().sidecar().forkLatencyP99();
                Decision d = Decision.lowerIsBetter(a, b, margin);
                verdicts.add(better(d));
                evidence.add(slice + ": p99 " + loop.get().model() + " " + num(mean(a)) + " \u00b5s vs "
                        + thread.get().model() + " " + num(mean(b)) + " \u00b5s " + d.words() + " " + words(better(d)));
            });
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                        "no open-loop point at one offered rate with per-fork latency for a loop and a thread model");
            }
            return judged(claim, experiment, verdicts, rule() + ": " + String.join("; ", evidence));
        }

        private static Optional<LoadPoint> lowestP99(List<LoadPoint> ps, List<String> models) {
            return ps.stream().filter(p -> models.contains(p.model()) && p.sidecar().forkLatencyP99().size() >= 2
                            && !p.rejectedAny())
                    .min(Comparator.comparingDouble(p -> mean(p.sidecar().forkLatencyP99())));
        }

        Claim taskGroups(List<Point> points) {
            String claim = "task groups cancel the rest when one fails (000)";
            String experiment = "fanout with --fail-rate (a wait fails halfway through it): the median time to a failed "
                    + "task's outcome against the wait its siblings still have (the whole wait), per model; holds for a model "
                    + "whose groups end earlier by the margin (it cancels the rest), fails for one that waits for them";
            List<Verdict> verdicts = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            points.stream().filter(p -> p.workload().equals("fanout") && p.sidecar() != null
                            && Double.parseDouble(p.other().getOrDefault("failRate", "0")) > 0)
                    .sorted(Comparator.comparing(Point::model)).forEach(p -> {
                        List<Double> failed = p.sidecar().forkFailedP50();
                        if (failed.size() < 2) {
                            return;
                        }
                        List<Double> siblings = failed.stream().map(x -> p.ioMillis() * 1000).toList();
                        Decision d = Decision.lowerIsBetter(failed, siblings, margin);
                        Verdict v = d.outcome() == Decision.Outcome.BETTER ? Verdict.HOLDS
                                : d.outcome() == Decision.Outcome.INCONCLUSIVE ? Verdict.INCONCLUSIVE : Verdict.DOES_NOT_HOLD;
                        verdicts.add(v);
                        evidence.add(p.model() + ": failed groups end at " + num(mean(failed)) + " \u00b5s vs the siblings' "
                                + num(p.ioMillis() * 1000) + " \u00b5s " + d.words() + " " + words(v));
                    });
            if (verdicts.isEmpty()) {
                return new Claim(claim, experiment, Verdict.NOT_MEASURED,
                        "no fanout point with injected failures and per-fork failure times in this run");
            }
            return judged(claim, experiment, verdicts, rule() + ": " + String.join("; ", evidence));
        }
    }

    private static String words(Verdict v) {
        return switch (v) {
            case HOLDS -> "(holds)";
            case DOES_NOT_HOLD -> "(does not hold)";
            case EQUIVALENT -> "(equivalent)";
            case INCONCLUSIVE -> "(inconclusive)";
            case NOT_MEASURED -> "(not measured)";
        };
    }

    /** {@return the other params as ", k v" each (so points of different params are never paired), empty when none} */
    private static String others(java.util.SortedMap<String, String> other) {
        StringBuilder b = new StringBuilder();
        other.forEach((k, v) -> b.append(", ").append(k).append(' ').append(v));
        return b.toString();
    }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static String num(double x) {
        return dev.crossover.reports.html.Format.number(x);
    }

    private static String fixed(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
