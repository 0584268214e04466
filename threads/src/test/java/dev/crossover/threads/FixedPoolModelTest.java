package dev.crossover.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
class FixedPoolModelTest {
    private static final String PREFIX = "crossover-threads-fixed-";

    @Test
    void runsNoMoreTasksAtOnceThanItsThreadsEvenWhenConcurrencyIsLarger() {
        Workload workload = Workload.builder(WorkloadKind.SLEEP).tasks(60).concurrency(10)
                .io(Duration.ofMillis(5)).build();
        try (FixedPoolModel model = new FixedPoolModel(3)) {
            RunResult result = Driver.run(model, workload);

            assertEquals(60, result.completed(), "completed");
            assertEquals(10, result.maxInFlight(), "admitted at once (running or queued)");
            assertEquals(3, model.largestPoolSize(), "threads ever at once, so tasks ever running at once");
        }
    }

    @Test
    void startsAndNamesItsThreadsWhenCreatedFromTheThreadsOption() {
        try (var model = Models.create(FixedPoolModel.ID, ModelOptions.defaults().withThreads(4))) {
            assertEquals(List.of(PREFIX + "0", PREFIX + "1", PREFIX + "2", PREFIX + "3"), LiveThreads.named(PREFIX));
        }
        assertEquals(List.of(), LiveThreads.named(PREFIX), "after close");
    }

    @Test
    void rejectsFanoutWorkloadsSayingWhy() {
        Workload fanout = Workload.builder(WorkloadKind.FANOUT).tasks(4).concurrency(2).build();
        try (FixedPoolModel model = new FixedPoolModel(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Driver.run(model, fanout));

            assertEquals("workload: fanout (expected: sleep, cpu, mixed or null: model threads-fixed runs no fan-out)",
                    e.getMessage());
        }
    }
}
