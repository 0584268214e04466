package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heap itself, with deadlines chosen exactly (through the loop they always differ by a few nanoseconds). */
class TimerQueueTest {
    /** Timers need a loop to belong to; this one never starts. */
    private final EventLoop loop = new EventLoop("timer-queue-test");

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private Timer timer(long deadline, long sequence) {
        return new Timer(loop, deadline, sequence, deadline + "/" + sequence, () -> { });
    }

    private static List<String> drain(TimerQueue queue) {
        List<String> order = new ArrayList<>();
        while (queue.peek() != null) {
            order.add(queue.poll().name);
        }
        return order;
    }

    @Test
    void timersWithEqualDeadlinesComeOutInArmingOrderWhateverTheInsertionOrder() {
        List<Timer> timers = new ArrayList<>();
        long sequence = 0;
        for (long deadline : new long[] {30, 10, 30, 20, 30, 10, 30}) {
            timers.add(timer(deadline, sequence++));
        }
        for (long seed = 0; seed < 50; seed++) {
            List<Timer> shuffled = new ArrayList<>(timers);
            Collections.shuffle(shuffled, new Random(seed));
            TimerQueue queue = new TimerQueue();
            shuffled.forEach(queue::add);
            assertEquals(List.of("10/1", "10/5", "20/3", "30/0", "30/2", "30/4", "30/6"), drain(queue), "seed " + seed);
        }
    }

    @Test
    void removingATimerKeepsTheOthersInDeadlineThenArmingOrder() {
        TimerQueue queue = new TimerQueue();
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Timer t = timer(i % 4, i);  // 50 timers on each of four deadlines
            timers.add(t);
            queue.add(t);
        }
        for (int i = 0; i < timers.size(); i += 3) {
            assertTrue(queue.remove(timers.get(i)));
        }
        List<String> expected = new ArrayList<>();
        for (int deadline = 0; deadline < 4; deadline++) {
            for (int i = deadline; i < 200; i += 4) {
                if (i % 3 != 0) {
                    expected.add(deadline + "/" + i);
                }
            }
        }
        assertEquals(expected, drain(queue));
        assertNull(queue.peek());
    }

    @Test
    void deadlinesCompareByDifferenceSoTheyMayWrapAroundLongMaxValue() {
        TimerQueue queue = new TimerQueue();
        queue.add(timer(Long.MIN_VALUE + 5, 1));  // 10 ns after the one below, past the wrap
        queue.add(timer(Long.MAX_VALUE - 4, 0));
        queue.add(timer(Long.MIN_VALUE + 5, 2));
        assertEquals(List.of(Long.MAX_VALUE - 4 + "/0", Long.MIN_VALUE + 5 + "/1", Long.MIN_VALUE + 5 + "/2"), drain(queue));
    }
}
