package dev.crossover.benchmarks.cli;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What one model did in a {@code scenario}: its warm-up passes, summed, its measured pass and its
 * start-up time; and whether a pass failed tasks the workload does not inject.
 *
 * <h2>Expected failures</h2>
 * The tasks {@code --fail-rate} makes fail ({@link Workload#expectedFailures()}) are the only
 * expected failures: a pass that fails any other number of tasks, warm-up or measured, has
 * {@linkplain #unexpectedFailures() failed unexpectedly}.
 *
 * @param measured           the measured pass
 * @param warmup             the warm-up passes, summed
 * @param startupNanos       time to a ready model (its pool, loop or worker JVMs), before any pass
 * @param expectedFailures   the tasks the workload injects to fail, per pass
 * @param unexpectedFailures whether any pass failed a number of tasks other than the injected ones
 */
record ScenarioRun(RunResult measured, Warmup warmup, long startupNanos, int expectedFailures,
                   boolean unexpectedFailures) {

    ScenarioRun {
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(warmup, "warmup");
    }

    /**
     * The warm-up passes of one model, summed.
     *
     * @param passes           how many ran
     * @param completed        tasks completed in all of them
     * @param failed           tasks failed in all of them
     * @param expectedFailures tasks the workload injects to fail, in all of them
     * @param failureCauses    how many tasks failed of each cause, in all of them
     */
    record Warmup(int passes, int completed, int failed, int expectedFailures, Map<String, Integer> failureCauses) {
        Warmup {
            failureCauses = Map.copyOf(failureCauses);
        }

        static Warmup of(List<RunResult> passes, int expectedFailuresPerPass) {
            Map<String, Integer> causes = new TreeMap<>();
            passes.forEach(r -> r.failureCauses().forEach((cause, n) -> causes.merge(cause, n, Integer::sum)));
            return new Warmup(passes.size(), passes.stream().mapToInt(RunResult::completed).sum(),
                    passes.stream().mapToInt(RunResult::failed).sum(), expectedFailuresPerPass * passes.size(), causes);
        }
    }

    /**
     * Creates a model, runs {@code warmup} unmeasured passes and one measured pass of
     * {@code workload}, and closes it, reporting each pass that failed a task to {@code report} as
     * one line.
     *
     * @param expectedFailures {@link Workload#expectedFailures()} of {@code workload}
     * @throws IllegalArgumentException if the model does not run this kind of workload
     */
    static ScenarioRun of(ModelProvider provider, ModelOptions options, Workload workload, int warmup,
                          int expectedFailures, Consumer<String> report) {
        long creating = System.nanoTime();
        try (ConcurrencyModel model = provider.create(options)) {
            long startupNanos = System.nanoTime() - creating;
            boolean unexpected = false;
            List<RunResult> warm = new java.util.ArrayList<>();
            for (int i = 0; i < warmup; i++) {
                RunResult r = model.run(workload);
                warm.add(r);
                unexpected |= check(provider.id(), "warm-up pass " + (i + 1) + " of " + warmup, r, expectedFailures, report);
            }
            RunResult measured = model.run(workload);
            unexpected |= check(provider.id(), "measured pass", measured, expectedFailures, report);
            return new ScenarioRun(measured, Warmup.of(warm, expectedFailures), startupNanos, expectedFailures, unexpected);
        }
    }

    /** Reports a pass that failed a task; {@return whether its failures were not the injected ones} */
    static boolean check(String model, String pass, RunResult r, int expectedFailures, Consumer<String> report) {
        boolean unexpected = r.failed() != expectedFailures;
        if (r.failed() > 0 || unexpected) {
            report.accept("crossover: scenario: " + model + ": " + pass + ": " + r.failed() + " of " + r.submitted()
                    + " tasks failed" + (unexpected
                            ? " (expected: " + expectedFailures + ", the tasks --fail-rate injects)"
                            : ", all of them injected by --fail-rate")
                    + "; causes " + new TreeMap<>(r.failureCauses()));
        }
        return unexpected;
    }
}
