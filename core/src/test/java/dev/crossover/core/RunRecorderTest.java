package dev.crossover.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunRecorderTest {
    private final Workload workload = Workload.builder(WorkloadKind.CPU).tasks(4).concurrency(2).cpuUnits(3).build();

    @Test
    void checksumDoesNotDependOnCompletionOrder() {
        RunRecorder forward = new RunRecorder(workload);
        RunRecorder backward = new RunRecorder(workload);
        IntStream.range(0, 4).forEach(i -> run(forward, i));
        IntStream.range(0, 4).map(i -> 3 - i).forEach(i -> run(backward, i));

        assertEquals(workload.referenceChecksum(), forward.finish("test").checksum());
        assertEquals(workload.referenceChecksum(), backward.finish("test").checksum());
    }

    @Test
    void tracksMostTasksInFlight() {
        RunRecorder recorder = new RunRecorder(workload);
        long a = recorder.admit(workload.task(0));
        long b = recorder.admit(workload.task(1));
        recorder.complete(workload.task(0), workload.task(0).compute(), a);
        long c = recorder.admit(workload.task(2));
        recorder.fail(workload.task(1), new IllegalStateException("boom"), b);
        recorder.complete(workload.task(2), workload.task(2).compute(), c);
        run(recorder, 3);

        RunResult result = recorder.finish("test");
        assertEquals(2, result.maxInFlight());
        assertEquals(3, result.completed());
        assertEquals(1, result.failed());
        assertEquals(1, result.failureCauses().get("IllegalStateException: boom"));
    }

    @Test
    void refusesATaskFinishedTwice() {
        RunRecorder recorder = new RunRecorder(workload);
        run(recorder, 0);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> recorder.complete(workload.task(0), 1, 0));
        assertEquals("task 0: completed without being admitted, or twice (expected: admitted, then finished once)", e.getMessage());
        assertThrows(IllegalStateException.class, () -> recorder.admit(workload.task(0)));
    }

    @Test
    void refusesToFinishWithTasksOutstanding() {
        RunRecorder recorder = new RunRecorder(workload);
        run(recorder, 0);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> recorder.finish("m"));
        assertEquals("model m: 3 of 4 tasks neither completed nor failed (expected: every task finished)",
                e.getMessage());
    }

    private void run(RunRecorder recorder, int index) {
        TaskSpec task = workload.task(index);
        long admitted = recorder.admit(task);
        recorder.complete(task, task.compute(), admitted);
    }
}
