package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TrialCheckTest {
    private final Workload workload = Workload.builder(WorkloadKind.SLEEP).tasks(20).concurrency(4)
            .io(Duration.ofMillis(1)).build();
    private final TrialCheck check = TrialCheck.of(workload);

    private RunResult result(int completed, int failed, long checksum) {
        return new RunResult("m", workload, completed, failed, 1_000_000, 4, checksum, new Histogram(3), Map.of());
    }

    @Test
    void acceptsEveryTaskWithTheReferenceChecksum() {
        check.verify(result(20, 0, workload.referenceChecksum()));
    }

    @Test
    void rejectsMissingTasks() {
        var e = assertThrows(IllegalStateException.class, () -> check.verify(result(19, 0, workload.referenceChecksum())));
        assertEquals("m: completed + failed: 19 (expected: 20 tasks)", e.getMessage());
    }

    @Test
    void rejectsUnexpectedFailures() {
        var e = assertThrows(IllegalStateException.class, () -> check.verify(result(19, 1, workload.referenceChecksum())));
        assertEquals("m: failed: 1 (expected: 0 injected failures; causes {})", e.getMessage());
    }

    @Test
    void rejectsWrongChecksum() {
        long wrong = workload.referenceChecksum() + 1;
        var e = assertThrows(IllegalStateException.class, () -> check.verify(result(20, 0, wrong)));
        assertEquals("m: checksum: " + Long.toHexString(wrong) + " (expected: the reference "
                + Long.toHexString(workload.referenceChecksum()) + ")", e.getMessage());
    }

    @Test
    void rejectsMoreInFlightThanTheConcurrency() {
        RunResult over = new RunResult("m", workload, 20, 0, 1_000_000, 5, workload.referenceChecksum(),
                new Histogram(3), Map.of());

        var e = assertThrows(IllegalStateException.class, () -> check.verify(over));
        assertEquals("m: max in flight: 5 (expected: at most the concurrency 4)", e.getMessage());
    }
}
