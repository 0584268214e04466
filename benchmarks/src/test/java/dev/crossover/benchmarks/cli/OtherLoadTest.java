package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What other processes took of the CPU: the arithmetic on recorded {@code /proc} samples decides
 * the quiet and the busy case alike; on the live machine, a hog outside the run's tree is seen,
 * and a child of the run that has exited counts as the run's own.
 */
@Timeout(60)
class OtherLoadTest {
    /** A 2-core machine's /proc/stat: user nice system idle iowait irq softirq steal guest guest_nice. */
    private static final String PROC_STAT = """
            cpu  140514 149 25100 152100 435 0 152 90 7 0
            cpu0 70278 95 12142 76609 73 0 27 44 7 0
            cpu1 70235 54 12957 75491 362 0 124 46 0 0
            intr 2486730 0 0 0
            ctxt 5531723
            """;

    private static OtherLoad.Sample sample(long busy, long steal, long total, long own, double seconds) {
        return new OtherLoad.Sample(new OtherLoad.MachineTicks(busy, steal, total, 2), own, (long) (seconds * 1e9));
    }

    @Test
    void readsBusyStealAndTheWindowFromProcStatLeavingGuestTimeOut() {
        OtherLoad.MachineTicks t = OtherLoad.MachineTicks.parse(PROC_STAT);

        assertEquals(140514 + 149 + 25100 + 0 + 152 + 90, t.busy(), "user nice system irq softirq steal; guest is in user");
        assertEquals(90, t.steal());
        assertEquals(t.busy() + 152100 + 435, t.total(), "busy, idle and iowait");
        assertEquals(2, t.cpus());
        assertThrows(IllegalArgumentException.class, () -> OtherLoad.MachineTicks.parse("intr 1 2 3\n"));
    }

    @Test
    void readsAProcessesOwnAndExitedChildrensTicksWhateverItsName() {
        String stat = "4242 (a (weird) name) S 1 4242 4242 0 -1 4194560 900 3000 0 2 120 30 45 5 20 0 33 0 160768 "
                + "3133440 359 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertEquals(120 + 30 + 45 + 5, OtherLoad.processTicks(stat), "utime stime cutime cstime");
        assertThrows(IllegalArgumentException.class, () -> OtherLoad.processTicks("4242 (short) S 1 2"));
    }

    @Test
    void aQuietWindowIsNotBusyEvenWhenTheRunItselfFillsTheCores() {
        // 2 s on 2 cores: 400 ticks of window, 200 per core; the run took 370 of the 380 busy ticks
        OtherLoad.Figures f = OtherLoad.between(sample(1_000, 5, 2_000, 500, 10), sample(1_380, 5, 2_400, 870, 12))
                .orElseThrow();

        assertEquals(0.05, f.otherCores(), 1e-9);
        assertEquals(1.85, f.ownCores(), 1e-9);
        assertEquals(0.0, f.stealCores(), 1e-9);
        assertEquals(2.0, f.seconds(), 1e-9);
        assertFalse(f.busy(OtherLoad.DEFAULT_THRESHOLD));
        assertEquals(Optional.empty(), RunCommand.busyWarning(f, OtherLoad.DEFAULT_THRESHOLD));
    }

    @Test
    void aWindowWhereOthersTookACoreIsBusyAndStealCountsAsOther() {
        OtherLoad.Figures hog = OtherLoad.between(sample(1_000, 0, 2_000, 500, 0), sample(1_390, 0, 2_400, 690, 2))
                .orElseThrow();
        OtherLoad.Figures stolen = OtherLoad.between(sample(0, 0, 0, 0, 0), sample(200, 100, 400, 50, 2)).orElseThrow();

        assertEquals(1.0, hog.otherCores(), 1e-9);
        assertTrue(hog.busy(0.25));
        assertFalse(hog.busy(1.5), "the threshold is the user's");
        assertEquals(0.75, stolen.otherCores(), 1e-9);
        assertEquals(0.5, stolen.stealCores(), 1e-9);
        assertEquals(Optional.of("crossover: warning: the machine was busy: other processes took 1.00 cores on average "
                + "over 2.0 s (steal 0.00; this run 0.95), above the threshold of 0.25 cores (--busy-threshold): results "
                + "may read low and noisy"), RunCommand.busyWarning(hog, 0.25));
    }

