package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.InjectedFailure;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsyncTest {
    static final Duration MS = Duration.ofMillis(1);

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void runReturnsMainsValueAndRethrowsItsFailure() {
        assertEquals("done", Async.run(() -> Async.sleep(ms(5), "done")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Async.run(() -> Async.sleep(MS).thenApply(v -> { throw new IllegalArgumentException("bad"); })));
        assertEquals("bad", e.getMessage());
    }

    @Test
    void runRefusesALoopThread() {
        IllegalStateException e = Async.run(() -> Task.completed(
                assertThrows(IllegalStateException.class, () -> Async.run(() -> Task.completed(1)))));
        assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
    }

    @Test
    void loopOnlyCallsOutsideALoopSayThereIsNoLoop() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Async.sleep(MS));
        assertTrue(e.getMessage().contains("expected: an event loop thread"), e.getMessage());
    }

    @Test
    void spawnStartsInALaterTurnAndDoneCallbacksRunInOrderOnTheLoop() {
        List<String> events = Async.run(() -> {
            List<String> log = new ArrayList<>();
            Thread loopThread = Thread.currentThread();
            Task<Integer> task = Async.spawn(() -> {
                log.add("coroutine starts");
                return Task.completed(42);
            });
            log.add("spawn returned");
            Task<Void> first = Task.create("first");
            task.whenDone(t -> log.add("callback 1: " + t.result() + (Thread.currentThread() == loopThread ? " on loop" : "")));
            task.whenDone(t -> {
                log.add("callback 2");
                first.complete(null);
            });
            return first.thenApply(v -> log);
        });
        assertEquals(List.of("spawn returned", "coroutine starts", "callback 1: 42 on loop", "callback 2"), events);
    }

    @Test
    void thenComposeChainsLikeAwait() {
        int result = Async.run(() -> Async.sleep(MS, 20)
                .thenCompose(x -> Async.sleep(MS, x + 1))
                .thenApply(x -> x * 2));
        assertEquals(42, result);
    }

    @Test
    void exceptionallyRecoversFailuresButNotCancellation() {
        String recovered = Async.run(() -> Async.<String>spawn(() -> { throw new IllegalStateException("x"); })
                .exceptionally(t -> "recovered from " + t.getMessage()));
        assertEquals("recovered from x", recovered);
        assertThrows(CancellationException.class, () -> Async.run(() -> {
            Task<String> sleeping = Async.sleep(ms(1_000), "late");
            Task<String> guarded = sleeping.exceptionally(t -> "recovered");
            sleeping.cancel();
            return guarded;
        }));
    }

    @Test
    void cancelledSleepLeavesNoTimer() {
        int[] timers = Async.run(() -> {
            EventLoop loop = EventLoop.current();
            Task<Void> sleep = Async.sleep(Duration.ofHours(1));
            int armed = loop.pendingTimers();
            assertTrue(sleep.cancel());
            assertTrue(sleep.isCancelled());
            assertThrows(CancellationException.class, sleep::result);
            return Task.completed(new int[] {armed, loop.pendingTimers()});
        });
        assertEquals(1, timers[0]);
        assertEquals(0, timers[1]);
    }

    @Test
    void hundredThousandCancelledSleepsLeaveTheTimerQueueEmpty() {
        int[] counts = Async.run(() -> {
            EventLoop loop = EventLoop.current();
            List<Task<Void>> sleeps = new ArrayList<>(100_000);
            for (int i = 0; i < 100_000; i++) {
                sleeps.add(Async.sleep(Duration.ofSeconds(10 + i % 1000)));
            }
            int armed = loop.pendingTimers();
            sleeps.forEach(Task::cancel);
            return Async.gatherOutcomes(sleeps).thenApply(outcomes -> new int[] {armed, loop.pendingTimers(),
                    (int) outcomes.stream().filter(o -> o instanceof Outcome.Failure<?> f
                            && f.cause() instanceof CancellationException).count()});
        });
        assertEquals(100_000, counts[0], "armed");
        assertEquals(0, counts[1], "left after cancelling");
        assertEquals(100_000, counts[2], "cancelled");
    }

    @Test
    void cancellingAChainCancelsWhatItAwaits() {
        int left = Async.run(() -> {
            EventLoop loop = EventLoop.current();
            Task<Void> chain = Async.spawn(() -> Async.sleep(MS).thenCompose(v -> Async.sleep(Duration.ofHours(1))));
            return Async.sleep(ms(20)).thenCompose(v -> {
                assertEquals(1, loop.pendingTimers(), "the inner sleep's timer");
                chain.cancel();  // delivered through the inner sleep: the chain ends once that comes back
                return Async.gatherOutcomes(List.of(chain)).thenApply(w -> chain.isCancelled() ? loop.pendingTimers() : -1);
            });
        });
        assertEquals(0, left);
    }

    @Test
    void joinOnTheLoopThreadIsRefusedBecauseItWouldDeadlock() {
        IllegalStateException e = Async.run(() -> {
            Task<Void> sleep = Async.sleep(MS);
            return Task.completed(assertThrows(IllegalStateException.class, sleep::join));
        });
        assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
    }

    @Test
    void loopOnlyTaskMethodsRefuseOtherThreads() throws Exception {
        try (EventLoop loop = EventLoop.start("test")) {
            Task<String> task = new Task<>(loop, "t");
            assertThrows(IllegalStateException.class, () -> task.complete("x"));
            assertThrows(IllegalStateException.class, task::cancel);
            assertThrows(IllegalStateException.class, () -> task.whenDone(t -> { }));
            loop.callSoonThreadsafe(() -> task.complete("from the loop"));
            assertEquals("from the loop", task.join());
        }
    }

    @Test
    void gatherKeepsArgumentOrderWhateverTheFinishingOrder() {
        List<String> results = Async.run(() -> Async.gather(
                Async.sleep(ms(30), "one"), Async.sleep(ms(10), "two"), Async.sleep(ms(20), "three")));
        assertEquals(List.of("one", "two", "three"), results);
    }

    @Test
    void gatherFailsWithTheFirstFailureAndCancellingItCancelsAll() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Async.run(() -> Async.gather(
                Async.sleep(ms(30), "slow"),
                Async.sleep(ms(10)).<String>thenApply(v -> { throw new IllegalStateException("first"); }),
                Async.sleep(ms(20)).<String>thenApply(v -> { throw new IllegalStateException("second"); }))));
        assertEquals("first", e.getMessage());

        boolean allCancelled = Async.run(() -> {
            List<Task<Void>> sleeps = List.of(Async.sleep(ms(1_000)), Async.sleep(ms(2_000)));
            Async.gather(sleeps).cancel();
            return Task.completed(sleeps.stream().allMatch(Task::isCancelled));
        });
        assertTrue(allCancelled);
    }

    @Test
    void gatherOutcomesReturnsFailuresAsValues() {
        List<Outcome<String>> outcomes = Async.run(() -> Async.gatherOutcomes(List.of(
                Async.sleep(ms(10), "ok"),
                Async.sleep(MS).<String>thenApply(v -> { throw new IllegalStateException("boom"); }))));
        assertEquals(new Outcome.Success<>("ok"), outcomes.get(0));
        Outcome.Failure<?> failure = assertInstanceOf(Outcome.Failure.class, outcomes.get(1));
        assertEquals("boom", failure.cause().getMessage());
        assertEquals(List.of(), Async.run(() -> Async.gather(List.<Task<String>>of())));
    }

    @Test
    void waitForTimesOutCancelsTheTaskAndLeavesNoTimer() {
        Object[] seen = Async.run(() -> {
            EventLoop loop = EventLoop.current();
            Task<String> slow = Async.sleep(Duration.ofHours(1), "never");
            Task<String> bounded = Async.waitFor(slow, ms(10));
            return bounded.exceptionally(t -> t.getClass().getSimpleName())
                    .thenApply(r -> new Object[] {r, slow.isCancelled(), loop.pendingTimers()});
        });
        assertEquals(TimeoutException.class.getSimpleName(), seen[0]);
        assertEquals(true, seen[1], "the slow task is cancelled");
        assertEquals(0, seen[2], "timers left");

        int[] fast = Async.run(() -> Async.waitFor(Async.sleep(MS, 7), Duration.ofHours(1))
                .thenApply(v -> new int[] {v, EventLoop.current().pendingTimers()}));
        assertEquals(7, fast[0]);
        assertEquals(0, fast[1], "the timeout's timer is gone once the task ends");
    }

    @Test
    void timeoutBlockFailsWithTimeoutException() {
        CompletionException e = assertThrows(CompletionException.class,
                () -> Async.run(() -> Async.timeout(ms(5), () -> Async.sleep(Duration.ofHours(1)))));
        assertInstanceOf(TimeoutException.class, e.getCause());
    }

    @Test
    void taskGroupWaitsForEveryChild() {
        List<String> order = Async.run(() -> {
            List<String> log = new ArrayList<>();
            TaskGroup tg = new TaskGroup();
            tg.spawn(() -> Async.sleep(ms(20)).thenAccept(v -> log.add("slow")));
            tg.spawn(() -> Async.sleep(ms(5)).thenAccept(v -> log.add("fast")));
            return tg.join().thenApply(v -> {
                log.add("group done");
                return log;
            });
        });
        assertEquals(List.of("fast", "slow", "group done"), order);
    }

    @Test
    void taskGroupFailureCancelsTheOthersAndLeavesNoChildRunning() {
        Object[] seen = Async.run(() -> {
            EventLoop loop = EventLoop.current();
            TaskGroup tg = new TaskGroup();
            List<Task<Void>> children = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                children.add(tg.spawn(() -> Async.sleep(Duration.ofHours(1))));
            }
            children.add(tg.spawn(() -> Async.sleep(ms(5)).thenAccept(v -> { throw new InjectedFailure("child failed"); })));
            return tg.join().exceptionally(t -> {
                assertThrows(IllegalStateException.class, () -> tg.spawn(() -> Async.sleep(MS)), "group is done");
                return null;
            }).thenApply(v -> new Object[] {tg.join().failure(), children.stream().filter(Task::isCancelled).count(),
                    children.stream().allMatch(Task::isDone), loop.pendingTimers(), tg.running()});
        });
        TaskGroupException group = assertInstanceOf(TaskGroupException.class, seen[0]);
        assertEquals(List.of("child failed"), group.failures().stream().map(Throwable::getMessage).toList());
        assertEquals(5L, seen[1], "cancelled siblings");
        assertEquals(true, seen[2], "every child done");
        assertEquals(0, seen[3], "timers left");
        assertEquals(0, seen[4], "children running");
    }

    @Test
    void taskGroupSurfacesEveryFailure() {
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> Async.run(() -> Async.taskGroup(tg -> {
            // Both children fail in the same turn (two sleeps of 5 ms may expire in different turns,
            // and then the first failure rightly cancels the second before it fails).
            Task<Void> both = Async.sleep(ms(5));
            for (String name : List.of("a", "b")) {
                tg.spawn(() -> both.thenAccept(v -> { throw new IllegalStateException(name); }));
            }
        })));
        assertEquals(List.of("a", "b"), e.failures().stream().map(Throwable::getMessage).toList());
        assertEquals(2, e.getSuppressed().length);
    }

    @Test
    void lockGrantsInArrivalOrderAndExcludesOthersAcrossWaits() {
        List<String> log = Async.run(() -> {
            List<String> events = new ArrayList<>();
            AsyncLock lock = new AsyncLock();
            List<Task<Void>> users = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                users.add(lock.withLock(() -> {
                    events.add(name + " in");
                    return Async.sleep(ms(3)).thenAccept(v -> events.add(name + " out"));
                }));
            }
            return Async.gather(users).thenApply(v -> {
                assertFalse(lock.isLocked());
                assertThrows(IllegalStateException.class, lock::release);
                return events;
            });
        });
        assertEquals(List.of("a in", "a out", "b in", "b out", "c in", "c out"), log);
    }

    @Test
    void semaphoreIsFairAndSkipsCancelledWaiters() {
        List<String> order = Async.run(() -> {
            List<String> events = new ArrayList<>();
            AsyncSemaphore sem = new AsyncSemaphore(1);
            Task<Void> holder = sem.acquire();
            Task<Void> a = sem.acquire();
            Task<Void> b = sem.acquire();
            Task<Void> c = sem.acquire();
            a.whenDone(t -> events.add("a"));
            c.whenDone(t -> events.add(t.isCancelled() ? "c cancelled" : "c"));
            b.cancel();
            assertEquals(2, sem.waiting(), "b left the queue");
            assertFalse(holder.isDone(), "the permit is handed now, delivered in the next turn");
            return holder.thenCompose(h -> {
                sem.release();  // to a, not to a newcomer
                Task<Void> newcomer = sem.acquire();
                newcomer.whenDone(t -> events.add("newcomer"));
                return Async.sleep(MS);
            }).thenCompose(v -> {
                sem.release();  // a's permit to c
                return Async.sleep(MS);
            }).thenCompose(v -> {
                sem.release();  // c's permit to newcomer
                return Async.sleep(MS);
            }).thenApply(v -> {
                sem.release();
                events.add("available " + sem.available());
                return events;
            });
        });
        assertEquals(List.of("a", "c", "newcomer", "available 1"), order);
    }

    @Test
    void queueRespectsItsBoundAndOrder() {
        List<String> log = Async.run(() -> {
            List<String> events = new ArrayList<>();
            AsyncQueue<String> queue = new AsyncQueue<>(2);
            Task<Void> p1 = queue.put("1");
            Task<Void> p2 = queue.put("2");
            Task<Void> p3 = queue.put("3");
            events.add("done after 3 puts: " + p1.isDone() + p2.isDone() + p3.isDone() + ", size " + queue.size());
            assertFalse(queue.offer("x"), "full");
            return queue.get().thenCompose(first -> {
                events.add("got " + first + ", third put done: " + p3.isDone() + ", size " + queue.size());
                return Async.gather(queue.get(), queue.get());
            }).thenCompose(rest -> {
                events.add("got " + rest);
                Task<String> waiting = queue.get();
                Task<String> cancelled = queue.get();
                cancelled.cancel();
                queue.offer("4");
                return waiting;
            }).thenApply(last -> {
                events.add("got " + last + ", size " + queue.size());
                return events;
            });
        });
        assertEquals(List.of("done after 3 puts: truetruefalse, size 2", "got 1, third put done: false, size 1",
                "got [2, 3]", "got 4, size 0"), log);
    }

    @Test
    void toThreadRunsOffTheLoopAndReturnsOnIt() {
        String where = Async.run(() -> {
            Thread loopThread = Thread.currentThread();
            return Async.toThread(() -> Thread.currentThread() == loopThread ? "on loop" : "off loop")
                    .thenApply(r -> r + ", back " + (Thread.currentThread() == loopThread ? "on loop" : "elsewhere"));
        });
        assertEquals("off loop, back on loop", where);
    }

    @Test
    void callSoonThreadsafeComesInFromAnotherThread() {
        String value = Async.run(() -> {
            EventLoop loop = EventLoop.current();
            Task<String> task = Task.create("from outside");
            Thread.ofPlatform().start(() -> loop.callSoonThreadsafe(() -> task.complete("hello")));
            return task;
        });
        assertEquals("hello", value);
    }

    @Test
    void aMillionFailingTasksDoNotStopTheLoop() {
        InjectedFailure failure = new InjectedFailure("injected");
        long[] counts = Async.run(() -> {
            List<Task<Integer>> tasks = new ArrayList<>(1_000_000);
            for (int i = 0; i < 1_000_000; i++) {
                tasks.add(Async.spawn(() -> { throw failure; }));
            }
            return Async.gatherOutcomes(tasks).thenCompose(outcomes -> Async.sleep(MS, new long[] {
                    outcomes.stream().filter(o -> o instanceof Outcome.Failure<?>).count(),
                    EventLoop.current().callbackFailures()}));
        });
        assertEquals(1_000_000L, counts[0], "failed tasks");
        assertEquals(0L, counts[1], "failures went to their tasks, not to the loop's reporter");
    }

    @Test
    void readinessWaitCompletesOnDataAndACancelledWaitLeavesNoKey() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                 SocketChannel accepted = server.accept()) {
                accepted.configureBlocking(false);
                int[] keys = Async.run(() -> {
                    EventLoop loop = EventLoop.current();
                    Task<Void> wait = Async.readable(accepted);
                    int registered = loop.registeredKeys();
                    wait.cancel();
                    return Async.sleep(MS).thenCompose(v -> {
                        int afterCancel = loop.registeredKeys();
                        Task<Void> second = Async.readable(accepted);
                        try {
                            client.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                        } catch (java.io.IOException e) {
                            return Task.failed(e);
                        }
                        return second.thenCompose(w -> Async.sleep(MS)).thenApply(w -> {
                            ByteBuffer in = ByteBuffer.allocate(8);
                            try {
                                accepted.read(in);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            return new int[] {registered, afterCancel, in.position(), loop.registeredKeys()};
                        });
                    });
                });
                assertEquals(1, keys[0], "registered while waiting");
                assertEquals(0, keys[1], "keys after the cancelled wait");
                assertEquals(3, keys[2], "bytes read after readiness");
                assertEquals(0, keys[3], "keys after a completed wait");
            }
        }
    }

    @Test
    void taskResultStatesAreReadableFromAnyThread() throws Exception {
        Task<String> done = Async.run(() -> Task.completed(Task.completed("x")));
        assertTrue(done.isSucceeded());
        assertSame("x", done.result());
    }
}
