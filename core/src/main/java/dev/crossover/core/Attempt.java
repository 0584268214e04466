package dev.crossover.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One task handed to a model: the {@link Completion} the model reports to. It refuses a second
 * outcome (a model bug, reported when the run ends) and passes the first to its books and then to
 * whoever submitted it ({@link Then}), on the thread that reported it.
 */
final class Attempt implements Completion {
    private static final VarHandle DONE;
    private static final VarHandle BEGAN;

    static {
        try {
            DONE = MethodHandles.lookup().findVarHandle(Attempt.class, "done", int.class);
            BEGAN = MethodHandles.lookup().findVarHandle(Attempt.class, "beganNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What happens after an attempt's outcome is booked: the closed loop's next task, the open loop's release. */
    interface Then {
        void finished(Attempt attempt);
    }

    final TaskSpec spec;
    final long intendedNanos;
    final boolean measured;
    private final Books books;
    private final Then then;
    // Written once with release semantics and read with acquire: a plain store on x86, where a
    // volatile one would cost a fence per task; the model's own hand-off orders began before the outcome.
    @SuppressWarnings("unused") // through BEGAN
    private long beganNanos;
    @SuppressWarnings("unused") // written through DONE
    private volatile int done;

    /**
     * @param intendedNanos when the task was meant to start: its submission in a closed loop, its scheduled arrival in an open one
     * @param measured      whether its latencies go to the books (it arrived inside a measurement window)
     */
    Attempt(Books books, TaskSpec spec, long intendedNanos, boolean measured, Then then) {
        this.books = books;
        this.spec = spec;
        this.intendedNanos = intendedNanos;
        this.measured = measured;
        this.then = then;
    }

    @Override
    public void began() {
        if ((long) BEGAN.getAcquire(this) == 0) {
            BEGAN.setRelease(this, System.nanoTime());
        }
    }

    @Override
    public void waitEnded(long deadlineNanos) {
        if (measured) {
            books.lateness(System.nanoTime() - deadlineNanos);
        }
    }

    @Override
    public void completed(long result) {
        if (claim("completed")) {
            books.completed(this, result, System.nanoTime());
            then.finished(this);
        }
    }

    @Override
    public void failed(Throwable cause) {
        if (claim("failed")) {
            books.failed(this, cause, System.nanoTime());
            then.finished(this);
        }
    }

    /** Books a failure without passing it on: the model refused the task in {@code submit}. */
    void refused(Throwable cause) {
        if (claim("refused")) {
            books.failed(this, cause, System.nanoTime());
        }
    }

    /** {@return when the model began the task}, or when it was meant to start if the model never said */
    long beganNanos() {
        long began = (long) BEGAN.getAcquire(this);
        return began == 0 ? intendedNanos : began;
    }

    private boolean claim(String outcome) {
        if (DONE.compareAndSet(this, 0, 1)) {
            return true;
        }
        books.violation("task " + spec.index() + ": " + outcome + " after its outcome was reported (expected: exactly one outcome)");
        return false;
    }
}
