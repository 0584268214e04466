package dev.crossover.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Driver;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ForkJoinModelTest {
    private static final String PREFIX = "crossover-threads-forkjoin-";
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void hasOneWorkerPerCoreAndAddsNoneForBlockingWaits() {
        Workload waiting = Workload.builder(WorkloadKind.SLEEP).tasks(8 * CORES).concurrency(4 * CORES)
                .io(Duration.ofMillis(5)).build();
        try (ForkJoinModel model = (ForkJoinModel) Models.create(ForkJoinModel.ID, ModelOptions.defaults())) {
            RunResult result = Driver.run(model, waiting);
            List<String> workers = LiveThreads.named(PREFIX);

            assertEquals(CORES, model.parallelism(), "parallelism");
            assertEquals(8 * CORES, result.completed(), "completed");
            // No ManagedBlocker: sleeping workers are not compensated, so no worker beyond parallelism.
            assertTrue(workers.size() <= CORES, "workers: " + workers);
            assertTrue(workers.stream().allMatch(n -> n.matches("crossover-threads-forkjoin-\\d+")), workers.toString());
        }
    }
}
