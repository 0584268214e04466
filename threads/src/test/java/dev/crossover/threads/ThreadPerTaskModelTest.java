package dev.crossover.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Driver;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThreadPerTaskModelTest {
    private static final String PREFIX = "crossover-threads-per-task-";

    @Test
    void givesEveryTaskAndEverySubWaitANamedPlatformThread() throws Exception {
        // 2 tasks in flight, each gathering 3 sub-waits: 2 + 6 threads alive at once.
        Workload workload = Workload.builder(WorkloadKind.FANOUT).tasks(2).concurrency(2).fanout(3)
                .io(Duration.ofMillis(1_500)).cpuUnits(0).build();
        try (ThreadPerTaskModel model = new ThreadPerTaskModel()) {
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> Driver.run(model, workload));

            List<String> names = LiveThreads.awaitAtLeast(PREFIX, 8, Duration.ofSeconds(10));
            RunResult result = run.get(20, TimeUnit.SECONDS);

            assertEquals(8, names.size(), "threads alive at once: " + names);
            assertTrue(names.stream().allMatch(n -> n.matches("crossover-threads-per-task-\\d+")), names.toString());
            assertEquals(2, result.completed(), "completed");
        }
        assertEquals(List.of(), LiveThreads.named(PREFIX), "after close");
    }
}
