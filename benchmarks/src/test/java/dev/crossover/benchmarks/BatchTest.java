package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void roundsAWaitBoundBatchDownToWholeWaves() {
        // waves of 10 ms, target 100 ms: 1..64 tasks are 1..7 waves, 128 tasks are 13 waves -> 120 tasks
        Workload sized = Batch.size(new WaveClock(10, 0), sleep(10), Duration.ofMillis(100));
        assertEquals(120, sized.tasks());
        assertEquals(10, sized.concurrency());
    }

    @Test
    void keepsFewerTasksThanTheConcurrencyWhenTheModelRunsFewAtOnce() {
        // C = 10,000, but the model runs one task at a time, as a pool of one worker would:
        // 1 and 2 tasks take 40 and 80 ms, 4 take 160 ms >= 100 ms, far from 10,000 tasks (400 s)
        Workload sized = Batch.size(new WaveClock(40, 0, 1), sleep(10_000), Duration.ofMillis(100));
        assertEquals(4, sized.tasks());
    }

    @Test
    void aColdFirstRunDoesNotStopTheSearch() {
        WaveClock model = new WaveClock(10, 500);
        Workload sized = Batch.size(model, sleep(10), Duration.ofMillis(100));
        assertEquals(120, sized.tasks());
        assertEquals(List.of(1, 1, 2), model.runs.subList(0, 3), "the cold size is run again");
    }

    @Test
    void stopsAtTheMostTasks() {
        Workload sized = Batch.size(new WaveClock(0, 0), sleep(1_000), Duration.ofMillis(100));
        assertEquals(Batch.MAX_TASKS / 1_000 * 1_000, sized.tasks());
    }

    @Test
    void targetIsASixthOfTheIterationWithinBounds() {
        assertEquals(Duration.ofMillis(20), Batch.target(Duration.ofMillis(60)));
        assertEquals(Duration.ofMillis(50), Batch.target(Duration.ofMillis(300)));
        assertEquals(Duration.ofMillis(250), Batch.target(Duration.ofSeconds(10)));
    }
}
