package dev.crossover.benchmarks.footprint;

import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import dev.crossover.core.Models;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The footprint of several models at several task counts: each model and N in a fresh JVM
 * ({@link ProbeJvm}), one after another, the platform's limits read first ({@link PlatformLimits}).
 *
 * <h2>What is not tried</h2>
 * A task count whose platform threads ({@link ModelProvider#threadsPerTask}) exceed what the
 * limits leave right then is {@code refused}, with the limit named; once a model fails at one N,
 * its larger N are {@code skipped}, with that cause. Either way the run goes on with the next.
 *
 * <h2>Threading</h2>
 * {@link #run} runs on its caller's thread, one probe at a time (two at once would measure each other).
 */
public final class FootprintRun {
    private final ProbeJvm probe;
    private final PlatformLimits limits;
    private final LongSupplier threadsInUse;
    private final java.util.function.Consumer<String> progress;

    public FootprintRun(ProbeJvm probe, PlatformLimits limits, LongSupplier threadsInUse,
                        java.util.function.Consumer<String> progress) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.threadsInUse = Objects.requireNonNull(threadsInUse, "threadsInUse");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * What a run found.
     *
     * @param models    each model's footprint, in the order asked
     * @param limits    the platform's limits
     * @param jvmArgs   every probe JVM's flags
     * @param start     when it started
     * @param end       when it ended
     * @param loadStart the load averages (1, 5, 15 minutes) at the start; empty if unknown
     * @param loadEnd   the load averages at the end
     */
    public record Result(List<ModelFootprint> models, PlatformLimits limits, List<String> jvmArgs, Instant start,
                         Instant end, List<Double> loadStart, List<Double> loadEnd) {
        public Result {
            models = List.copyOf(models);
            jvmArgs = List.copyOf(jvmArgs);
            loadStart = List.copyOf(loadStart);
            loadEnd = List.copyOf(loadEnd);
        }
    }

    /** {@return {@code models} measured at each of {@code tasks} (ascending)} */
    public Result run(List<String> models, List<Integer> tasks) {
        Instant start = Instant.now();
        List<Double> loadStart = LoadAverage.now();
        List<Integer> counts = tasks.stream().sorted().distinct().toList();
        List<ModelFootprint> out = new ArrayList<>();
        for (String model : models) {
            ModelProvider provider = Models.provider(model);
            ModelOptions options = ModelOptions.defaults();
            int parallelism = provider.parallelism(options);
            int threadsPerTask = provider.threadsPerTask(options);
            List<Outcome> outcomes = new ArrayList<>();
            Outcome.Stopped failed = null;
            for (int n : counts) {
                Outcome o;
                if (failed != null) {
                    o = new Outcome.Stopped(n, "skipped", String.format(Locale.ROOT, "not tried: %,d tasks already failed: %s",
                            failed.tasks(), failed.reason()), 0, 0);
                } else {
                    o = refusal(n, threadsPerTask).orElseGet(() -> probe.run(model, n, parallelism));
                }
                if (o instanceof Outcome.Stopped s && s.status().equals("failed")) {
                    failed = s;
                }
                outcomes.add(o);
                progress.accept("footprint: " + model + " " + describe(o));
            }
            out.add(new ModelFootprint(model, parallelism == Integer.MAX_VALUE ? -1 : parallelism, threadsPerTask, outcomes));
        }
        return new Result(out, limits, probe.jvmArgs(), start, Instant.now(), loadStart, LoadAverage.now());
    }

    /** {@return the refusal of {@code tasks} tasks that need {@code threadsPerTask} threads each}, empty when the limits allow them */
    java.util.Optional<Outcome> refusal(int tasks, int threadsPerTask) {
        if (threadsPerTask <= 0) {
            return java.util.Optional.empty();
        }
        long need = (long) tasks * threadsPerTask;
        PlatformLimits.ThreadBudget budget = limits.threadBudget(threadsInUse.getAsLong());
        if (need <= budget.threads()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Outcome.Stopped(tasks, "refused", String.format(Locale.ROOT,
                "%s: %,d tasks need %,d threads, %,d can start (%s); not tried", budget.limit(), tasks, need,
                budget.threads(), budget.detail()), 0, 0));
    }

    static String describe(Outcome o) {
        return switch (o) {
            case Outcome.Measured m -> String.format(Locale.ROOT,
                    "N=%,d: Pss %s (+%s), live heap +%s, %,d waiting%s, spawn %.1f us/task (%.2f s, %.2f s CPU), "
                            + "%,d threads, %.1f s",
                    m.tasks(), mb(m.after().pssBytes()), mb(m.pssGrowthBytes()), mb(m.liveHeapGrowthBytes()), m.waiting(),
                    m.queued() > 0 ? String.format(Locale.ROOT, " and %,d queued", m.queued()) : "",
                    m.spawnNanos() / 1e3 / m.tasks(), m.spawnNanos() / 1e9, m.cpuNanos() / 1e9, m.after().osThreads(),
                    m.wallSeconds());
            case Outcome.Stopped s -> String.format(Locale.ROOT, "N=%,d: %s: %s", s.tasks(), s.status(), s.reason());
        };
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Writes {@code result} to {@code DIR/footprint.json}; @throws IOException if it cannot be written */
    public static Path write(Result result, Path dir, String command) throws IOException {
        return FootprintJson.write(result, dir, command);
    }
}
