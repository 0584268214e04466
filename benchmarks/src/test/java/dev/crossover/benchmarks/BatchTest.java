package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Batch sizing against a model whose wall time is arithmetic, so the rules are checked exactly. */
class BatchTest {
    /**
     * Runs in waves of at most {@code concurrency} and {@code width} tasks, each wave taking
     * {@code waveMillis}; the first run costs {@code coldMillis} more.
     */
    private static final class WaveClock implements ConcurrencyModel {
        private final long waveMillis;
        private final int width;
        private long coldMillis;
        final List<Integer> runs = new ArrayList<>();

        WaveClock(long waveMillis, long coldMillis) {
            this(waveMillis, coldMillis, Integer.MAX_VALUE);
        }

        WaveClock(long waveMillis, long coldMillis, int width) {
            this.waveMillis = waveMillis;
            this.coldMillis = coldMillis;
            this.width = width;
        }

        @Override
        public String id() {
            return "wave-clock";
        }

        @Override
        public RunResult run(Workload w) {
            runs.add(w.tasks());
            int perWave = Math.min(w.concurrency(), width);
            long waves = (w.tasks() + perWave - 1) / perWave;
            long wall = Duration.ofMillis(waves * waveMillis + coldMillis).toNanos();
            coldMillis = 0;
            return new RunResult(id(), w, w.tasks(), 0, wall, Math.min(w.tasks(), perWave), 0,
                    new Histogram(3), Map.of());
        }

        @Override
        public void close() {
        }
    }

    private static Workload sleep(int concurrency) {
        return Workload.builder(WorkloadKind.SLEEP).concurrency(concurrency).io(Duration.ofMillis(10)).build();
    }

    /** A cap far above every wave here. */
    private static final Duration NO_CAP = Duration.ofHours(1);

    @Test
    void roundsAWaitBoundBatchUpToWholeWaves() {
        // waves of 10 ms, target 100 ms: 1..64 tasks are 1..7 waves, 128 tasks are 13 waves -> 130 tasks
        Batch batch = Batch.size(new WaveClock(10, 0), sleep(10), Duration.ofMillis(100), NO_CAP);
        assertEquals(130, batch.workload().tasks());
        assertEquals(10, batch.workload().concurrency());
        assertTrue(batch.fullWaves());
    }

    @Test
    void raisesASmallProbeToOneFullWaveWithinTheCap() {
        // C = 10, one task at a time, 40 ms each: 4 tasks take 160 ms >= 100 ms; a wave of 10 is
        // estimated at 160 * 10 / 4 = 400 ms, within a cap of 600 ms
        WaveClock model = new WaveClock(40, 0, 1);
        Batch batch = Batch.size(model, sleep(10), Duration.ofMillis(100), Duration.ofMillis(600));
        assertEquals(10, batch.workload().tasks());
        assertTrue(batch.fullWaves());
    }

    @Test
    void keepsTheSmallProbeBelowTheConcurrencyWhenOneWaveExceedsTheCap() {
        // the same model and estimate (400 ms), a cap of 300 ms: the batch stays at 4 tasks, flagged
        Batch batch = Batch.size(new WaveClock(40, 0, 1), sleep(10), Duration.ofMillis(100), Duration.ofMillis(300));
        assertEquals(4, batch.workload().tasks());
        assertFalse(batch.fullWaves());
    }

    @Test
    void keepsFewerTasksThanTheConcurrencyWhenTheModelRunsFewAtOnce() {
        // C = 10,000, but the model runs one task at a time, as a pool of one worker would:
        // 4 tasks take 160 ms, so a wave is estimated at 400 s, far beyond two 300 ms iterations
        Duration iteration = Duration.ofMillis(300);
        Batch batch = Batch.size(new WaveClock(40, 0, 1), sleep(10_000), Duration.ofMillis(100), Batch.cap(iteration));
        assertEquals(4, batch.workload().tasks());
        assertFalse(batch.fullWaves());
    }

    @Test
    void theRuleAtItsEdges() {
        Workload w = sleep(100);
        Duration cap = Duration.ofMillis(500);
        assertEquals(100, Batch.of(w, 100, 1, cap).workload().tasks(), "exactly one wave stays");
        assertEquals(200, Batch.of(w, 101, 1, cap).workload().tasks(), "a part wave is filled");
        assertTrue(Batch.of(w, 50, 250_000_000L, cap).fullWaves(), "wave estimated at exactly the cap");
        assertFalse(Batch.of(w, 50, 250_000_001L, cap).fullWaves(), "just above the cap");
        assertEquals(50, Batch.of(w, 50, 250_000_001L, cap).workload().tasks());
    }

    @Test
    void aColdFirstRunDoesNotStopTheSearch() {
        WaveClock model = new WaveClock(10, 500);
        Batch batch = Batch.size(model, sleep(10), Duration.ofMillis(100), NO_CAP);
        assertEquals(130, batch.workload().tasks());
        assertEquals(List.of(1, 1, 2), model.runs.subList(0, 3), "the cold size is run again");
    }

    @Test
    void stopsProbingAtTheMostTasks() {
        Batch batch = Batch.size(new WaveClock(0, 0), sleep(1_000), Duration.ofMillis(100), NO_CAP);
        assertEquals((Batch.MAX_TASKS + 999) / 1_000 * 1_000, batch.workload().tasks());
    }

    @Test
    void capIsTwoIterations() {
        assertEquals(Duration.ofMillis(600), Batch.cap(Duration.ofMillis(300)));
    }

    @Test
    void targetIsASixthOfTheIterationWithinBounds() {
        assertEquals(Duration.ofMillis(20), Batch.target(Duration.ofMillis(60)));
        assertEquals(Duration.ofMillis(50), Batch.target(Duration.ofMillis(300)));
        assertEquals(Duration.ofMillis(250), Batch.target(Duration.ofSeconds(10)));
    }
}
