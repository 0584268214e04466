package dev.crossover.threads;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;

/**
 * A quick look, outside JMH, at two figures of the thread models: how close {@code threads-virtual}
 * gets to the ideal on pure waiting, and how {@code threads-forkjoin} scales CPU work from C = 1
 * to C = 2. A sketch for a report, not a benchmark: JMH's harnesses are the measurement.
 *
 * <h2>How to run</h2>
 * After {@code mvn -pl threads -am verify}, from the repository root:
 * {@snippet lang=shell :
 * java -cp threads/target/classes:threads/target/test-classes:core/target/classes:$HDR \
 *     dev.crossover.threads.Measure
 * }
 */
final class Measure {
    private static final int ROUNDS = 3;

    private Measure() {
    }

    public static void main(String[] args) {
        int cores = Runtime.getRuntime().availableProcessors();
        Workload sleep = Workload.builder(WorkloadKind.SLEEP).tasks(20_000).concurrency(10_000)
                .io(Duration.ofMillis(50)).build();
        try (ConcurrencyModel model = Models.create(VirtualThreadModel.ID, ModelOptions.defaults())) {
            Driver.run(model, sleep);  // warm-up
            for (int i = 0; i < ROUNDS; i++) {
                RunResult r = Driver.run(model, sleep);
                System.out.printf("threads-virtual sleep 20000 C=10000 io=50ms: %.0f tasks/s, efficiency %.3f"
                        + " (ideal %.0f), maxInFlight %d, p99 %.1f ms, failed %d%n", r.throughput(),
                        r.efficiency(cores), r.idealThroughput(cores), r.maxInFlight(), r.latencyMicros(99) / 1e3,
                        r.failed());
            }
        }
        Workload cpu1 = Workload.builder(WorkloadKind.CPU).tasks(400).concurrency(1).cpu(Duration.ofMillis(1)).build();
        Workload cpu2 = Workload.builder(WorkloadKind.CPU).tasks(400).concurrency(2).cpuUnits(cpu1.cpuUnits()).build();
        try (ConcurrencyModel model = Models.create(ForkJoinModel.ID, ModelOptions.defaults())) {
            Driver.run(model, cpu1);  // warm-up
            Driver.run(model, cpu2);
            for (int i = 0; i < ROUNDS; i++) {
                RunResult one = Driver.run(model, cpu1);
                RunResult two = Driver.run(model, cpu2);
                System.out.printf("threads-forkjoin cpu 400 x 1ms (%d units): C=1 %.0f tasks/s, C=2 %.0f tasks/s,"
                        + " speed-up %.2f, checksums ok %b%n", cpu1.cpuUnits(), one.throughput(), two.throughput(),
                        two.throughput() / one.throughput(),
                        one.checksumMatchesReference() && two.checksumMatchesReference());
            }
        }
    }
}
