package dev.crossover.eventloop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Completion;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.RunResult;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.eventloop.Recorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the contract does not look at, for the three loop models alike: on which thread a task
 * reports, what it reports for each wait, the same-thread path of a task submitted from the last
 * one's outcome, many threads submitting at once, and what becomes of the tasks in flight when a
 * completion throws or the model closes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopModelsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ConcurrencyModel model(String id) {
        return Models.create(id, ModelOptions.defaults());
    }

    private static TaskSpec task(WorkloadKind kind, Duration io, int index) {
        Workload.Builder b = Workload.builder(kind).seed(3).tasks(index + 1).io(io).cpuUnits(kind.computes() ? 50 : 0);
        if (kind == WorkloadKind.FANOUT) {
            b.fanout(4);
        }
        return b.build().task(index);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "eventloop-offload", "netty"})
    void aTaskReportsEachStepOnTheLoopThreadAndItsWaitNeverEndsEarly(String id) throws Exception {
        TaskSpec spec = task(WorkloadKind.MIXED, Duration.ofMillis(5), 0);
        Recorded done = Recorded.plain();
        try (ConcurrencyModel model = model(id)) {
            long submitted = System.nanoTime();
            model.submit(spec, done);

            assertEquals(spec.compute(), done.result(WAIT), "result");
            assertEquals(List.of("began", "waitEnded", "completed"), done.names(), "reports, in order");
            String loopThread = done.events().get(0).thread();
            assertNotEquals(Thread.currentThread().getName(), loopThread, "began on the model's thread");
            for (Recorded.Event e : done.events()) {
                assertEquals(loopThread, e.thread(), e.what() + " on the loop thread (offload: the result comes back)");
            }
            Recorded.Event waited = done.events("waitEnded").get(0);
            assertTrue(waited.value() >= submitted + spec.ioNanos(), "the deadline is when the wait was asked to end");
            assertTrue(waited.nanos() >= waited.value(), () -> "the wait ended " + (waited.value() - waited.nanos())
                    + " ns before its deadline (expected: a timer never fires early)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "eventloop-offload", "netty"})
    void aFanOutReportsEachSubWait(String id) throws Exception {
        TaskSpec spec = task(WorkloadKind.FANOUT, Duration.ofMillis(3), 0);
        Recorded done = Recorded.plain();
        try (ConcurrencyModel model = model(id)) {
            long submitted = System.nanoTime();
            model.submit(spec, done);

            assertEquals(spec.compute(), done.result(WAIT), "result");
            List<Recorded.Event> waits = done.events("waitEnded");
            assertEquals(4, waits.size(), "one report per sub-wait");
            for (Recorded.Event e : waits) {
                assertTrue(e.value() >= submitted + spec.ioNanos() && e.nanos() >= e.value(), e::toString);
            }
        }
    }

    /** Each task is submitted from the outcome of the last, on the loop thread: the driver's closed loop. */
    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "eventloop-offload", "netty"})
    void aTaskSubmittedFromTheLastOnesOutcomeTakesTheLoopThreadsPath(String id) throws Exception {
        int chain = 1_000;
        Workload workload = Workload.builder(WorkloadKind.CPU).seed(5).tasks(chain).cpuUnits(5).build();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicLong sum = new AtomicLong();
        CountDownLatch all = new CountDownLatch(chain);
        try (ConcurrencyModel model = model(id)) {
            class Next {
                void submit(int index) {
                    model.submit(workload.task(index), Recorded.onOutcome(r -> {
                        threads.add(Thread.currentThread().getName());
                        try {
                            sum.addAndGet(r.result(Duration.ZERO));
                        } catch (Exception e) {
                            throw new AssertionError("task " + index, e);
                        }
                        all.countDown();
                        if (index + 1 < chain) {
                            submit(index + 1);
                        }
                    }));
                }
            }
            new Next().submit(0);

            assertTrue(all.await(WAIT.toSeconds(), TimeUnit.SECONDS), () -> all.getCount() + " tasks left");
            long expected = 0;
            for (int i = 0; i < chain; i++) {
                expected += workload.task(i).compute();
            }
            assertEquals(expected, sum.get(), "results");
            assertEquals(1, threads.size(), () -> "every outcome on the loop thread: " + threads);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "eventloop-offload", "netty"})
    void tasksSubmittedFromManyThreadsAtOnceEachGetOneOutcome(String id) throws Exception {
        int threads = 4;
        int each = 5_000;
        Workload workload = Workload.builder(WorkloadKind.NULL).seed(6).tasks(threads * each).build();
        CountDownLatch all = new CountDownLatch(threads * each);
        AtomicInteger extra = new AtomicInteger();
        AtomicLong sum = new AtomicLong();
        try (ConcurrencyModel model = model(id)) {
            List<Thread> submitters = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                int first = t * each;
                submitters.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = first; i < first + each; i++) {
                        model.submit(workload.task(i), new Counting(all, extra, sum));
                    }
                }));
            }
            go.countDown();
            for (Thread t : submitters) {
                t.join(WAIT.toMillis());
            }

            assertTrue(all.await(WAIT.toSeconds(), TimeUnit.SECONDS), () -> all.getCount() + " tasks without an outcome");
            assertEquals(0, extra.get(), "second outcomes");
            long expected = 0;
            for (int i = 0; i < threads * each; i++) {
                expected += workload.task(i).compute();
            }
            assertEquals(expected, sum.get(), "results");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "eventloop-offload", "netty"})
    void aCompletionThatThrowsFailsEveryTaskInFlightAndLaterTasksRun(String id) throws Exception {
        Workload endless = Workload.builder(WorkloadKind.SLEEP).tasks(2).io(Duration.ofHours(1)).build();
        Recorded waiting = Recorded.plain();
        Recorded broken = Recorded.onBegan(() -> { throw new IllegalArgumentException("bug"); });
        try (ConcurrencyModel model = model(id)) {
            model.submit(endless.task(0), waiting);
            assertTrue(waiting.awaitBegan(WAIT), "the first task began");

            model.submit(endless.task(1), broken);

            for (Recorded r : List.of(waiting, broken)) {
                IllegalStateException e = assertInstanceOf(IllegalStateException.class, r.failure(WAIT));
                assertEquals("model " + id + ": callback began() of task 1 failed (expected: every failure caught "
                        + "by its task)", e.getMessage());
                assertEquals("bug", e.getCause().getMessage());
            }
            assertEquals(List.of("began", "failed"), broken.names(), "the task that threw did not start");
            Workload small = Workload.builder(WorkloadKind.MIXED).tasks(30).concurrency(5)
                    .io(Duration.ofMillis(1)).cpuUnits(10).build();
            RunResult next = Driver.run(model, small);
            assertEquals(30, next.completed(), "tasks submitted after that completed");
            assertEquals(small.referenceChecksum(), next.checksum());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "eventloop-offload", "netty"})
    void closeFailsTheTasksInFlightAndRefusesLaterOnes(String id) throws Exception {
        Workload endless = Workload.builder(WorkloadKind.SLEEP).tasks(3).io(Duration.ofHours(1)).build();
        List<Recorded> inFlight = List.of(Recorded.plain(), Recorded.plain(), Recorded.plain());
        ConcurrencyModel model = model(id);
        for (int i = 0; i < 3; i++) {
            model.submit(endless.task(i), inFlight.get(i));
        }
        for (Recorded r : inFlight) {
            assertTrue(r.awaitBegan(WAIT), "began");
        }

        model.close();

        for (Recorded r : inFlight) {
            IllegalStateException e = assertInstanceOf(IllegalStateException.class, r.failure(Duration.ZERO),
                    "failed by the time close() returned");
            assertEquals("model " + id + ": closed with the task in flight (expected: close after every task ended)",
                    e.getMessage());
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> model.submit(endless.task(0), Recorded.plain()));
        assertEquals("model " + id + ": closed (expected: submit before close)", refused.getMessage());
    }

    /** Counts one outcome per task, and any second one. */
    private static final class Counting implements Completion {
        private final CountDownLatch all;
        private final AtomicInteger extra;
        private final AtomicLong sum;
        private final AtomicBoolean done = new AtomicBoolean();

        Counting(CountDownLatch all, AtomicInteger extra, AtomicLong sum) {
            this.all = all;
            this.extra = extra;
            this.sum = sum;
        }

        @Override
        public void began() {
        }

        @Override
        public void waitEnded(long deadlineNanos) {
        }

        @Override
        public void completed(long result) {
            sum.addAndGet(result);
            outcome();
        }

        @Override
        public void failed(Throwable cause) {
            outcome();
        }

        private void outcome() {
            if (done.compareAndSet(false, true)) {
                all.countDown();
            } else {
                extra.incrementAndGet();
            }
        }
    }
}
