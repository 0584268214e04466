package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop's timers wake on whole milliseconds (see EventLoop's "Timer precision"): late by up to
 * a millisecond, never early. How late is a benchmark's business; these tests only hold the floor.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimerPrecisionTest {
    private static final long[] DELAYS_NANOS = {0, 1_000, 100_000, 500_000, 999_999, 1_000_000, 1_000_001,
            1_500_000, 2_300_000, 5_000_000};

    @Test
    void timersNeverFireBeforeTheirDeadline() throws Exception {
        try (EventLoop loop = EventLoop.start("test")) {
            CompletableFuture<List<String>> early = new CompletableFuture<>();
            loop.execute(() -> {
                List<String> found = new ArrayList<>();
                int[] pending = {DELAYS_NANOS.length * 20};
                for (int round = 0; round < 20; round++) {
                    for (long delay : DELAYS_NANOS) {
                        long armed = System.nanoTime();
                        Timer[] timer = new Timer[1];
                        timer[0] = loop.schedule(delay, "delay " + delay, () -> {
                            long now = System.nanoTime();
                            if (now - timer[0].deadlineNanos() < 0 || now - armed < delay) {
                                found.add("delay " + delay + " fired after " + (now - armed) + " ns");
                            }
                            if (--pending[0] == 0) {
                                early.complete(found);
                            }
                        });
                    }
                }
            });
            assertEquals(List.of(), early.get(20, TimeUnit.SECONDS), "timers that fired early");
        }
    }

    @Test
    void sleepsNeverEndEarly() {
        List<String> early = Async.run(() -> {
            List<Task<String>> sleeps = new ArrayList<>();
            for (long delay : DELAYS_NANOS) {
                long start = System.nanoTime();
                sleeps.add(Async.sleep(Duration.ofNanos(delay)).thenApply(v -> {
                    long took = System.nanoTime() - start;
                    return took < delay ? "sleep " + delay + " took " + took + " ns" : null;
                }));
            }
            return Async.gather(sleeps);
        });
        assertEquals(List.of(), early.stream().filter(s -> s != null).toList(), "sleeps that ended early");
    }

    @Test
    void selectTimeoutRoundsUpToWholeMillisecondsAndNeverToZero() {
        assertEquals(1, Poller.selectMillis(1));
        assertEquals(1, Poller.selectMillis(999_999));
        assertEquals(1, Poller.selectMillis(1_000_000));
        assertEquals(2, Poller.selectMillis(1_000_001));
        assertEquals(51, Poller.selectMillis(50_000_001));
        assertTrue(Poller.selectMillis(Long.MAX_VALUE) > 9_000_000_000_000L, "a far deadline does not overflow to a short wait");
    }
}
