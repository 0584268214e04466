package dev.crossover.eventloop.model;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;

/**
 * A throwaway measurement, not a test: the sleep scenario (100,000 tasks, C = 10,000,
 * 50 ms waits; ideal 200,000 tasks/s) on {@code eventloop}, one warm-up run, then three measured.
 * Run with the test class path; the benchmarks module measures properly.
 */
public final class SleepMeasurement {
    public static void main(String[] args) {
        Workload workload = Workload.builder(WorkloadKind.SLEEP).tasks(100_000).concurrency(10_000)
                .io(Duration.ofMillis(50)).build();
        int cores = Runtime.getRuntime().availableProcessors();
        try (ConcurrencyModel model = args.length > 0 && args[0].equals("offload")
                ? EventLoopModel.withOffload(cores) : EventLoopModel.onLoop()) {
            for (int i = 0; i < 4; i++) {
                RunResult r = Driver.run(model, workload);
                System.out.printf("%s run %d: completed=%d failed=%d wall=%.3fs throughput=%.0f/s ideal=%.0f/s efficiency=%.3f maxInFlight=%d p99=%.0fus%s%n",
                        model.id(), i, r.completed(), r.failed(), r.wallNanos() / 1e9, r.throughput(),
                        r.idealThroughput(cores), r.efficiency(cores), r.maxInFlight(), r.latencyMicros(99),
                        i == 0 ? " (warm-up)" : "");
            }
        }
    }
}