    @Test
    void ticksTheTreeCountsBeforeTheMachineDoesAreNoNegativeLoadAndAnEmptyWindowIsNone() {
        OtherLoad.Figures f = OtherLoad.between(sample(0, 0, 0, 0, 0), sample(100, 0, 400, 103, 2)).orElseThrow();

        assertEquals(0.0, f.otherCores());
        assertEquals(Optional.empty(), OtherLoad.between(sample(5, 0, 10, 0, 0), sample(5, 0, 10, 0, 1)));
        assertEquals(Optional.empty(), OtherLoad.between(Optional.empty(), Optional.of(sample(5, 0, 10, 0, 1))));
    }

    @Test
    void theThresholdIsANonNegativeNumberOfCores() {
        assertEquals(0.25, OtherLoad.threshold(0.25));
        assertEquals(0.0, OtherLoad.threshold(0));
        assertEquals("busy-threshold: -1.0 (expected: a number of cores >= 0)",
                assertThrows(IllegalArgumentException.class, () -> OtherLoad.threshold(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> OtherLoad.threshold(Double.NaN));
    }

    @Test
    void seesAHogOutsideTheRunsProcessTree() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux /proc");
        long hog = startHogOutsideTheTree();
        try {
            assertFalse(ProcessHandle.current().descendants().anyMatch(p -> p.pid() == hog), "the hog is not the run's");
            Optional<OtherLoad.Sample> start = OtherLoad.sample(ProcessHandle.current());
            Thread.sleep(2_000);
            OtherLoad.Figures f = OtherLoad.between(start, OtherLoad.sample(ProcessHandle.current())).orElseThrow();

            // one busy-looping process is a full core when it has one, 4x the threshold; half a core
            // when two builds share the two cores with it: still twice the threshold
            assertTrue(f.busy(OtherLoad.DEFAULT_THRESHOLD), f.words());
            assertTrue(RunCommand.busyWarning(f, OtherLoad.DEFAULT_THRESHOLD).orElseThrow()
                    .startsWith("crossover: warning: the machine was busy: other processes took "), f.words());
        } finally {
            ProcessHandle.of(hog).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aChildThatExitedInsideTheWindowCountsAsTheRunsOwn() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux /proc");
        Optional<OtherLoad.Sample> start = OtherLoad.sample(ProcessHandle.current());
        // busy for about a second of wall time, then `times` says how much CPU it got
        Process child = new ProcessBuilder("bash", "-c", "while [ $SECONDS -lt 1 ]; do :; done; times")
                .redirectErrorStream(true).start();
        String times;
        try {
            times = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child exits");  // and is reaped: our cutime has it
        } finally {
            child.destroyForcibly();
        }
        OtherLoad.Sample end = OtherLoad.sample(ProcessHandle.current()).orElseThrow();

        Matcher m = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s").matcher(times);
        assertTrue(m.find(), times);
        double childSeconds = Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
        long childTicks = Math.round(childSeconds * 100);  // USER_HZ
        long ownTicks = end.ownTicks() - start.orElseThrow().ownTicks();
        assertTrue(ownTicks >= childTicks - 3, "own " + ownTicks + " ticks include the exited child's " + childTicks);
    }

    /** {@return the pid of a busy loop whose parent exited, so it belongs to no one here} (it stops itself after 60 s) */
    private static long startHogOutsideTheTree() throws Exception {
        Process parent = new ProcessBuilder("sh", "-c",
                "bash -c 'while [ $SECONDS -lt 60 ]; do :; done' </dev/null >/dev/null 2>&1 & echo $!")
                .redirectErrorStream(true).start();
        String pid = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(parent.waitFor(30, TimeUnit.SECONDS), "the hog's parent exits at once");
        return Long.parseLong(pid);
    }
}
