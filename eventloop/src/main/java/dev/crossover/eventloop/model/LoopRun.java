package dev.crossover.eventloop.model;

import dev.crossover.core.RunRecorder;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import dev.crossover.eventloop.EventLoop;
import dev.crossover.eventloop.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One run's state machine, confined to the loop thread: admits tasks while fewer than
 * {@code concurrency} are in flight, arms each task's wait timers, runs (or offloads) its CPU phase,
 * records the outcome, and admits the next task when one finishes.
 *
 * <h2>Threading</h2>
 * Every method runs on the loop thread; the offload pool only computes and hands the result back
 * with {@link EventLoop#execute}.
 */
final class LoopRun {
    private final EventLoop loop;
    private final RunRecorder recorder;
    private final Workload workload;
    private final Executor offload;
    private final CompletableFuture<Void> done;
    private int next;
    private int inFlight;
    private int finished;

    LoopRun(EventLoop loop, RunRecorder recorder, Executor offload, CompletableFuture<Void> done) {
        this.loop = loop;
        this.recorder = recorder;
        this.workload = recorder.workload();
        this.offload = offload;
        this.done = done;
    }

    void start() {
        admit();
    }

    /** Fills the free places. A task never finishes inside {@link #begin}, so this does not recurse. */
    private void admit() {
        while (inFlight < workload.concurrency() && next < workload.tasks()) {
            TaskSpec spec = workload.task(next++);
            inFlight++;
            begin(spec, recorder.admit(spec));
        }
    }

    private void begin(TaskSpec spec, long admitted) {
        switch (spec.waits()) {
            case 0 -> loop.callSoon("task " + spec.index(), () -> compute(spec, admitted));
            case 1 -> loop.schedule(spec.waitNanos(0), "task " + spec.index(), () -> {
                if (spec.waitFails(0)) {
                    fail(spec, spec.waitFailure(0), admitted);
                } else {
                    compute(spec, admitted);
                }
            });
            default -> new FanOut(spec, admitted).arm();
        }
    }

    private void compute(TaskSpec spec, long admitted) {
        if (offload == null) {
            long result;
            try {
                result = spec.compute();  // on the loop thread: nothing else runs meanwhile
            } catch (RuntimeException e) {
                fail(spec, e, admitted);
                return;
            }
            complete(spec, result, admitted);
            return;
        }
        offload.execute(() -> {
            try {
                long result = spec.compute();
                loop.execute("complete task " + spec.index(), () -> complete(spec, result, admitted));
            } catch (RuntimeException e) {
                loop.execute("fail task " + spec.index(), () -> fail(spec, e, admitted));
            }
        });
    }

    private void complete(TaskSpec spec, long result, long admitted) {
        recorder.complete(spec, result, admitted);
        finished();
    }

    private void fail(TaskSpec spec, Throwable cause, long admitted) {
        recorder.fail(spec, cause, admitted);
        finished();
    }

    private void finished() {
        inFlight--;
        if (++finished == workload.tasks()) {
            done.complete(null);
        } else {
            admit();
        }
    }

    /** A task's k concurrent waits gathered as a group: the first failure fails the task and cancels the rest. */
    private final class FanOut {
        private final TaskSpec spec;
        private final long admitted;
        private final Timer[] timers;
        private int remaining;
        private boolean failed;

        FanOut(TaskSpec spec, long admitted) {
            this.spec = spec;
            this.admitted = admitted;
            this.timers = new Timer[spec.waits()];
            this.remaining = spec.waits();
        }

        void arm() {
            for (int i = 0; i < timers.length; i++) {
                int wait = i;
                timers[i] = loop.schedule(spec.waitNanos(i), "task " + spec.index() + " wait " + i, () -> ended(wait));
            }
        }

        private void ended(int wait) {
            if (failed) {
                return;  // cannot happen: the siblings' timers were cancelled; kept as a guard
            }
            if (spec.waitFails(wait)) {
                failed = true;
                for (Timer timer : timers) {
                    timer.cancel();
                }
                fail(spec, spec.waitFailure(wait), admitted);
            } else if (--remaining == 0) {
                compute(spec, admitted);
            }
        }
    }
}
