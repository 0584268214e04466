package dev.crossover.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class PlatformLimitsTest {
    /** This machine's limits: pid_max 32,768, threads-max 192,730, vm.max_map_count 65,530, root. */
    private static final PlatformLimits HERE = new PlatformLimits(32_768, 192_730, 65_530, 96_365, 20_000, true);

    @RepeatedTest(20)
    void pidMaxBindsOnThisMachineWithWhatIsInUseAndKeptFree() {
        PlatformLimits.ThreadBudget budget = HERE.threadBudget(500);

        assertEquals(32_768 - 500 - PlatformLimits.KEPT_FREE, budget.threads());
        assertEquals("limit: 32,768 threads (pid_max)", budget.limit());
        assertEquals("500 in use on the machine, 4,096 kept free", budget.detail());
    }

    @RepeatedTest(20)
    void mapCountBindsWhenItLeavesFewerThreads() {
        PlatformLimits few = new PlatformLimits(4_194_304, 192_730, 20_000, -1, 1024, true);

        PlatformLimits.ThreadBudget budget = few.threadBudget(500);

        assertEquals((20_000 - PlatformLimits.JVM_MAPS) / PlatformLimits.MAPS_PER_THREAD, budget.threads());
        assertEquals("limit: 20,000 mappings per process (vm.max_map_count)", budget.limit());
    }

    @RepeatedTest(20)
    void userThreadLimitBindsUnlessRoot() {
        PlatformLimits user = new PlatformLimits(32_768, 192_730, 65_530, 8_000, 1024, false);
        PlatformLimits root = new PlatformLimits(32_768, 192_730, 65_530, 8_000, 1024, true);

        assertEquals("limit: 8,000 threads of this user (ulimit -u)", user.threadBudget(500).limit());
        assertEquals(8_000 - 500 - PlatformLimits.KEPT_FREE, user.threadBudget(500).threads());
        assertEquals("limit: 32,768 threads (pid_max)", root.threadBudget(500).limit());
    }

    @RepeatedTest(20)
    void aBusyMachineLeavesNoThreadsRatherThanANegativeCount() {
        assertEquals(0, HERE.threadBudget(31_000).threads());
    }

    @RepeatedTest(20)
    void readsProcFiles() {
        String limits = """
                Limit                     Soft Limit           Hard Limit           Units
                Max processes             96365                96365                processes
                Max open files            20000                1048576              files
                Max locked memory         unlimited            unlimited            bytes
                """;

        assertEquals(96_365, PlatformLimits.softLimit(limits, "Max processes"));
        assertEquals(20_000, PlatformLimits.softLimit(limits, "Max open files"));
        assertEquals(-1, PlatformLimits.softLimit(limits, "Max locked memory"));
        assertEquals(-1, PlatformLimits.softLimit(limits, "Max pending signals"));
        assertEquals(456, PlatformLimits.threadsIn("1.33 1.13 1.89 2/456 12345\n"));
        assertEquals(-1, PlatformLimits.threadsIn(""));
        assertEquals(List.of(1.33, 1.13, 1.89), LoadAverage.parse("1.33 1.13 1.89 2/456 12345\n"));
    }

    @RepeatedTest(20)
    void procSysFilesAreReadWhole() {
        PlatformLimits read = PlatformLimits.read();

        // Files.readString reads a /proc/sys file as its first byte only: a pid_max of 3 would be that bug.
        assertTrue(read.pidMax() >= 301, "pid_max " + read.pidMax());
        assertTrue(read.maxMapCount() >= 1_000, "vm.max_map_count " + read.maxMapCount());
    }

    @RepeatedTest(20)
    @Timeout(30)
    void aTaskCountBeyondTheLimitIsRefusedUpFrontWithoutAProbe() {
        List<String> progress = new java.util.ArrayList<>();
        FootprintRun run = new FootprintRun(new ProbeJvm(FootprintPlan.settings()), HERE, () -> 500, progress::add);

        FootprintRun.Result result = run.run(List.of("threads-per-task"), List.of(1_000_000, 100_000));

        List<Outcome> outcomes = result.models().get(0).outcomes();
        assertEquals(List.of(100_000, 1_000_000), outcomes.stream().map(Outcome::tasks).toList());
        for (Outcome o : outcomes) {
            Outcome.Stopped s = assertInstanceOf(Outcome.Stopped.class, o);
            assertEquals("refused", s.status());
            assertTrue(s.reason().startsWith("limit: 32,768 threads (pid_max): "), s.reason());
            assertEquals(0, s.wallSeconds(), "not tried");
        }
        assertTrue(((Outcome.Stopped) outcomes.get(0)).reason().contains("100,000 tasks need 100,000 threads, 28,172 can start"),
                ((Outcome.Stopped) outcomes.get(0)).reason());
        assertEquals(0, result.models().get(0).largestTasks());
        assertEquals(2, progress.size(), "a line per N: " + progress);
        assertTrue(result.models().get(0).pss().isEmpty());
    }

    @RepeatedTest(20)
    void aModelWithoutThreadsPerTaskIsNeverRefused() {
        FootprintRun run = new FootprintRun(new ProbeJvm(FootprintPlan.settings()), HERE, () -> 32_000, line -> { });

        assertTrue(run.refusal(1_000_000, 0).isEmpty());
        assertTrue(run.refusal(1_000, 1).isPresent(), "32,000 in use leaves none");
    }
}
