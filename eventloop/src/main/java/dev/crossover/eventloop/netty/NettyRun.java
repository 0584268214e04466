package dev.crossover.eventloop.netty;

import dev.crossover.core.RunRecorder;
import dev.crossover.core.TaskSpec;
import dev.crossover.eventloop.model.Admission;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * One run of {@link NettyModel}, confined to the loop thread: {@link Admission} admits the tasks, each
 * task's waits are tasks scheduled on the loop, and its CPU phase runs on the loop when they end.
 *
 * <p>In Netty terms each task is
 * {@snippet :
 * eventLoop.schedule(() -> complete(spec.compute()), io, NANOSECONDS);   // waits == 1
 * }
 * and a fan-out arms {@code waits} such timers, gathers them, and cancels the rest when one fails.
 *
 * <h2>Failures</h2>
 * Whatever the work throws fails its task, an {@link Error} or a checked exception thrown sneakily
 * included: a throw that escaped to Netty instead would be logged (by {@code safeExecute}) or kept
 * in a scheduled future nobody reads, the task would never finish and the run would wait forever.
 * An {@link Error} is recorded first, then rethrown to Netty's loop, which goes on.
 *
 * <h2>Threading</h2>
 * Every method runs on the loop thread, so nothing here is synchronised.
 */
final class NettyRun {
    private final EventLoop loop;
    private final Promise<Void> done;
    private final ToLongFunction<TaskSpec> work;
    private final Admission admission;

    NettyRun(EventLoop loop, RunRecorder recorder, ToLongFunction<TaskSpec> work, Promise<Void> done) {
        this.loop = loop;
        this.work = work;
        this.done = done;
        this.admission = new Admission(recorder, this::start, () -> done.setSuccess(null));
    }

    /** Starts the run: fills the places, or fails the run if the books refuse. */
    void admit() {
        try {
            admission.fill();
        } catch (Throwable t) {
            refused(t);
        }
    }

    /** A task always ends in a later loop task, so that admission does not recurse. */
    private void start(TaskSpec spec, long admitted) {
        switch (spec.waits()) {
            case 0 -> loop.execute(() -> finished(spec, admitted, null));
            case 1 -> loop.schedule(() -> finished(spec, admitted, spec.waitFails(0) ? spec.waitFailure(0) : null),
                    spec.waitNanos(0), TimeUnit.NANOSECONDS);
            default -> new Fanout(spec, admitted).arm();
        }
    }

    /** Runs the CPU phase here, on the loop thread (nothing else runs meanwhile), unless a wait failed. */
    private void finished(TaskSpec spec, long admitted, Throwable waitFailure) {
        Throwable failure = waitFailure;
        long result = 0;
        if (failure == null) {
            try {
                result = work.applyAsLong(spec);
            } catch (Throwable t) {
                failure = t;
            }
        }
        try {
            if (failure == null) {
                admission.complete(spec, result, admitted);
            } else {
                admission.fail(spec, failure, admitted);
            }
        } catch (Throwable t) {
            refused(t);
        }
        if (failure instanceof Error e) {
            // Recorded above. Netty's loop goes on: it logs what a task handed to execute() throws
            // (safeExecute), and keeps what a timer throws in the timer's future.
            throw e;
        }
    }

    /**
     * Books that refuse (a model bug) end the run: Netty would log the exception and go on, and the
     * run would hang. An {@link Error} goes on to Netty's loop after that.
     */
    private void refused(Throwable t) {
        done.tryFailure(t);
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** A fan-out's waits, gathered as a group: the first failure cancels the rest and fails the task. */
    private final class Fanout {
        private final TaskSpec spec;
        private final long admitted;
        private final ScheduledFuture<?>[] timers;
        private int pending;

        Fanout(TaskSpec spec, long admitted) {
            this.spec = spec;
            this.admitted = admitted;
            this.timers = new ScheduledFuture<?>[spec.waits()];
        }

        void arm() {
            pending = timers.length;
            for (int i = 0; i < timers.length; i++) {
                int wait = i;
                timers[i] = loop.schedule(() -> waited(wait), spec.waitNanos(i), TimeUnit.NANOSECONDS);
            }
        }

        private void waited(int wait) {
            if (spec.waitFails(wait)) {
                // cancel() on the loop thread takes each timer out of the scheduled queue at once,
                // so a failed group leaves nothing behind to fire (or to be held) later.
                for (ScheduledFuture<?> timer : timers) {
                    timer.cancel(false);
                }
                finished(spec, admitted, spec.waitFailure(wait));
            } else if (--pending == 0) {
                finished(spec, admitted, null);
            }
        }
    }
}
