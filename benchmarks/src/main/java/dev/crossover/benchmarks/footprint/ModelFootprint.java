package dev.crossover.benchmarks.footprint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model's footprint over the task counts it was asked for.
 *
 * @param model          the model's id
 * @param parallelism    the most tasks it runs (here: holds waiting) at once, -1 for no limit but N
 * @param threadsPerTask the platform threads it starts per waiting task
 * @param outcomes       one per task count, ascending
 */
public record ModelFootprint(String model, long parallelism, int threadsPerTask, List<Outcome> outcomes) {
    public ModelFootprint {
        Objects.requireNonNull(model, "model");
        outcomes = List.copyOf(outcomes);
    }

    /** {@return the measured task counts, ascending} */
    public List<Outcome.Measured> measured() {
        return outcomes.stream().filter(o -> o instanceof Outcome.Measured).map(o -> (Outcome.Measured) o).toList();
    }

    /** {@return the largest N measured, 0 when none was} */
    public int largestTasks() {
        return measured().stream().mapToInt(Outcome.Measured::tasks).max().orElse(0);
    }

    /** {@return bytes per task: the slope of the tree's Pss growth over N}; empty below two measured N */
    public Optional<Fit> pss() {
        return Fit.of(measured().stream().filter(m -> m.before().pssBytes() >= 0 && m.after().pssBytes() >= 0)
                .map(m -> new Fit.XY(m.tasks(), m.pssGrowthBytes())).toList());
    }

    /** {@return bytes per task: the slope of the tree's VmRSS growth over N}; empty below two measured N */
    public Optional<Fit> rss() {
        return Fit.of(measured().stream()
                .map(m -> new Fit.XY(m.tasks(), m.after().rssBytes() - m.before().rssBytes())).toList());
    }

    /** {@return live heap bytes per task: the slope of the live heap's growth (after full GCs) over N} */
    public Optional<Fit> liveHeap() {
        return Fit.of(measured().stream().map(m -> new Fit.XY(m.tasks(), m.liveHeapGrowthBytes())).toList());
    }

    /** {@return nanoseconds per task: the slope of the spawn time over N} */
    public Optional<Fit> spawn() {
        return Fit.of(measured().stream().map(m -> new Fit.XY(m.tasks(), m.spawnNanos())).toList());
    }

    /** {@return CPU nanoseconds per task: the slope of the spawn's CPU time over N} */
    public Optional<Fit> spawnCpu() {
        return Fit.of(measured().stream().map(m -> new Fit.XY(m.tasks(), m.cpuNanos())).toList());
    }
}
