package dev.crossover.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Tasks that arrive on a schedule, whatever the model is doing: latency is timed from each
 * task's intended start, so a stall delays every arrival behind it (coordinated omission
 * corrected, as wrk2 does), and service time from when the model began it.
 *
 * <p>One arrival thread walks the {@link Arrivals} schedule: it parks until an arrival is due
 * (or submits at once when it is behind, keeping the schedule's intended times) and records its
 * own lag. At most {@code maxInFlight} tasks are in flight; an arrival beyond the cap is counted
 * as rejected, never delayed.
 *
 * <h2>Lifecycle</h2>
 * {@code RUNNING -> STOPPING -> DRAINED}, as {@link ClosedLoop}.
 *
 * <h2>Threading</h2>
 * One driver thread calls {@link #window}, {@link #stop} and {@link #close}; the arrival thread
 * is the loop's own, and outcomes arrive on the model's threads.
 */
public final class OpenLoop implements LoadLoop {
    private final ConcurrencyModel model;
    private final Workload workload;
    private final Arrivals arrivals;
    private final int maxInFlight;
    private final Books books;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder windowRejected = new LongAdder();
    private final Thread arrivalThread;
    private volatile boolean running = true;
    private volatile boolean measuring;
    private volatile Throwable arrivalFailure;
    private long submitted;
    private long rejected;
    private volatile long rejectedCount;
    private long windowSubmitted;
    private int maxSeen;
    private volatile int maxSeenCount;
    private boolean drained;

    private OpenLoop(ConcurrencyModel model, Workload workload, Arrivals arrivals, int maxInFlight, boolean sampling) {
        this.model = Objects.requireNonNull(model, "model");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
        this.maxInFlight = Checks.positive("max-in-flight", maxInFlight);
        this.books = new Books(workload, sampling);
        model.accept(workload);
        SharedCheck.accept(model, workload);
        this.arrivalThread = Thread.ofPlatform().name("crossover-arrivals").daemon().unstarted(this::arrive);
        arrivalThread.start();
    }

    static OpenLoop start(ConcurrencyModel model, Workload workload, Arrivals arrivals, int maxInFlight, boolean sampling) {
        return new OpenLoop(model, workload, arrivals, maxInFlight, sampling);
    }

    private void arrive() {
        Arrivals.Schedule schedule = arrivals.schedule();
        long start = System.nanoTime();
        Attempt.Then release = attempt -> inFlight.decrementAndGet();
        try {
            while (running) {
                long intended = start + schedule.next();
                long now;
                while ((now = System.nanoTime()) < intended && running) {
                    LockSupport.parkNanos(intended - now);
                }
                if (!running) {
                    return;
                }
                boolean measured = measuring;
                if (inFlight.get() >= maxInFlight) {
                    rejected++;
                    rejectedCount = rejected;
                    if (measured) {
                        windowRejected.increment();
                    }
                    continue;
                }
                int now2 = inFlight.incrementAndGet();
                if (now2 > maxSeen) {
                    maxSeen = now2;
                    maxSeenCount = now2;
                }
                if (submitted > Integer.MAX_VALUE) {
                    throw new IllegalStateException("task indices exhausted (expected: a shorter trial)");
                }
                TaskSpec spec = workload.task((int) submitted);
                submitted++;
                if (measured) {
                    windowSubmitted++;
                    books.lag(now - intended);
                }
                Attempt attempt = new Attempt(books, spec, intended, measured, release);
                try {
                    model.submit(spec, attempt);
                } catch (RuntimeException e) {
                    attempt.refused(e);
                    inFlight.decrementAndGet();
                    throw e;
                }
            }
        } catch (Throwable t) {
            arrivalFailure = t;
        }
    }

    /** Lets the loop run for {@code length} unmeasured: its arrivals record no latencies. */
    public void warmUp(Duration length) {
        long deadline = System.nanoTime() + length.toNanos();
        long now;
        while ((now = System.nanoTime()) < deadline && arrivalFailure == null) {
            LockSupport.parkNanos(Math.min(1_000_000L, deadline - now));
        }
    }

    @Override
    public long completedSoFar() {
        return books.completed();
    }

    @Override
    public long failedSoFar() {
        return books.failed();
    }

    /** {@inheritDoc} Written by the arrival thread; read here without a lock, so it may trail by an arrival. */
    @Override
    public long rejectedSoFar() {
        return rejectedCount;
    }

    @Override
    public Histograms takeHistograms() {
        return books.take();
    }

    /** Marks arrivals from now on as measured (their latencies recorded) or not. */
    public void measure(boolean on) {
        measuring = on;
    }

    /** {@return tasks in flight now} */
    @Override
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Measures one window of {@code length}: the arrivals inside it have their latencies recorded
     * (until they finish, also after the window), the outcomes inside it give the achieved rate.
     */
    public Window window(Duration length) {
        books.take();
        long c0 = books.completed();
        long f0 = books.failed();
        long r0 = windowRejected.sum();
        long t0 = System.nanoTime();
        measuring = true;
        long deadline = t0 + length.toNanos();
        long now;
        while ((now = System.nanoTime()) < deadline && arrivalFailure == null) {
            LockSupport.parkNanos(Math.min(1_000_000L, deadline - now));
        }
        measuring = false;
        long t1 = System.nanoTime();
        return new Window(books.completed() - c0, books.failed() - f0, windowRejected.sum() - r0, t1 - t0);
    }

    /**
     * Stops arrivals and waits until every submitted task has its outcome, as long as outcomes keep
     * coming: an overloaded model drains its backlog; {@code timeout} without one ends the wait.
     *
     * @throws IllegalStateException if tasks are still in flight with none finishing for {@code timeout}, or arrivals failed
     */
    @Override
    public ClosedLoop.Drained stop(Duration timeout) {
        running = false;
        LockSupport.unpark(arrivalThread);
        try {
            arrivalThread.join(timeout);
            // An overloaded model drains a backlog: wait while outcomes keep coming, give up after
            // `timeout` without one.
            long seen = books.completed() + books.failed();
            long lastProgress = System.nanoTime();
            while (inFlight.get() > 0 && System.nanoTime() - lastProgress < timeout.toNanos()) {
                LockSupport.parkNanos(1_000_000L);
                long now = books.completed() + books.failed();
                if (now != seen) {
                    seen = now;
                    lastProgress = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drained = true;
        if (inFlight.get() > 0 || arrivalThread.isAlive()) {
            throw new IllegalStateException("model " + model.id() + ": " + inFlight.get() + " tasks without an outcome, "
                    + "and none for " + timeout + ", after arrivals stopped (expected: every task finished)");
        }
        if (arrivalFailure != null) {
            throw new IllegalStateException("model " + model.id() + ": arrivals failed: " + arrivalFailure, arrivalFailure);
        }
        long count = submitted;
        ClosedLoop.Indices ran = action -> {
            for (int i = 0; i < count; i++) {
                action.accept(i);
            }
        };
        long expected = ClosedLoop.expectedFailures(workload, ran);
        RunResult.Totals totals = new RunResult.Totals(submitted, books.completed(), books.failed(), rejected, expected);
        List<String> violations = new ArrayList<>(books.violations());
        if (!totals.balanced()) {
            violations.add((totals.submitted() - totals.completed() - totals.failed())
                    + " submitted tasks without exactly one outcome (expected: completed + failed = submitted)");
        }
        boolean full = Driver.cheapToCheck(workload, count);
        Verification verification = full || !books.samplingOn()
                ? Verifier.full(workload, ran, count, books.checksum(), violations)
                : Verifier.sample(workload, ran, books, violations);
        verification = SharedCheck.fold(model, workload, ran, verification);
        return new ClosedLoop.Drained(totals, verification, expected, books.causes());
    }

    /** {@return the result of {@code window}, with the trial's checks from {@code drained}} */
    RunResult result(Window window, ClosedLoop.Drained drained) {
        Histograms h = books.take();
        return new RunResult(model.id(), workload, RunResult.Mode.OPEN, window.completed(), window.failed(),
                window.rejected(), window.nanos(), maxSeen, books.checksum(), drained.totals(), drained.verification(),
                h.latency(), h.service(), h.lateness(), h.lag(), arrivals.rate(), books.causes());
    }

    /** {@return the most tasks in flight at once so far} (written by the arrival thread; may trail by an arrival) */
    public int maxInFlightSeen() {
        return maxSeenCount;
    }

    /** {@return arrivals submitted inside measurement windows so far} */
    long windowSubmitted() {
        return windowSubmitted;
    }

    @Override
    public void close() {
        if (!drained) {
            stop(Driver.DRAIN_TIMEOUT);
        }
    }

    /**
     * One open-loop window.
     *
     * @param completed outcomes inside it that completed
     * @param failed    outcomes inside it that failed
     * @param rejected  arrivals inside it refused at the cap
     * @param nanos     its length
     */
    public record Window(long completed, long failed, long rejected, long nanos) {
        /** {@return outcomes per second: the achieved rate} */
        public double rate() {
            return (completed + failed) / (nanos / 1e9);
        }
    }
}
