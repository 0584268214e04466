package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTimeTest {
    @Test
    void deltaAddsTheProcessAndEachDescendantSeenAtBothSamples() {
        CpuTime.Sample start = new CpuTime.Sample(1_000, Map.of("7@t0", 500L, "8@t0", 200L));
        CpuTime.Sample end = new CpuTime.Sample(4_000, Map.of("7@t0", 900L, "8@t0", 260L));
        assertEquals(3_000 + 400 + 60, CpuTime.delta(start, end));
    }

    @Test
    void aDescendantBornInTheWindowCountsWholeAndOneThatDiedIsLost() {
        CpuTime.Sample start = new CpuTime.Sample(0, Map.of("7@t0", 500L, "9@t0", 10_000L));
        CpuTime.Sample end = new CpuTime.Sample(100, Map.of("7@t0", 700L, "11@t5", 50L));
        assertEquals(100 + 200 + 50, CpuTime.delta(start, end));
    }

    @Test
    void aReusedPidIsANewProcessAndNothingGoesNegative() {
        CpuTime.Sample start = new CpuTime.Sample(500, Map.of("7@t0", 5_000L));
        CpuTime.Sample end = new CpuTime.Sample(400, Map.of("7@t9", 30L));
        assertEquals(30, CpuTime.delta(start, end), "the process clock never counts backwards; 7@t9 is new");
        assertEquals(0, CpuTime.delta(new CpuTime.Sample(-1, Map.of()), new CpuTime.Sample(400, Map.of())),
                "no process figure when the platform gives none");
    }

    @Test
    void perTaskDividesAndRoundsAndZeroTasksIsNotMeasured() {
        assertEquals(2_500, CpuTime.perTask(10_000, 4));
        assertEquals(3_333, CpuTime.perTask(10_000, 3));
        assertEquals(0, CpuTime.perTask(0, 5));
        assertEquals(-1, CpuTime.perTask(10_000, 0));
        assertEquals("tasks: -1 (expected: >= 0)",
                assertThrows(IllegalArgumentException.class, () -> CpuTime.perTask(1, -1)).getMessage());
        assertEquals("cpuNanos: -2 (expected: >= 0)",
                assertThrows(IllegalArgumentException.class, () -> CpuTime.perTask(-2, 1)).getMessage());
    }

    @Test
    void aSampleOfThisJvmSeesItsOwnCpuTime() {
        assertTrue(CpuTime.sample().processNanos() > 0, "this JVM has run code");
    }
}
