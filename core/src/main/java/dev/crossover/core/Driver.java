package dev.crossover.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs workloads against models: the one piece of code that measures, the same for every model.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * try (ConcurrencyModel model = Models.create("threads-virtual", ModelOptions.defaults())) {
 *     RunResult all = Driver.run(model, workload);                       // every task once, checked in full
 *     RunResult steady = Driver.steady(model, workload, Duration.ofSeconds(1));   // a window after a warm-up
 *     RunResult open = Driver.open(model, workload, new Arrivals(Arrivals.Kind.POISSON, 5_000, 1),
 *             10_000, Duration.ofSeconds(1));
 * }
 * }
 */
public final class Driver {
    /**
     * The version of how results are measured; {@code compare} refuses to compare across versions.
     * 2: one driver for every model, steady-state windows ({@code completed} is a steady rate), open loop.
     * 3: a closed loop's chains start spread over one task time (no waves in phase); the sweep's
     * points are repeated in independent forks, as shuffled rounds.
     * 4: a JMH iteration counts from the end of its set-up (3 counted what finished while the set-up
     * sampled CPU time, up to 16% too many at 20,000 tasks/s in a 300 ms window).
     */
    public static final int METHOD_VERSION = 4;

    /** A trial is checked in full up to this many tasks… */
    static final long FULL_CHECK_TASKS = 20_000_000;
    /**
     * …and this much CPU work to recompute (a quarter of a CPU-second: the check runs in the trial's
     * tear-down, one thread, and at 2 CPU-s it took about a third of a CPU-bound fork); beyond either,
     * on a seeded sample. {@code scenario} and the tests check in full whatever the cost.
     */
    static final double FULL_CHECK_CPU_NANOS = 0.25e9;
    /** How long a loop that stops submitting waits without any outcome before it gives up on its last tasks. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

    private Driver() {
    }

    /** {@return whether recomputing {@code tasks} tasks of {@code workload} is cheap enough to check them all} */
    static boolean cheapToCheck(Workload workload, long tasks) {
        return tasks <= FULL_CHECK_TASKS && tasks * (double) workload.cpuNanos() <= FULL_CHECK_CPU_NANOS;
    }

    /**
     * Runs every task of {@code workload} once, {@code concurrency} in flight, from the first
     * submission to the last outcome (ramp and drain included), and checks every result.
     */
    public static RunResult run(ConcurrencyModel model, Workload workload) {
        ClosedLoop loop = ClosedLoop.start(model, workload, workload.tasks(), ClosedLoop.Check.FULL, false);
        return loop.fixedResult(loop.drain(DRAIN_TIMEOUT));
    }

    /**
     * Runs a closed loop of {@code concurrency} in flight: a warm-up of {@code warmup}, then one
     * window that ends once {@code workload.tasks()} outcomes have landed inside it; then drains
     * and checks every task of the trial (warm-up included) in full.
     */
    public static RunResult steady(ConcurrencyModel model, Workload workload, Duration warmup) {
        try (ClosedLoop loop = ClosedLoop.start(model, workload, Long.MAX_VALUE, ClosedLoop.Check.FULL, true)) {
            loop.window(warmup);
            ClosedLoop.Window window = loop.window(workload.tasks(), Duration.ofHours(1));
            return loop.windowResult(window, loop.stop(DRAIN_TIMEOUT));
        }
    }

    /** {@return an endless closed loop, already running}: measure it with windows, then stop it */
    public static ClosedLoop closedLoop(ConcurrencyModel model, Workload workload) {
        return ClosedLoop.start(model, workload, Long.MAX_VALUE, ClosedLoop.Check.AUTO, true);
    }

    /**
     * Runs an open loop: arrivals on {@code arrivals}' schedule, at most {@code maxInFlight} in
     * flight; a warm-up of {@code warmup}, then one window as long as {@code workload.tasks()}
     * arrivals take at the rate; then drains and checks the trial.
     */
    public static RunResult open(ConcurrencyModel model, Workload workload, Arrivals arrivals, int maxInFlight,
                                 Duration warmup) {
        Objects.requireNonNull(arrivals, "arrivals");
        try (OpenLoop loop = openLoop(model, workload, arrivals, maxInFlight)) {
            loop.warmUp(warmup);
            OpenLoop.Window window = loop.window(Duration.ofNanos((long) (workload.tasks() / arrivals.rate() * 1e9)));
            return loop.result(window, loop.stop(DRAIN_TIMEOUT));
        }
    }

    /** {@return an endless open loop, already running}: measure it with windows, then stop it */
    public static OpenLoop openLoop(ConcurrencyModel model, Workload workload, Arrivals arrivals, int maxInFlight) {
        return OpenLoop.start(model, workload, arrivals, maxInFlight, true);
    }
}
