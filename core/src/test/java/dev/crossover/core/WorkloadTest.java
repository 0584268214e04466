package dev.crossover.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void sameSeedGivesSameTasksAndChecksum() {
        Workload a = Workload.builder(WorkloadKind.CPU).seed(5).tasks(100).cpuUnits(10).build();
        Workload b = Workload.builder(WorkloadKind.CPU).seed(5).tasks(100).cpuUnits(10).build();

        assertEquals(a.task(17), b.task(17));
        assertEquals(a.referenceChecksum(), b.referenceChecksum());
    }

    @Test
    void otherSeedGivesOtherChecksum() {
        Workload a = Workload.builder(WorkloadKind.CPU).seed(5).tasks(100).cpuUnits(10).build();
        Workload b = Workload.builder(WorkloadKind.CPU).seed(6).tasks(100).cpuUnits(10).build();

        assertNotEquals(a.referenceChecksum(), b.referenceChecksum());
    }

    @Test
    void failRateFailsAboutThatShareOfTasks() {
        Workload workload = Workload.builder(WorkloadKind.SLEEP).tasks(10_000).failRate(0.1).build();

        int failures = workload.expectedFailures();
        assertTrue(failures > 800 && failures < 1_200, "failures: " + failures);
    }

    @Test
    void fanoutFailsAGroupWhenAnyWaitFails() {
        Workload workload = Workload.builder(WorkloadKind.FANOUT).tasks(10_000).fanout(8).failRate(0.01).build();

        double share = workload.expectedFailures() / 10_000.0;
        double expected = 1 - Math.pow(0.99, 8);
        assertEquals(expected, share, 0.02);
        TaskSpec spec = workload.task(0);
        assertEquals(8, spec.waits());
    }

    @Test
    void failingWaitEndsBeforeItsSiblings() {
        TaskSpec spec = new TaskSpec(0, 1, 3, 10_000_000, 0, 1, false);

        assertEquals(5_000_000, spec.waitNanos(1));
        assertEquals(10_000_000, spec.waitNanos(0));
        assertThrows(InjectedFailure.class, () -> { throw spec.waitFailure(1); });
    }

    @Test
    void rejectsBadValuesWithOneLineNamingThem() {
        IllegalArgumentException concurrency = assertThrows(IllegalArgumentException.class,
                () -> Workload.builder(WorkloadKind.SLEEP).concurrency(0).build());
        assertEquals("concurrency: 0 (expected: > 0)", concurrency.getMessage());

        IllegalArgumentException io = assertThrows(IllegalArgumentException.class,
                () -> Workload.builder(WorkloadKind.CPU).io(Duration.ofMillis(5)).cpuUnits(1).build());
        assertEquals("io: 5ms (expected: 0 for workload cpu)", io.getMessage());

        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> WorkloadKind.byId("nap"));
        assertEquals("workload: nap (expected: one of sleep, cpu, mixed, fanout, shared, null, http, file)", kind.getMessage());
    }

    @Test
    void turnsCpuIntoUnitsWithAGivenCalibration() {
        Workload workload = Workload.builder(WorkloadKind.CPU).cpu(Duration.ofNanos(200_000), new Kernel.Calibration(7))
                .build();

        assertEquals(1_400, workload.cpuUnits(), "200 us at 7 units/us");
        assertEquals(200_000, workload.cpuNanos());
    }

    @Test
    void idealThroughputFollowsTheBound() {
        Workload sleep = Workload.builder(WorkloadKind.SLEEP).concurrency(10_000).io(Duration.ofMillis(50)).build();
        assertEquals(200_000, sleep.idealThroughput(2), 1e-6);

        Workload cpu = new Workload(WorkloadKind.CPU, 1, 10, 4, 0, 10, 1_000_000, 1, 0);
        assertEquals(2_000, cpu.idealThroughput(2), 1e-6);  // K / c = 2 / 1 ms

        Workload noop = new Workload(WorkloadKind.MIXED, 1, 10, 4, 0, 0, 0, 1, 0);
        assertTrue(Double.isInfinite(noop.idealThroughput(2)));
    }
}
