package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/** Event, Condition, BoundedSemaphore and Barrier, after CPython's test_locks.py and test_barriers (in test_locks.py). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SyncPrimitivesTest {
    static final int REPEATS = 20;
    static final Duration MS = Duration.ofMillis(1);

    // EventTests.test_wait: three waiters, all woken by one set(), in order.
    @RepeatedTest(REPEATS)
    void setWakesEveryWaiterAndAWaitOnASetEventIsDoneAtOnce() {
        Object[] seen = Async.run(() -> {
            AsyncEvent event = new AsyncEvent();
            List<Integer> woken = new ArrayList<>();
            List<Task<Void>> waiters = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int id = i;
                waiters.add(event.await().thenAccept(v -> woken.add(id)));
            }
            return Async.sleep(MS).thenCompose(v -> {
                List<Integer> before = List.copyOf(woken);
                event.set();
                return Async.gather(waiters).thenApply(all -> {
                    Task<Boolean> onSet = event.await();
                    return new Object[] {before, woken, onSet.isDone(), onSet.result(), event.isSet()};
                });
            });
        });
        assertEquals(List.of(), seen[0]);
        assertEquals(List.of(1, 2, 3), seen[1]);
        assertEquals(true, seen[2], "test_wait_on_set: done at once");
        assertEquals(true, seen[3]);
        assertEquals(true, seen[4]);
    }

    // EventTests.test_clear_with_waiters and test_wait_cancel.
    @RepeatedTest(REPEATS)
    void aWaiterWokenBeforeAClearStillEndsTrueAndACancelledWaitLeaves() {
        Object[] seen = Async.run(() -> {
            AsyncEvent event = new AsyncEvent();
            Task<Boolean> woken = event.await();
            Task<Boolean> cancelled = event.await();
            cancelled.cancel();
            int waitingAfterCancel = event.waiting();
            event.set();
            event.clear();
            return woken.thenApply(v -> new Object[] {v, event.isSet(), waitingAfterCancel, cancelled.isCancelled(),
                    event.await().isDone()});
        });
        assertEquals(true, seen[0]);
        assertEquals(false, seen[1]);
        assertEquals(1, seen[2]);
        assertEquals(true, seen[3]);
        assertEquals(false, seen[4], "a wait after clear() waits");
    }

    // ConditionTests.test_wait / test_notify: notify(1) wakes the longest waiter, which then holds the lock.
    @RepeatedTest(REPEATS)
    void notifyWakesWaitersInOrderEachHoldingTheLockWhenItsWaitEnds() {
        List<String> log = Async.run(() -> {
            AsyncCondition cond = new AsyncCondition();
            List<String> events = new ArrayList<>();
            List<Task<Boolean>> waits = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                waits.add(cond.withLock(() -> cond.await().thenApply(v -> {
                    events.add(name + " woken, locked " + cond.isLocked());
                    return v;
                })));
            }
            return Async.sleep(MS).thenCompose(v -> {
                events.add("waiting " + cond.waiting() + ", locked " + cond.isLocked());
                return cond.withLock(() -> {
                    cond.notify(2);
                    return Task.completed(null);
                });
            }).thenCompose(v -> Async.sleep(MS)).thenCompose(v -> {
                events.add("left waiting " + cond.waiting());
                return cond.withLock(() -> {
                    cond.notifyAllWaiters();
                    return Task.completed(null);
                });
            }).thenCompose(v -> Async.gather(waits)).thenApply(v -> {
                events.add("locked at the end " + cond.isLocked());
                return events;
            });
        });
        assertEquals(List.of("waiting 3, locked false", "a woken, locked true", "b woken, locked true",
                "left waiting 1", "c woken, locked true", "locked at the end false"), log);
    }

    // ConditionTests.test_wait_unacquired / test_notify_unacquired, and test_wait_for.
    @RepeatedTest(REPEATS)
    void waitAndNotifyWithoutTheLockAreRefusedAndAwaitUntilChecksThePredicate() {
        Object[] seen = Async.run(() -> {
            AsyncCondition cond = new AsyncCondition();
            IllegalStateException waitRefused = assertThrows(IllegalStateException.class, cond::await);
            IllegalStateException notifyRefused = assertThrows(IllegalStateException.class, () -> cond.notify(1));
            ArrayDeque<String> queue = new ArrayDeque<>();
            Task<String> consumer = cond.withLock(() -> cond.awaitUntil(() -> !queue.isEmpty()).thenApply(v -> queue.poll()));
            Task<Void> producer = Async.sleep(MS).thenCompose(v -> cond.withLock(() -> {
                cond.notify(1);   // predicate still false: the consumer waits again
                return Task.completed(null);
            })).thenCompose(v -> Async.sleep(MS)).thenCompose(v -> cond.withLock(() -> {
                queue.add("item");
                cond.notify(1);
                return Task.completed(null);
            }));
            return producer.thenCompose(v -> consumer)
                    .thenApply(item -> new Object[] {waitRefused.getMessage(), notifyRefused.getMessage(), item});
        });
        assertEquals("condition.await: lock unlocked (expected: held by the caller)", seen[0]);
        assertEquals("condition.notify: lock unlocked (expected: held by the caller)", seen[1]);
        assertEquals("item", seen[2]);
    }

    // ConditionTests.test_wait_cancel_after_notify / test_wait_cancel_contested: a cancelled wait
    // still ends holding the lock, then cancelled.
    @RepeatedTest(REPEATS)
    void aCancelledWaitEndsCancelledOnlyOnceItHoldsTheLockAgain() {
        Object[] seen = Async.run(() -> {
            AsyncCondition cond = new AsyncCondition();
            Task<Void> held = cond.acquire();
            return held.thenCompose(h -> {
                Task<Boolean> wait = cond.await();
                boolean lockedAfterAwait = cond.isLocked();
                return cond.acquire().thenCompose(again -> {   // someone else holds the lock now
                    wait.cancel();
                    return Async.sleep(MS).thenApply(v -> new boolean[] {lockedAfterAwait, wait.isDone()});
                }).thenCompose(before -> {
                    cond.release();                             // now the cancelled wait can take it
                    return Async.gatherOutcomes(List.of(wait)).thenApply(o -> new Object[] {
                            before[0], before[1], wait.isCancelled(), cond.isLocked()});
                });
            });
        });
        assertEquals(false, seen[0], "await() released the lock");
        assertEquals(false, seen[1], "not done while the lock is held by another");
        assertEquals(true, seen[2]);
        assertEquals(true, seen[3], "the cancelled wait holds the lock again");
    }

    // SemaphoreTests / BoundedSemaphore: test_release_not_acquired raises ValueError.
    @RepeatedTest(REPEATS)
    void aBoundedSemaphoreRefusesAReleaseBeyondItsBound() {
        String message = Async.run(() -> {
            AsyncBoundedSemaphore sem = new AsyncBoundedSemaphore(2);
            return sem.acquire().thenApply(v -> {
                sem.release();
                return assertThrows(IllegalStateException.class, sem::release).getMessage();
            });
        });
        assertEquals("bounded semaphore: 2 of 2 permits free (expected: fewer; released too many times)", message);
    }

    // BarrierTests.test_wait_more / test_barrier_parties: every party gets a distinct index, and the
    // barrier serves the next round.
    @RepeatedTest(REPEATS)
    void aBarrierReleasesARoundOnceEveryPartyArrivedWithDistinctIndicesAndServesTheNext() {
        Object[] seen = Async.run(() -> {
            AsyncBarrier barrier = new AsyncBarrier(3);
            Task<Integer> a = barrier.await();
            Task<Integer> b = barrier.await();
            int waiting = barrier.waiting();
            boolean doneBeforeLast = a.isDone() || b.isDone();
            Task<Integer> c = barrier.await();
            return Async.gather(a, b, c).thenCompose(round1 -> Async.gather(barrier.await(), barrier.await(), barrier.await())
                    .thenApply(round2 -> new Object[] {waiting, doneBeforeLast, round1, round2, barrier.waiting()}));
        });
        assertEquals(2, seen[0]);
        assertEquals(false, seen[1]);
        assertEquals(List.of(0, 1, 2), seen[2]);
        assertEquals(List.of(0, 1, 2), seen[3]);
        assertEquals(0, seen[4]);
    }

    // BarrierTests.test_abort / test_reset: waiters fail with BrokenBarrierError; reset makes it whole.
    @RepeatedTest(REPEATS)
    void abortBreaksTheBarrierForWaitersAndLaterWaitsUntilReset() {
        Object[] seen = Async.run(() -> {
            AsyncBarrier barrier = new AsyncBarrier(2);
            Task<Integer> waiting = barrier.await();
            barrier.abort();
            Task<Integer> late = barrier.await();
            boolean broken = barrier.isBroken();
            barrier.reset();
            return Async.gatherOutcomes(List.of(waiting, late)).thenCompose(o -> Async.gather(barrier.await(), barrier.await())
                    .thenApply(round -> new Object[] {o, broken, barrier.isBroken(), round}));
        });
        @SuppressWarnings("unchecked")
        List<Outcome<Integer>> outcomes = (List<Outcome<Integer>>) seen[0];
        for (Outcome<Integer> o : outcomes) {
            assertInstanceOf(BrokenBarrierException.class, assertInstanceOf(Outcome.Failure.class, o).cause());
        }
        assertEquals(true, seen[1]);
        assertEquals(false, seen[2]);
        assertEquals(List.of(0, 1), seen[3]);
    }
}
