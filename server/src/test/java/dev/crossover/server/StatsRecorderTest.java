package dev.crossover.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatsRecorderTest {
    @Test
    void reportsPercentilesInMicrosecondsAndCountsNegativeLatenessAsZero() {
        StatsRecorder r = new StatsRecorder();
        for (int micros = 1; micros <= 100; micros++) {
            r.record(micros * 1_000L);
        }
        ServerStats s = r.snapshot();
        assertEquals(100, s.answered());
        assertEquals(50, s.latenessP50Micros(), 0.1);
        assertEquals(99, s.latenessP99Micros(), 0.1);
        assertEquals(100, s.latenessMaxMicros(), 0.1);
        assertEquals(100, r.snapshot().answered(), "a snapshot does not reset");
        assertEquals(100, r.reset().answered());
        r.record(-5_000);
        ServerStats after = r.snapshot();
        assertEquals(1, after.answered());
        assertEquals(0, after.latenessMaxMicros());
    }
}
