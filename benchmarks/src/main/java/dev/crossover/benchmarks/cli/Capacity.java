package dev.crossover.benchmarks.cli;

import dev.crossover.benchmarks.Profile;
import dev.crossover.core.ClosedLoop;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.Kernel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A model's closed-loop capacity at an open-loop grid point, measured in the {@code run} command's
 * own JVM before its open-loop points: the same driver, a closed loop of the grid's
 * {@code capacityConcurrency}, a warm-up of {@value #WARMUP_MILLIS} ms, then a
 * {@value #WINDOW_MILLIS} ms window; the trial is drained and checked like any other.
 *
 * <h2>Threading</h2>
 * One thread (the sweep's).
 */
final class Capacity {
    static final long WARMUP_MILLIS = 500;
    static final long WINDOW_MILLIS = 1_000;

    private final Kernel.Calibration calibration;
    private final Map<String, Double> measured = new HashMap<>();

    Capacity(Kernel.Calibration calibration) {
        this.calibration = calibration;
    }

    /**
     * {@return tasks per second of {@code model} at the open-loop point {@code params}} (measured
     * once per model and point)
     * @throws IllegalStateException if the trial fails its check
     */
    double of(String model, Map<String, String> params) {
        String key = key(model, params);
        Double rate = measured.get(key);
        if (rate == null) {
            rate = measure(model, params);
            measured.put(key, rate);
        }
        return rate;
    }

    /** {@return whether {@link #of} has measured this already} */
    boolean known(String model, Map<String, String> params) {
        return measured.containsKey(key(model, params));
    }

    private static String key(String model, Map<String, String> params) {
        return model + "@" + params.get("workload") + "," + params.get("ioMillis") + "," + params.get("cpuMicros")
                + "," + params.get("concurrency");
    }

    private double measure(String model, Map<String, String> params) {
        Duration cpu = Duration.ofNanos(Long.parseLong(params.get("cpuMicros")) * 1_000);
        Workload workload = Workload.builder(WorkloadKind.byId(params.get("workload")))
                .concurrency(Integer.parseInt(params.get("concurrency")))
                .io(Duration.ofMillis(Long.parseLong(params.get("ioMillis"))))
                .cpu(cpu, cpu.isZero() ? new Kernel.Calibration(1) : calibration).build();
        try (ConcurrencyModel m = Models.create(model, ModelOptions.defaults());
             ClosedLoop loop = Driver.closedLoop(m, workload)) {
            loop.window(Duration.ofMillis(WARMUP_MILLIS));
            ClosedLoop.Window window = loop.window(Duration.ofMillis(WINDOW_MILLIS));
            ClosedLoop.Drained drained = loop.stop(Duration.ofSeconds(Profile.Pinned.TIMEOUT_SECONDS));
            if (!drained.verification().passed() || drained.unexpectedFailures() > 0) {
                throw new IllegalStateException(model + ": capacity trial: " + drained.verification().describe()
                        + ", " + drained.totals());
            }
            return window.rate();
        }
    }

    /** {@return the rate to offer at {@code load} percent of {@code capacity}}: at least 1 task/s */
    static long rateFor(double capacity, int load) {
        return Math.max(1, Math.round(capacity * load / 100.0));
    }
}
