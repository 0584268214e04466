package dev.crossover.eventloop.netty;

import dev.crossover.core.Completion;
import dev.crossover.core.TaskSpec;
import dev.crossover.eventloop.model.LoopTask;
import dev.crossover.eventloop.model.LoopTasks;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * One task of {@link NettyModel}: its waits are tasks scheduled on the loop, and its CPU phase
 * runs on the loop when they end.
 *
 * <p>In Netty terms each task is
 * {@snippet :
 * eventLoop.schedule(() -> complete(spec.compute()), io, NANOSECONDS);   // waits == 1
 * }
 * and a fan-out arms {@code waits} such timers, gathers them, and cancels the rest when one fails.
 * Each wait reports when it ended, with the deadline computed as its timer is armed; a wait
 * cancelled by its group's failure reports nothing.
 *
 * <h2>Failures</h2>
 * Whatever the work throws fails its task, an {@link Error} or a checked exception thrown sneakily
 * included: a throw that escaped to Netty instead would be logged (by {@code safeExecute}) or kept
 * in a scheduled future nobody reads, and the task would never finish. An {@link Error} is
 * reported first, then rethrown to Netty's loop, which goes on.
 *
 * <h2>Threading</h2>
 * Every method runs on the loop thread, so nothing here is synchronised.
 */
final class NettyTask extends LoopTask {
    private final EventLoop loop;
    private final ToLongFunction<TaskSpec> work;
    private final NettyHttpClient client;
    private final FileOffload files;
    /** When a single wait was asked to end, in {@link System#nanoTime()} units. */
    private long deadline;

    NettyTask(LoopTasks tasks, TaskSpec spec, Completion done, EventLoop loop, ToLongFunction<TaskSpec> work,
              NettyHttpClient client, FileOffload files) {
        super(tasks, spec, done);
        this.loop = loop;
        this.work = work;
        this.client = client;
        this.files = files;
    }

    @Override
    protected void start() {
        if (spec.waitKind() == TaskSpec.Wait.HTTP) {
            request();
            return;
        }
        if (spec.waitKind() == TaskSpec.Wait.FILE) {
            file();
            return;
        }
        try {
            switch (spec.waits()) {
                case 0 -> finished(null);  // this is a loop task of its own already: compute now
                case 1 -> {
                    long nanos = spec.waitNanos(0);
                    deadline = System.nanoTime() + nanos;
                    loop.schedule(this::waited, nanos, TimeUnit.NANOSECONDS);
                }
                default -> new Fanout().arm();
            }
        } catch (RejectedExecutionException e) {
            // The loop has shut down (the model is closing): the task stays in flight until
            // close() has joined the loop thread, and then fails with the reason (see LoopTasks.stop).
        }
    }

    /** The wait is a request to the delay server, on this loop; its body's checksum folds into the result. */
    private void request() {
        if (client == null) {
            fail(new IllegalStateException("model " + loop + ": no delay server (expected: a model created with "
                    + "IoOptions.withServer for workload http)"));
            return;
        }
        long nanos = spec.waitNanos(0);
        deadline = System.nanoTime() + nanos;
        client.get(nanos, spec.bytes(), spec.token(), this::ioEnded);
    }

    /**
     * The wait is the task's file: written, forced and read back on the model's file pool (files
     * have no readiness on Linux), as the {@code eventloop} model offloads it; the outcome comes
     * back to this loop, and the read-back bytes' checksum folds into the result.
     */
    private void file() {
        if (files == null) {
            fail(new IllegalStateException("model " + loop + ": no file directory (expected: a model created with "
                    + "IoOptions.withDirectory for workload file)"));
            return;
        }
        deadline = System.nanoTime();
        try {
            files.roundTrip(spec, this::ioEnded);
        } catch (RejectedExecutionException e) {
            // The pool has shut down (the model is closing): the task stays in flight until close()
            // has joined the threads, and then fails with the reason (see LoopTasks.stop).
        }
    }

    /** The real I/O ended, on the loop thread: {@code sum} is the checksum of the bytes it moved, unless {@code failure}. */
    private void ioEnded(long sum, Throwable failure) {
        if (isFinished()) {
            return;
        }
        if (failure != null) {
            fail(failure);
            return;
        }
        waitEnded(deadline);
        if (spec.waitFails(0)) {
            fail(spec.waitFailure(0));
            return;
        }
        long result;
        try {
            result = spec.compute(sum);  // the CPU phase, on the loop thread
        } catch (Throwable t) {
            fail(t);
            if (t instanceof Error e) {
                throw e;
            }
            return;
        }
        complete(result);
    }

    /** The single wait's timer fired. */
    private void waited() {
        if (isFinished()) {
            return;
        }
        waitEnded(deadline);
        finished(spec.waitFails(0) ? spec.waitFailure(0) : null);
    }

    /** Runs the CPU phase here, on the loop thread (nothing else runs meanwhile), unless a wait failed. */
    private void finished(Throwable waitFailure) {
        Throwable failure = waitFailure;
        long result = 0;
        if (failure == null) {
            try {
                result = work.applyAsLong(spec);
            } catch (Throwable t) {
                failure = t;
            }
        }
        if (failure == null) {
            complete(result);
        } else {
            fail(failure);
        }
        if (failure instanceof Error e) {
            // Reported above. Netty's loop goes on: it logs what a task handed to execute() throws
            // (safeExecute), and keeps what a timer throws in the timer's future.
            throw e;
        }
    }

    /** A fan-out's waits, gathered as a group: the first failure cancels the rest and fails the task. */
    private final class Fanout {
        private final ScheduledFuture<?>[] timers = new ScheduledFuture<?>[spec.waits()];
        private final long[] deadlines = new long[spec.waits()];
        private int pending;

        void arm() {
            pending = timers.length;
            for (int i = 0; i < timers.length; i++) {
                int wait = i;
                long nanos = spec.waitNanos(i);
                deadlines[i] = System.nanoTime() + nanos;
                timers[i] = loop.schedule(() -> waited(wait), nanos, TimeUnit.NANOSECONDS);
            }
        }

        private void waited(int wait) {
            if (isFinished()) {
                return;
            }
            waitEnded(deadlines[wait]);
            if (spec.waitFails(wait)) {
                // cancel() on the loop thread takes each timer out of the scheduled queue at once,
                // so a failed group leaves nothing behind to fire (or to be held) later.
                for (ScheduledFuture<?> timer : timers) {
                    timer.cancel(false);
                }
                finished(spec.waitFailure(wait));
            } else if (--pending == 0) {
                finished(null);
            }
        }
    }
}
