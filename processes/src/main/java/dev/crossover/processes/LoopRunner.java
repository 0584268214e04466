package dev.crossover.processes;

import dev.crossover.core.TaskSpec;
import dev.crossover.eventloop.EventLoop;
import dev.crossover.eventloop.Timer;
import java.util.List;

/**
 * Runs a worker's tasks on the eventloop module's {@link EventLoop}, so one worker holds every task
 * it is sent at once: a wait is a timer, a fan-out is a group of timers that fails fast, and the
 * CPU phase runs on the loop thread (blocking it, as CPU work blocks an async worker).
 *
 * <p>Replies leave once per loop turn (a flush queued with {@link EventLoop#callSoon}), and before
 * a long computation, so a turn's many short replies share one pipe write.
 *
 * <h2>Threading</h2>
 * {@link #submit} hands the batch to the loop with {@link EventLoop#execute}; everything else runs
 * on the loop thread. A callback that throws is a bug here: it halts the worker, so the parent sees
 * a death and fails the worker's tasks rather than waiting for replies that never come.
 */
final class LoopRunner implements TaskRunner {
    private final ReplyWriter out;
    private final EventLoop loop;
    private boolean flushQueued;  // loop-confined

    LoopRunner(ReplyWriter out) {
        this.out = out;
        this.loop = new EventLoop("worker-loop", (name, failure) -> {
            System.err.println("worker: loop callback " + name + " failed: " + failure);
            failure.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(WorkerMain.BROKEN_STATUS);
        });
        loop.start();
    }

    @Override
    public void submit(List<TaskSpec> batch) {
        loop.execute("tasks", () -> batch.forEach(this::begin));
    }

    /**
     * Wakes the loop out of its selector and shuts it down, so the halt that follows is prompt:
     * HotSpot's exit waits up to 300 ms for any thread in native code to leave it
     * ({@code VM_Exit::wait_for_threads_in_native_to_block}), and a loop blocked in
     * {@code epoll_wait} is such a thread; measured here, closing a pool took 300 ms longer.
     */
    @Override
    public void stop() {
        loop.shutdown();
    }

    private void begin(TaskSpec spec) {
        switch (spec.waits()) {
            case 0 -> loop.callSoon("task " + spec.index(), () -> compute(spec));
            case 1 -> loop.schedule(spec.waitNanos(0), "task " + spec.index(), () -> {
                if (spec.waitFails(0)) {
                    failed(spec, spec.waitFailure(0));
                } else {
                    compute(spec);
                }
            });
            default -> new FanOut(spec).arm();
        }
    }

    private void compute(TaskSpec spec) {
        out.flushBeforeComputing(spec);
        long result;
        try {
            result = spec.compute();
        } catch (RuntimeException e) {  // InjectedFailure included
            failed(spec, e);
            return;
        }
        out.result(spec.index(), result);
        queueFlush();
    }

    private void failed(TaskSpec spec, RuntimeException cause) {
        out.failure(spec.index(), cause);
        queueFlush();
    }

    private void queueFlush() {
        if (!flushQueued) {
            flushQueued = true;
            loop.callSoon("flush", () -> {
                flushQueued = false;
                out.flush();
            });
        }
    }

    /** A task's concurrent waits gathered as a group: the first failure fails the task and cancels the rest. */
    private final class FanOut {
        private final TaskSpec spec;
        private final Timer[] timers;
        private int remaining;

        FanOut(TaskSpec spec) {
            this.spec = spec;
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
            if (spec.waitFails(wait)) {
                for (Timer timer : timers) {
                    timer.cancel();  // the siblings never fire: the group ends with this failure
                }
                failed(spec, spec.waitFailure(wait));
            } else if (--remaining == 0) {
                compute(spec);
            }
        }
    }
}
