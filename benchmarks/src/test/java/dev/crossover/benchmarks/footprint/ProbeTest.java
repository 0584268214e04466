package dev.crossover.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real probe JVMs at a small N: counts waiting and queued, the tree measured, nothing left running.
 * Each test ran 20 times in a row (as {@code @RepeatedTest(20)}) when written; a build runs them once,
 * as each starts JVMs.
 */
@Timeout(180)
class ProbeTest {
    private static final ProbeJvm PROBE = new ProbeJvm(new ProbeJvm.Settings("512m", true, Duration.ofMinutes(5),
            Duration.ofSeconds(60)));

    private static void assertGone(Outcome.Measured m) {
        assertEquals(0, m.leftBehind(), "processes killed after the probe");
        List<Long> alive = new ArrayList<>();
        for (long pid : m.after().pids()) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> alive.add(pid));
        }
        assertEquals(List.of(), alive, "processes of the probe's tree still alive");
    }

    @Test
    void everyTaskOfAnEventLoopWaits() {
        Outcome.Measured m = assertInstanceOf(Outcome.Measured.class, PROBE.run("eventloop", 500, Integer.MAX_VALUE));

        assertEquals(500, m.tasks());
        assertEquals(500, m.waiting());
        assertEquals(0, m.queued());
        assertEquals(1, m.after().processes());
        assertTrue(m.before().pssBytes() > 0 && m.after().pssBytes() > 0, m.toString());
        assertTrue(m.after().osThreads() >= m.jvmThreads(), m.toString());
        assertTrue(m.liveHeapAfterBytes() > 0 && m.spawnNanos() > 0, m.toString());
        assertTrue(m.nativeMemory().containsKey("Total") && m.nativeMemory().containsKey("JavaHeap"), m.nativeMemory().toString());
        assertGone(m);
    }

    @Test
    void aFixedPoolHoldsItsThreadsWaitingAndQueuesTheRest() {
        Outcome.Measured m = assertInstanceOf(Outcome.Measured.class, PROBE.run("threads-fixed", 300, 200));

        assertEquals(200, m.waiting());
        assertEquals(100, m.queued());
        assertTrue(m.jvmThreads() >= 200, "the pool's threads: " + m.jvmThreads());
        assertGone(m);
    }

    @Test
    void serialWorkersHoldOneTaskEachAndTheirProcessesAreMeasuredAndGone() {
        int workers = Runtime.getRuntime().availableProcessors();

        Outcome.Measured m = assertInstanceOf(Outcome.Measured.class, PROBE.run("processes", 50, workers));

        assertEquals(workers, m.waiting());
        assertEquals(50 - workers, m.queued());
        assertEquals(1 + workers, m.after().processes(), "the probe and its workers");
        assertGone(m);
    }
}
