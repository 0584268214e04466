package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossover.core.InjectedFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/** wait, as_completed and shield, after CPython's test_tasks.py (the cases named in each comment). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WaitShieldTest {
    static final int REPEATS = 20;
    static final Duration HOUR = Duration.ofHours(1);

    static List<String> names(List<? extends Task<?>> tasks) {
        return tasks.stream().map(Task::name).toList();
    }

    /** A task that ends as {@code how} says once {@code gate} ends; names make the sets readable. */
    static Task<String> after(Task<Void> gate, String name, boolean fails) {
        Task<String> t = Task.create(name);
        gate.whenDone(g -> {
            if (fails) {
                t.fail(new InjectedFailure(name));
            } else {
                t.complete(name);
            }
        });
        return t;
    }

    // test_wait_first_completed: returns as soon as one is done; the rest stay pending, not cancelled.
    @RepeatedTest(REPEATS)
    void firstCompletedReturnsWithTheFirstDoneAndCancelsNothing() {
        Object[] seen = Async.run(() -> {
            Task<String> a = Task.create("a");
            Task<String> b = Task.create("b");
            Task<Waited<String>> w = Async.wait(List.of(a, b), ReturnWhen.FIRST_COMPLETED);
            b.complete("b");
            return w.thenApply(r -> new Object[] {names(r.done()), names(r.pending()), a.isDone()});
        });
        assertEquals(List.of("b"), seen[0]);
        assertEquals(List.of("a"), seen[1]);
        assertEquals(false, seen[2], "wait cancels nothing");
    }

    // test_wait_first_exception / test_wait_first_exception_in_wait: a failure returns at once; a
    // cancellation does not count as one.
    @RepeatedTest(REPEATS)
    void firstExceptionReturnsOnAFailureButNotOnACancellation() {
        Object[] seen = Async.run(() -> {
            Task<String> cancelled = Task.create("cancelled");
            Task<String> failing = Task.create("failing");
            Task<String> slow = Task.create("slow");
            Task<Waited<String>> w = Async.wait(List.of(cancelled, failing, slow), ReturnWhen.FIRST_EXCEPTION);
            cancelled.cancel();
            return Async.sleep(Duration.ofMillis(1)).thenCompose(v -> {
                boolean returnedOnCancel = w.isDone();
                failing.fail(new InjectedFailure("boom"));
                return w.thenApply(r -> new Object[] {returnedOnCancel, names(r.done()), names(r.pending())});
            });
        });
        assertEquals(false, seen[0]);
        assertEquals(List.of("cancelled", "failing"), seen[1]);
        assertEquals(List.of("slow"), seen[2]);
    }

    // test_wait (ALL_COMPLETED) and test_wait_with_timeout / test_wait_empty_set.
    @RepeatedTest(REPEATS)
    void allCompletedWaitsForEveryTaskATimeoutReturnsWhatIsDoneAndAnEmptyListIsRefused() {
        Object[] seen = Async.run(() -> {
            Task<Void> gate = Task.create("gate");
            Task<String> ok = after(gate, "ok", false);
            Task<String> bad = after(gate, "bad", true);
            Task<Waited<String>> all = Async.wait(List.of(ok, bad), ReturnWhen.ALL_COMPLETED);
            gate.complete(null);
            Task<String> never = Async.sleep(HOUR, "never");
            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                    () -> Async.wait(List.<Task<String>>of(), ReturnWhen.ALL_COMPLETED));
            return all.thenCompose(first -> Async.wait(List.of(ok, never), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(2))
                    .thenApply(timed -> new Object[] {names(first.done()), names(timed.done()),
                            names(timed.pending()), never.isCancelled(), empty.getMessage()}));
        });
        assertEquals(List.of("ok", "bad"), seen[0]);
        assertEquals(List.of("ok"), seen[1]);
        assertEquals(List.of("sleep"), seen[2]);
        assertEquals(false, seen[3], "a timeout cancels nothing");
        assertEquals("tasks: [] (expected: at least one task)", seen[4]);
    }

    // test_as_completed: results come in completion order, failures in their place.
    @RepeatedTest(REPEATS)
    void asCompletedYieldsInCompletionOrderWithFailuresInTheirPlace() {
        List<Outcome<String>> seen = Async.run(() -> {
            Task<String> a = Task.create("a");
            Task<String> b = Task.create("b");
            Task<String> c = Task.create("c");
            List<Task<String>> order = Async.asCompleted(List.of(a, b, c));
            c.complete("c");
            return Async.sleep(Duration.ofMillis(1)).thenCompose(v -> {
                a.fail(new InjectedFailure("a failed"));
                return Async.sleep(Duration.ofMillis(1));
            }).thenCompose(v -> {
                b.complete("b");
                return Async.gatherOutcomes(order);
            });
        });
        assertEquals(new Outcome.Success<>("c"), seen.get(0));
        assertEquals("a failed", assertInstanceOf(Outcome.Failure.class, seen.get(1)).cause().getMessage());
        assertEquals(new Outcome.Success<>("b"), seen.get(2));
    }

    // test_as_completed_with_timeout: the places not taken by then raise TimeoutError.
    @RepeatedTest(REPEATS)
    void asCompletedWithATimeoutFailsThePlacesNotTakenInTime() {
        List<Outcome<String>> seen = Async.run(() -> {
            Task<String> quick = Task.completed("quick");
            List<Task<String>> order = Async.asCompleted(List.of(Async.sleep(HOUR, "slow"), quick), Duration.ofMillis(2));
            return Async.gatherOutcomes(order);
        });
        assertEquals(new Outcome.Success<>("quick"), seen.get(0));
        assertInstanceOf(TimeoutException.class, assertInstanceOf(Outcome.Failure.class, seen.get(1)).cause());
    }

    // test_shield_result / test_shield_effect / test_shield_cancel_inner / test_shield_cancel_outer.
    @RepeatedTest(REPEATS)
    void cancellingAShieldLeavesTheInnerTaskRunningAndAnInnerCancellationCancelsTheShield() {
        Object[] seen = Async.run(() -> {
            Task<String> inner = Async.sleep(Duration.ofMillis(2), "inner value");
            Task<String> outer = Async.shield(inner);
            outer.cancel();
            Task<String> inner2 = Task.create("inner2");
            Task<String> outer2 = Async.shield(inner2);
            inner2.cancel();
            Task<String> done = Task.completed("done");
            return Async.gatherOutcomes(List.of(inner, outer2)).thenApply(o -> new Object[] {
                    outer.isCancelled(), o.get(0), outer2.isCancelled(), Async.shield(done) == done});
        });
        assertEquals(true, seen[0], "outer cancelled");
        assertEquals(new Outcome.Success<>("inner value"), seen[1], "the inner task ran on and succeeded");
        assertEquals(true, seen[2], "cancelling the inner task cancels the shield");
        assertEquals(true, seen[3], "a done task is its own shield");
    }

    @RepeatedTest(REPEATS)
    void aShieldedResultReachesItsAwaiter() {
        String value = Async.run(() -> Async.shield(Async.sleep(Duration.ofMillis(1), "shielded")));
        assertEquals("shielded", value);
        assertThrows(CancellationException.class, () -> Async.run(() -> {
            Task<String> inner = Task.create("inner");
            Task<String> s = Async.shield(inner);
            inner.cancel();
            return s;
        }));
    }
}
