package dev.crossover.benchmarks.cli;

import dev.crossover.core.Arrivals;
import dev.crossover.core.ClosedLoop;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.Ledger;
import dev.crossover.core.SharedState;
import dev.crossover.core.WorkloadKind;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What one model did in a {@code scenario}: its measured result and start-up time, and whether its
 * trial failed tasks the workload does not inject.
 *
 * <h2>Passes</h2>
 * How the model is driven is the scenario's {@link Mode}: a steady-state closed loop (a warm-up,
 * then a window of {@code --tasks} outcomes, in one trial), an open loop at {@code --rate}
 * (likewise), or a fixed count ({@code --fixed}: a separate warm-up trial, then every task of the
 * workload once, ramp and drain included). Every trial is drained and checked in full: each task
 * exactly one outcome, the results the reference's for exactly the indices that ran.
 *
 * <h2>Expected failures</h2>
 * The tasks {@code --fail-rate} makes fail are the only expected failures: a trial, warm-up or
 * measured, that fails any other number of the tasks it ran has
 * {@linkplain #unexpectedFailures() failed unexpectedly}.
 *
 * @param measured           the measured result (its totals and check cover the whole trial)
 * @param warmup             the warm-up: its own trial in fixed mode, else the part of the trial before the window
 * @param startupNanos       time to a ready model (its pool, loop or worker JVMs), before any task
 * @param unexpectedFailures whether any trial failed a number of tasks other than the injected ones
 * @param shared             for the {@code shared} workload, the accounts as the measured trial left them; else null
 * @param mechanism          how the model did the workload's waits ({@link ConcurrencyModel#mechanism}), or empty
 */
record ScenarioRun(RunResult measured, Warmup warmup, long startupNanos, boolean unexpectedFailures, Ledger shared,
                   String mechanism) {

    ScenarioRun {
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(mechanism, "mechanism");
    }

    ScenarioRun(RunResult measured, Warmup warmup, long startupNanos, boolean unexpectedFailures) {
        this(measured, warmup, startupNanos, unexpectedFailures, null, "");
    }

    private ScenarioRun withMechanism(String mechanism) {
        return new ScenarioRun(measured, warmup, startupNanos, unexpectedFailures, shared, mechanism);
    }

    /** {@return the account writes the measured trial lost}: two per completed transfer, less those that landed; 0 if not shared */
    long lostUpdates() {
        return shared == null ? 0 : 2 * measured.totals().completed() - shared.updates();
    }

    /** How a scenario drives each model. */
    sealed interface Mode {
        /** C in flight continuously; a window of {@code --tasks} outcomes after the warm-up. */
        record Steady() implements Mode { }

        /** Arrivals at a rate; a window as long as {@code --tasks} arrivals take. */
        record Open(Arrivals arrivals, int maxInFlight) implements Mode { }

        /** Every task once, from the first submission to the last outcome, after a separate warm-up trial. */
        record Fixed() implements Mode { }
    }

    /**
     * The warm-up.
     *
     * @param seconds       how long it ran
     * @param completed     tasks completed in it
     * @param failed        tasks failed in it
     * @param failureCauses how many tasks failed of each cause, in it (fixed mode) or in the whole trial
     */
    record Warmup(double seconds, long completed, long failed, Map<String, Integer> failureCauses) {
        Warmup {
            failureCauses = Map.copyOf(failureCauses);
        }
    }

    /**
     * Creates a model, drives {@code workload} as {@code mode} says, checks the trial, and closes the
     * model, reporting each trial that failed a task to {@code report} as one line.
     *
     * @throws IllegalArgumentException if the model does not run this kind of workload
     */
    static ScenarioRun of(ModelProvider provider, ModelOptions options, Workload workload, Mode mode, Duration warmup,
                          Consumer<String> report) {
        provider.unavailable().ifPresent(reason -> {
            throw new IllegalArgumentException("model: " + provider.id() + " unavailable: " + reason
                    + " (expected: a model that runs on this machine)");
        });
        long creating = System.nanoTime();
        try (ConcurrencyModel model = provider.create(options)) {
            long startupNanos = System.nanoTime() - creating;
            model.accept(workload);
            ScenarioRun run = switch (mode) {
                case Mode.Fixed f -> fixed(provider.id(), model, workload, warmup, startupNanos, report);
                case Mode.Steady s -> inOneTrial(provider.id(), Driver.steady(model, workload, warmup), warmup,
                        startupNanos, report);
                case Mode.Open o -> inOneTrial(provider.id(),
                        Driver.open(model, workload, o.arrivals(), o.maxInFlight(), warmup), warmup, startupNanos, report);
            };
            ScenarioRun withLedger = model instanceof SharedState owner && workload.kind() == WorkloadKind.SHARED
                    ? new ScenarioRun(run.measured(), run.warmup(), run.startupNanos(), run.unexpectedFailures(),
                            owner.ledger(), "")
                    : run;
            return withLedger.withMechanism(model.mechanism(workload.kind()));
        }
    }

    private static ScenarioRun fixed(String id, ConcurrencyModel model, Workload workload, Duration warmup,
                                     long startupNanos, Consumer<String> report) {
        Warmup warm = new Warmup(0, 0, 0, Map.of());
        boolean unexpected = false;
        if (!warmup.isZero()) {
            long start = System.nanoTime();
            try (ClosedLoop loop = Driver.closedLoop(model, workload)) {
                loop.window(warmup);
                ClosedLoop.Drained d = loop.stop(Duration.ofSeconds(120));
                warm = new Warmup((System.nanoTime() - start) / 1e9, d.totals().completed(), d.totals().failed(),
                        d.failureCauses());
                unexpected = check(id, "warm-up", d.totals(), d.failureCauses(), report)
                        || !d.verification().passed();
            }
        }
        RunResult measured = Driver.run(model, workload);
        unexpected |= check(id, "measured run", measured.totals(), measured.failureCauses(), report);
        return new ScenarioRun(measured, warm, startupNanos, unexpected);
    }

    private static ScenarioRun inOneTrial(String id, RunResult r, Duration warmup, long startupNanos,
                                          Consumer<String> report) {
        RunResult.Totals t = r.totals();
        Warmup warm = new Warmup(warmup.toNanos() / 1e9, Math.max(0, t.completed() - r.completed()),
                Math.max(0, t.failed() - r.failed()), r.failureCauses());
        boolean unexpected = check(id, "trial (warm-up, window and drain)", t, r.failureCauses(), report);
        return new ScenarioRun(r, warm, startupNanos, unexpected);
    }

    /** Reports a trial that failed a task; {@return whether its failures were not the injected ones} */
    static boolean check(String model, String pass, RunResult.Totals t, Map<String, Integer> causes,
                         Consumer<String> report) {
        boolean unexpected = t.unexpectedFailures();
        if (t.failed() > 0 || unexpected) {
            report.accept("crossover: scenario: " + model + ": " + pass + ": " + t.failed() + " of " + t.submitted()
                    + " tasks failed" + (unexpected
                            ? " (expected: " + t.expectedFailures() + ", the tasks --fail-rate injects)"
                            : ", all of them injected by --fail-rate")
                    + "; causes " + new TreeMap<>(causes));
        }
        return unexpected;
    }
}
