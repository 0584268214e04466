package dev.crossover.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * C tasks in flight, the next submitted from the outcome of the last, on whichever thread reported
 * it: no admitting thread, no handoff to the driver per task.
 *
 * <p>The loop is C <em>chains</em>: chain {@code j} runs task indices {@code j, j + C, j + 2C, …}
 * one after another, so no counter is shared to hand out indices and every chain always has
 * exactly one task outstanding until the loop stops. A fixed-count loop ends each chain at the
 * workload's task count ({@link Driver#run}); an endless one runs until {@link #stop}, measured
 * in {@linkplain #window windows} in between.
 *
 * <h2>Spread start</h2>
 * An endless loop starts its chains spread over one nominal task time ({@code io + cpu}): chain
 * {@code j} at {@code j / C} of it, from a starter thread that ends once every chain has started.
 * Started at once, C tasks of a fixed wait would stay in phase for the whole trial and finish in
 * waves, so a window's count would depend on how many waves it happens to hold (a 300 ms window of
 * 50 ms waves: 6 ± 1, ±17%); spread, they finish evenly, as a service's requests do. A fixed-count
 * run ({@link Driver#run}) starts every chain at once: it measures a batch from its first submission.
 *
 * <h2>Lifecycle</h2>
 * {@code RUNNING -> STOPPING -> DRAINED}: {@link #stop} submits no further task and waits until
 * every chain's last task has its outcome; {@link #close()} stops if nobody did.
 *
 * <h2>Threading</h2>
 * One driver thread calls {@link #window}, {@link #stop} and {@link #close}; chains run on the
 * model's threads.
 */
public final class ClosedLoop implements LoadLoop {
    private final ConcurrencyModel model;
    private final Workload workload;
    private final Books books;
    private final long limit;
    private final int concurrency;
    private final List<Chain> chains = new ArrayList<>();
    private final CountDownLatch idle;
    private final long startNanos;
    private volatile boolean running = true;
    private long drainedNanos;
    private boolean drained;
    private Window lastWindow;

    /** How a trial's results are checked: in full, on a sample, or in full where cheap ({@link Driver}). */
    enum Check { FULL, SAMPLE, AUTO }

    private final Check check;

    private final Thread starter;

    private ClosedLoop(ConcurrencyModel model, Workload workload, long limit, Check check, boolean spread) {
        this.check = check;
        this.model = Objects.requireNonNull(model, "model");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.limit = limit;
        this.concurrency = workload.concurrency();
        this.books = new Books(workload, check != Check.FULL);
        int count = (int) Math.min(concurrency, limit);
        this.idle = new CountDownLatch(count);
        model.accept(workload);
        SharedCheck.accept(model, workload);
        for (int j = 0; j < count; j++) {
            chains.add(new Chain(j));
        }
        this.startNanos = System.nanoTime();
        long period = workload.ioNanos() + workload.cpuNanos();
        if (spread && period > 0 && chains.size() > 1) {
            starter = new Thread(() -> startSpread(period), "crossover-closed-loop-start");
            starter.setDaemon(true);
            starter.start();
        } else {
            starter = null;
            for (Chain chain : chains) {
                chain.submitNext();
            }
        }
    }

    /** Starts chain {@code j} at {@code j / C} of {@code period} after the loop's start; the chains not started when it stops never start. */
    private void startSpread(long period) {
        int count = chains.size();
        for (int j = 0; j < count; j++) {
            if (!running) {
                for (int k = j; k < count; k++) {
                    idle.countDown();  // never started: nothing to drain
                }
                return;
            }
            long at = startNanos + (long) (period * (j / (double) count));
            for (long wait = at - System.nanoTime(); wait > 0 && running; wait = at - System.nanoTime()) {
                LockSupport.parkNanos(wait);  // may return early: park again until the chain's time
            }
            chains.get(j).submitNext();
        }
    }

    /**
     * Starts C chains over indices [0, {@code limit}), their results checked as {@code check} says;
     * spread over one nominal task time when {@code spread} (see the class comment).
     */
    static ClosedLoop start(ConcurrencyModel model, Workload workload, long limit, Check check, boolean spread) {
        return new ClosedLoop(model, workload, limit, check, spread);
    }

    /** {@return how many tasks have had their outcome so far} */
    public long finished() {
        return books.completed() + books.failed();
    }

    @Override
    public long rejectedSoFar() {
        return 0;
    }

    @Override
    public Histograms takeHistograms() {
        return books.take();
    }

    /** {@return how many tasks have completed so far} */
    @Override
    public long completedSoFar() {
        return books.completed();
    }

    /** {@return how many tasks have failed so far} */
    @Override
    public long failedSoFar() {
        return books.failed();
    }

    /**
     * Waits until every chain has its first task submitted (at once without a spread start; after
     * about one task time with it), so that a measurement starting now finds the loop's steady state.
     *
     * @return whether every chain started within {@code timeout}
     */
    public boolean awaitStarted(Duration timeout) {
        if (starter == null) {
            return true;
        }
        try {
            starter.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !starter.isAlive();
    }

    /**
     * Waits until every chain has started and the loop has had as many outcomes as it has chains
     * (about one per chain: every connection a real-I/O task opens is open, every thread started),
     * the start of its steady state, or until {@code timeout} passes.
     *
     * @return whether the loop got there within {@code timeout}
     */
    public boolean awaitSteady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!awaitStarted(timeout)) {
            return false;
        }
        while (finished() < chains.size() && running) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    /** {@return the chains still running: C while the loop runs, 0 once drained} */
    @Override
    public int inFlight() {
        return (int) idle.getCount();
    }

    /**
     * Measures one window of {@code length}: the outcomes inside it and the latencies of the tasks
     * that finished inside it. The histograms recorded before it starts are dropped (warm-up).
     */
    public Window window(Duration length) {
        return window(Long.MAX_VALUE, length);
    }

    /**
     * Measures one window that ends once {@code tasks} outcomes have landed inside it, or after
     * {@code atMost}, whichever is first; the driver thread looks every millisecond, so the window
     * holds at least {@code tasks} unless it timed out.
     */
    public Window window(long tasks, Duration atMost) {
        // The counts come from the same histogram flips as the latencies, so a window's count
        // and its latencies are of exactly the same tasks; the clock brackets the two flips.
        books.take();
        long t0 = System.nanoTime();
        long f0 = books.completed() + books.failed();
        long deadline = t0 + atMost.toNanos();
        long step = Math.min(1_000_000L, Math.max(1, atMost.toNanos()));
        while (System.nanoTime() < deadline && books.completed() + books.failed() - f0 < tasks && running) {
            LockSupport.parkNanos(Math.min(step, Math.max(1, deadline - System.nanoTime())));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Histograms h = books.take();
        long t1 = System.nanoTime();
        long failed = h.failures().getTotalCount();
        lastWindow = new Window(h.latency().getTotalCount() - failed, failed, t1 - t0, inFlight(), h);
        return lastWindow;
    }

    /**
     * Submits no further task and waits until every chain's last task has its outcome, as long as
     * outcomes keep coming ({@code timeout} without one ends the wait); then checks the trial's work.
     *
     * @return the trial's totals and verification
     * @throws IllegalStateException if tasks are still without an outcome and none came for {@code timeout}
     */
    @Override
    public Drained stop(Duration timeout) {
        running = false;
        return drain(timeout);
    }

    /** Waits until every chain has reached the loop's limit and its last outcome, as long as outcomes keep coming: {@code timeout} without one ends the wait. */
    Drained drain(Duration timeout) {
        try {
            // Wait while outcomes keep coming (a long fixed-count run, a slow model); give up after
            // `timeout` without one.
            long seen = finished();
            long lastProgress = System.nanoTime();
            while (!idle.await(100, TimeUnit.MILLISECONDS)) {
                long now = finished();
                if (now != seen) {
                    seen = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                    throw new IllegalStateException("model " + model.id() + ": " + idle.getCount() + " tasks without an "
                            + "outcome, and none for " + timeout + " (expected: every task finished)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model " + model.id() + ": interrupted while draining", e);
        }
        if (starter != null) {
            try {
                starter.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drainedNanos = System.nanoTime();
        drained = true;
        long submitted = 0;
        for (Chain chain : chains) {
            submitted += chain.submitted;
        }
        Indices ran = ran();
        long expected = expectedFailures(workload, ran);
        RunResult.Totals totals = new RunResult.Totals(submitted, books.completed(), books.failed(), 0, expected);
        return new Drained(totals, verify(totals, ran), expected, books.causes());
    }

    /** {@return the whole trial as a fixed-count result}: after {@link #stop}, from the first submission to the drain */
    RunResult fixedResult(Drained drained) {
        Histograms h = books.take();
        return new RunResult(model.id(), workload, RunResult.Mode.FIXED, drained.totals().completed(),
                drained.totals().failed(), 0, drainedNanos - startNanos, chains.size(), books.checksum(),
                drained.totals(), drained.verification(), h.latency(), h.service(), h.lateness(), h.lag(), Double.NaN,
                books.causes());
    }

    /** {@return a steady-state result}: {@code window}'s counts and histograms with the trial's checks */
    RunResult windowResult(Window window, Drained drained) {
        return new RunResult(model.id(), workload, RunResult.Mode.CLOSED, window.completed(), window.failed(), 0,
                window.nanos(), chains.size(), books.checksum(), drained.totals(), drained.verification(),
                window.histograms().latency(), window.histograms().service(), window.histograms().lateness(),
                window.histograms().lag(), Double.NaN, books.causes());
    }

    private Indices ran() {
        return action -> {
            for (Chain chain : chains) {
                for (long k = 0; k < chain.submitted; k++) {
                    action.accept((int) (chain.first + k * concurrency));
                }
            }
        };
    }

    /** {@return how many of the indices that ran fail by injection}: the failures a trial expects */
    static long expectedFailures(Workload workload, Indices ran) {
        if (workload.failRate() == 0) {
            return 0;
        }
        long[] n = {0};
        ran.forEach(index -> n[0] += workload.task(index).injectsFailure() ? 1 : 0);
        return n[0];
    }

    private Verification verify(RunResult.Totals totals, Indices ran) {
        List<String> violations = new ArrayList<>(books.violations());
        if (!totals.balanced()) {
            violations.add((totals.submitted() - totals.completed() - totals.failed())
                    + " submitted tasks without exactly one outcome (expected: completed + failed = submitted)");
        }
        boolean full = check == Check.FULL || check == Check.AUTO && Driver.cheapToCheck(workload, totals.submitted());
        return SharedCheck.fold(model, workload, ran, full
                ? Verifier.full(workload, ran, totals.submitted(), books.checksum(), violations)
                : Verifier.sample(workload, ran, books, violations));
    }

    @Override
    public void close() {
        if (!drained) {
            stop(Driver.DRAIN_TIMEOUT);
        }
    }

    /** {@return the last window measured}, or null */
    Window lastWindow() {
        return lastWindow;
    }

    /**
     * One measurement window.
     *
     * @param completed  outcomes inside it that completed
     * @param failed     outcomes inside it that failed
     * @param nanos      its length
     * @param inFlight   chains with a task outstanding at its end (C while the loop runs)
     * @param histograms the latencies of the tasks that finished inside it
     */
    public record Window(long completed, long failed, long nanos, int inFlight, Histograms histograms) {
        /** {@return outcomes per second} */
        public double rate() {
            return (completed + failed) / (nanos / 1e9);
        }
    }

    /**
     * A drained trial.
     *
     * @param totals           its counts
     * @param verification     how its work was checked
     * @param expectedFailures how many of its tasks fail by injection; failures beyond them are unexpected
     * @param failureCauses    how many tasks failed of each cause
     */
    public record Drained(RunResult.Totals totals, Verification verification, long expectedFailures,
                          java.util.Map<String, Integer> failureCauses) {
        /** {@return failures that no injection explains} */
        public long unexpectedFailures() {
            return Math.max(0, totals.failed() - expectedFailures);
        }
    }

    /** The indices a trial ran, in no particular order. */
    @FunctionalInterface
    interface Indices {
        void forEach(java.util.function.IntConsumer action);
    }

    private final class Chain implements Attempt.Then {
        final int first;
        long next;
        long submitted;

        Chain(int first) {
            this.first = first;
            this.next = first;
        }

        void submitNext() {
            if (next > Integer.MAX_VALUE) {
                books.violation("chain " + first + ": task indices exhausted (expected: a shorter trial)");
                idle.countDown();
                return;
            }
            TaskSpec spec = workload.task((int) next);
            next += concurrency;
            submitted++;
            Attempt attempt = new Attempt(books, spec, System.nanoTime(), true, this);
            try {
                model.submit(spec, attempt);
            } catch (RuntimeException e) {
                // The model refused the task (closed, or broken): book it as failed and end this
                // chain, or a model that refuses at once would be handed the next task forever.
                attempt.refused(e);
                idle.countDown();
            }
        }

        @Override
        public void finished(Attempt attempt) {
            if (running && next < limit) {
                submitNext();
            } else {
                idle.countDown();
            }
        }
    }
}
