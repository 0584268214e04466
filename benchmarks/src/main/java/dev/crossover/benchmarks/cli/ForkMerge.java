package dev.crossover.benchmarks.cli;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.WorkloadParams;

/**
 * Merges one point's forks, each from its own JMH run (a round of the sweep), into the one
 * {@link RunResult} JMH would have made had it run them as forks of one run: the same params with
 * {@code forks} = their number, and every fork's {@link BenchmarkResult} (so JMH's JSON writer
 * writes a {@code rawData} row per fork, and its score and error over all of them).
 */
final class ForkMerge {
    private ForkMerge() {
    }

    /**
     * {@return the forks of {@code runs} as one result}
     * @throws IllegalArgumentException if there are none or they are not of one benchmark and params
     */
    static RunResult merge(List<RunResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs: none (expected: at least one fork of a point)");
        }
        BenchmarkParams first = runs.get(0).getParams();
        List<BenchmarkResult> all = new ArrayList<>();
        for (RunResult run : runs) {
            BenchmarkParams p = run.getParams();
            if (!p.getBenchmark().equals(first.getBenchmark()) || !params(p).equals(params(first))) {
                throw new IllegalArgumentException("runs: " + p.id() + " beside " + first.id()
                        + " (expected: forks of one benchmark and params)");
            }
            all.addAll(run.getBenchmarkResults());
        }
        if (runs.size() == 1) {
            return runs.get(0);
        }
        return new RunResult(withForks(first, all.size()), all);
    }

    private static WorkloadParams params(BenchmarkParams p) {
        WorkloadParams w = new WorkloadParams();
        int order = 0;
        for (String key : p.getParamsKeys()) {
            w.put(key, p.getParam(key), order++);
        }
        return w;
    }

    /** {@return {@code p} with {@code forks} forks} */
    static BenchmarkParams withForks(BenchmarkParams p, int forks) {
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(), p.getThreads(),
                p.getThreadGroups(), p.getThreadGroupLabels(), forks, p.getWarmupForks(), p.getWarmup(),
                p.getMeasurement(), p.getMode(), params(p), p.getTimeUnit(), p.getOpsPerInvocation(), p.getJvm(),
                p.getJvmArgs(), p.getJdkVersion(), p.getVmName(), p.getVmVersion(), p.getJmhVersion(), p.getTimeout());
    }
}
