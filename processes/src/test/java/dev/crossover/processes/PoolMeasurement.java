package dev.crossover.processes;

import dev.crossover.core.Driver;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;

/**
 * Brief figures for the issue, run by hand (not a test, not a benchmark):
 * {@code java -cp <test class path> dev.crossover.processes.PoolMeasurement [SERIAL|EVENT_LOOP] [ceiling]}.
 * Prints pool start-up, the cpu 2 ms speed-up of 2 workers over 1, no-op tasks per second, and
 * 10 ms sleeps at C = 1000 (where an event loop in each worker pays); with {@code ceiling}, only
 * the dispatch ceiling: null tasks at C = 100 in steady state through the driver, five trials.
 */
public final class PoolMeasurement {
    private PoolMeasurement() {
    }

    public static void main(String[] args) {
        WorkerMode mode = args.length > 0 ? WorkerMode.valueOf(args[0]) : WorkerMode.SERIAL;
        if (args.length > 1 && args[1].equals("ceiling")) {
            ceiling(mode);
            return;
        }
        for (int i = 0; i < 5; i++) {
            try (ProcessesModel model = model(mode, 2)) {
                System.out.printf("startup workers=2: %.1f ms%n", model.startupNanos() / 1e6);
            }
        }
        Workload one = Workload.builder(WorkloadKind.CPU).tasks(400).concurrency(1).cpu(Duration.ofMillis(2)).build();
        Workload two = Workload.builder(WorkloadKind.CPU).tasks(400).concurrency(2).cpuUnits(one.cpuUnits()).build();
        double wallOne = best(mode, 1, one);
        double wallTwo = best(mode, 2, two);
        System.out.printf("cpu 2ms x400: workers=1/C=1 %.3f s, workers=2/C=2 %.3f s, speed-up %.2f%n",
                wallOne, wallTwo, wallOne / wallTwo);
        for (int concurrency : new int[] {2, 100, 1000}) {
            Workload noop = Workload.builder(WorkloadKind.CPU).tasks(concurrency == 2 ? 50_000 : 300_000)
                    .concurrency(concurrency).cpuUnits(0).build();
            try (ProcessesModel model = model(mode, 2)) {
                for (int i = 0; i < 4; i++) {
                    RunResult r = Driver.run(model, noop);
                    System.out.printf("no-op C=%d workers=2: %.0f tasks/s (completed %d, checksum ok %b)%n", concurrency,
                            r.throughput(), r.completed(), r.checksum() == noop.referenceChecksum());
                }
            }
        }
        Workload sleep = Workload.builder(WorkloadKind.SLEEP).tasks(2_000).concurrency(1_000).io(Duration.ofMillis(10)).build();
        try (ProcessesModel model = model(mode, 2)) {
            RunResult r = Driver.run(model, sleep);
            System.out.printf("sleep 10ms x2000 C=1000 workers=2: %.3f s, %.0f tasks/s%n", r.wallNanos() / 1e9, r.throughput());
        }
    }

    private static void ceiling(WorkerMode mode) {
        Workload ceiling = Workload.builder(WorkloadKind.NULL).tasks(200_000).concurrency(100).build();
        try (ProcessesModel model = model(mode, 2)) {
            for (int i = 0; i < 5; i++) {
                RunResult r = Driver.steady(model, ceiling, Duration.ofSeconds(1));
                System.out.printf("%s null C=100 workers=2 steady: %.0f tasks/s (window %d tasks, %s)%n", model.id(),
                        r.throughput(), r.completed() + r.failed(), r.verification().describe());
            }
        }
    }

    private static double best(WorkerMode mode, int workers, Workload workload) {
        double best = Double.MAX_VALUE;
        try (ProcessesModel model = model(mode, workers)) {
            for (int i = 0; i < 3; i++) {
                RunResult r = Driver.run(model, workload);
                System.out.printf("  workers=%d C=%d: %.3f s, completed %d, checksum ok %b%n", workers,
                        workload.concurrency(), r.wallNanos() / 1e9, r.completed(), r.checksum() == workload.referenceChecksum());
                best = Math.min(best, r.wallNanos() / 1e9);
            }
        }
        return best;
    }

    private static ProcessesModel model(WorkerMode mode, int workers) {
        return new ProcessesModel(mode, ModelOptions.defaults().withWorkers(workers), WorkerCommand.current());
    }
}
