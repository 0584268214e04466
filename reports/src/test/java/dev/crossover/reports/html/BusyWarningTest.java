package dev.crossover.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.reports.jmh.Source;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The busy-machine warning: other processes' CPU when the run recorded it, the old load average otherwise. */
class BusyWarningTest {
    private static Source source(Map<String, String> environment) {
        return new Source(Path.of("results.json"), "run", environment);
    }

    @Test
    void warnsWhenOtherProcessesTookMoreThanTheThreshold() {
        String warning = ReportBuilder.busy(source(Map.of("cores", "2", "otherCpuCores", "0.9",
                "stealCpuCores", "0", "busyThresholdCores", "0.25")));

        assertTrue(warning.startsWith("The machine was busy: other processes took 0.9 cores on average during the run, "
                + "above the threshold of 0.25."), warning);
        assertTrue(ReportBuilder.busy(source(Map.of("otherCpuCores", "0.9", "stealCpuCores", "0.5")))
                .contains("took 0.9 cores on average during the run (0.5 of them stolen by the hypervisor)"));
        assertTrue(!ReportBuilder.busy(source(Map.of("otherCpuCores", "0.9", "stealCpuCores", "0.0007"))).contains("stolen"),
                "a trace of steal is not worth a word");
    }

    @Test
    void aQuietRunGetsNoWarningWhateverItsOldLoadAverage() {
        assertEquals("", ReportBuilder.busy(source(Map.of("cores", "2", "otherCpuCores", "0.1",
                "busyThresholdCores", "0.25", "loadAverageStart", "1.6"))), "the run's own load is not other load");
        assertEquals("", ReportBuilder.busy(source(Map.of("otherCpuCores", "0.25"))), "exactly the default threshold is not busy");
    }

    @Test
    void aRunWithoutTheFiguresStillGetsTheLoadAverageRule() {
        assertTrue(ReportBuilder.busy(source(Map.of("cores", "2", "loadAverageStart", "1.6")))
                .contains("the 1-minute load average was 1.6 when the run started"));
        assertEquals("", ReportBuilder.busy(source(Map.of("cores", "2", "loadAverageStart", "0.4"))));
    }
}
