package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/** Unbounded, LIFO and priority queues, task_done/join and shutdown, after CPython's test_queues.py. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QueueVariantsTest {
    static final int REPEATS = 20;

    static <T> List<T> drain(AsyncQueue<T> q) {
        List<T> out = new ArrayList<>();
        for (T item = q.poll(); item != null; item = q.poll()) {
            out.add(item);
        }
        return out;
    }

    // QueueBasicTests.test_maxsize with maxsize=0: an unbounded queue never makes a put wait.
    @RepeatedTest(REPEATS)
    void anUnboundedQueueTakesEveryPutAtOnce() {
        Object[] seen = Async.run(() -> {
            AsyncQueue<Integer> q = new AsyncQueue<>();
            boolean allDone = true;
            for (int i = 0; i < 10_000; i++) {
                allDone &= q.put(i).isDone();
            }
            return Task.completed(new Object[] {allDone, q.size(), q.capacity(), q.poll()});
        });
        assertEquals(true, seen[0]);
        assertEquals(10_000, seen[1]);
        assertEquals(Integer.MAX_VALUE, seen[2]);
        assertEquals(0, seen[3]);
    }

    // LifoQueueTests.test_order and PriorityQueueTests.test_order: [1, 3, 2] comes out [2, 3, 1] and [1, 2, 3].
    @RepeatedTest(REPEATS)
    void lifoAndPriorityQueuesGiveTheirOrder() {
        record Job(int priority, String name) {
        }
        Object[] seen = Async.run(() -> {
            AsyncQueue<Integer> lifo = AsyncQueue.lifo(0);
            AsyncQueue<Integer> prio = AsyncQueue.priority(0, Comparator.naturalOrder());
            for (int i : new int[] {1, 3, 2}) {
                lifo.offer(i);
                prio.offer(i);
            }
            AsyncQueue<Job> jobs = AsyncQueue.priority(2, Comparator.comparingInt(Job::priority));
            jobs.offer(new Job(2, "b"));
            jobs.offer(new Job(1, "a"));
            Task<Void> waitingPut = jobs.put(new Job(0, "urgent"));   // full: waits for a place
            return jobs.get().thenCompose(first -> waitingPut.thenApply(v -> new Object[] {
                    drain(lifo), drain(prio), first.name(), drain(jobs).stream().map(Job::name).toList()}));
        });
        assertEquals(List.of(2, 3, 1), seen[0]);
        assertEquals(List.of(1, 2, 3), seen[1]);
        assertEquals("a", seen[2]);
        assertEquals(List.of("urgent", "b"), seen[3]);
    }

    // LifoQueue: an item given back by a get cancelled before its delivery is on top again.
    @RepeatedTest(REPEATS)
    void aLifoGetCancelledBeforeDeliveryLeavesItsItemOnTop() {
        List<Integer> seen = Async.run(() -> {
            AsyncQueue<Integer> q = AsyncQueue.lifo(0);
            q.offer(1);
            q.offer(2);
            Task<Integer> get = q.get();   // handed 2
            get.cancel();
            return Async.sleep(Duration.ofMillis(1)).thenApply(v -> drain(q));
        });
        assertEquals(List.of(2, 1), seen);
    }

    // QueueJoinTests.test_task_done / test_join_empty_queue / test_task_done_underflow.
    @RepeatedTest(REPEATS)
    void joinEndsOnceEveryItemHadItsTaskDoneAndTooManyTaskDonesAreRefused() {
        Object[] seen = Async.run(() -> {
            AsyncQueue<Integer> q = new AsyncQueue<>();
            Task<Void> emptyJoin = q.join();
            String underflow = assertThrows(IllegalStateException.class, q::taskDone).getMessage();
            int[] total = {0};
            List<Task<Void>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(Async.spawn(() -> worker(q, total)));
            }
            for (int i = 1; i <= 100; i++) {
                q.offer(i);
            }
            Task<Void> joined = q.join();
            return emptyJoin.thenCompose(v -> joined).thenApply(v -> {
                workers.forEach(Task::cancel);
                return new Object[] {total[0], q.size(), underflow};
            });
        });
        assertEquals(5050, seen[0]);
        assertEquals(0, seen[1]);
        assertEquals("taskDone: 0 unfinished elements (expected: > 0; called more often than elements were put in)", seen[2]);
    }

    private static Task<Void> worker(AsyncQueue<Integer> q, int[] total) {
        return q.get().thenCompose(item -> {
            total[0] += item;
            q.taskDone();
            return worker(q, total);
        });
    }

    // test_shutdown_empty / test_shutdown_nonempty / test_shutdown_putter: puts fail at once, gets drain
    // what is left and then fail; the waiting put fails and its item stays out.
    @RepeatedTest(REPEATS)
    void shutdownFailsPutsAndWaitingPutsAndLetsGetsDrainTheQueueFirst() {
        Object[] seen = Async.run(() -> {
            AsyncQueue<String> q = new AsyncQueue<>(1);
            q.offer("left");
            Task<Void> waitingPut = q.put("never");
            AsyncQueue<String> empty = new AsyncQueue<>(1);
            Task<String> waitingGet = empty.get();
            q.shutdown(false);
            empty.shutdown(false);
            Task<Void> latePut = q.put("late");
            return q.get().thenCompose(first -> Async.gatherOutcomes(List.of(waitingPut, latePut, waitingGet, q.get()))
                    .thenApply(o -> new Object[] {first, o, q.isShutDown()}));
        });
        assertEquals("left", seen[0]);
        @SuppressWarnings("unchecked")
        List<Outcome<Object>> outcomes = (List<Outcome<Object>>) seen[1];
        for (Outcome<Object> o : outcomes) {
            assertInstanceOf(QueueShutDownException.class, assertInstanceOf(Outcome.Failure.class, o).cause());
        }
        assertEquals(true, seen[2]);
    }

    // test_shutdown_immediate / test_shutdown_immediate_with_unfinished: items dropped, join released.
    @RepeatedTest(REPEATS)
    void anImmediateShutdownDropsTheItemsAndReleasesJoin() {
        Object[] seen = Async.run(() -> {
            AsyncQueue<String> q = new AsyncQueue<>();
            q.offer("a");
            q.offer("b");
            Task<Void> joined = q.join();
            q.shutdown(true);
            QueueShutDownException offer = assertThrows(QueueShutDownException.class, () -> q.offer("c"));
            QueueShutDownException poll = assertThrows(QueueShutDownException.class, q::poll);
            return joined.thenApply(v -> new Object[] {q.size(), offer.getMessage(), poll.getMessage()});
        });
        assertEquals(0, seen[0]);
        assertEquals("queue offer: shut down (expected: a queue not shut down)", seen[1]);
        assertEquals("queue poll: shut down (expected: a queue not shut down, or not empty)", seen[2]);
    }
}
