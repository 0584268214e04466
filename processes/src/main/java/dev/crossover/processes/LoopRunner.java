package dev.crossover.processes;

import dev.crossover.core.TaskSpec;
import dev.crossover.eventloop.EventLoop;
import dev.crossover.eventloop.Timer;
import java.util.List;

/**
 * Runs a worker's tasks on the eventloop module's {@link EventLoop}, so one worker holds every task
 * it is sent at once: a wait is a timer, a fan-out is a group of timers that fails fast, and the
 * CPU phase runs on the loop thread (blocking it, as CPU work blocks an async worker). A timer's
 * lateness is measured against the deadline the loop armed it with ({@link Timer#deadlineNanos()}).
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
    private final dev.crossover.core.IoOptions io = WorkerIo.fromSystemProperties();
    private final dev.crossover.eventloop.model.SelectorHttpClient client;

    LoopRunner(ReplyWriter out) {
        this.out = out;
        this.loop = new EventLoop("worker-loop", (name, failure) -> {
            System.err.println("worker: loop callback " + name + " failed: " + failure);
            failure.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(WorkerMain.BROKEN_STATUS);
        });
        this.client = io.server().map(server -> new dev.crossover.eventloop.model.SelectorHttpClient(loop, server,
                io.requestTimeout())).orElse(null);
        loop.start();
    }

    @Override
    public void submit(List<Protocol.Task> batch) {
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

    private void begin(Protocol.Task task) {
        TaskSpec spec = task.spec();
        if (spec.realIo()) {
            realIo(task);
            return;
        }
        if (task.spec().waits() == 0) {
            loop.callSoon("task " + task.spec().index(), () -> compute(task, WaitLog.NONE));
        } else {
            new Waiting(task).arm();
        }
    }

    /** A request on the loop's own selector, or the file offloaded to a thread; then the CPU phase on the loop. */
    private void realIo(Protocol.Task task) {
        TaskSpec spec = task.spec();
        WaitLog log = WaitLog.of(spec.waits());
        long deadline = System.nanoTime() + spec.waitNanos(0);
        dev.crossover.eventloop.model.SelectorHttpClient.Callback ended = (sum, failure) -> {
            if (failure != null) {
                failed(task, log, new java.io.UncheckedIOException(failure.getClass().getSimpleName() + ": "
                        + failure.getMessage(), failure instanceof java.io.IOException e ? e : new java.io.IOException(failure)));
                return;
            }
            log.ended(deadline);
            if (spec.waitFails(0)) {
                failed(task, log, spec.waitFailure(0));
                return;
            }
            compute(task, log, sum);
        };
        if (spec.waitKind() == TaskSpec.Wait.HTTP) {
            if (client == null) {
                failed(task, log, new IllegalStateException("worker: no delay server (expected: -D" + WorkerIo.SERVER + ")"));
                return;
            }
            client.get(spec.waitNanos(0), spec.bytes(), spec.token(), ended);
            return;
        }
        if (io.directory().isEmpty()) {
            failed(task, log, new IllegalStateException("worker: no file directory (expected: -D" + WorkerIo.DIRECTORY + ")"));
            return;
        }
        java.nio.file.Path directory = io.directory().get();
        dev.crossover.eventloop.Async.toThread(() -> dev.crossover.core.BlockingIo.roundTrip(directory, spec))
                .whenDone(t -> ended.done(t.isSucceeded() ? t.result() : 0, t.isSucceeded() ? null : t.failure()));
    }

    private void compute(Protocol.Task task, WaitLog waits) {
        compute(task, waits, Long.MIN_VALUE);
    }

    private void compute(Protocol.Task task, WaitLog waits, long ioSum) {
        TaskSpec spec = task.spec();
        out.flushBeforeComputing(spec);
        long result;
        try {
            result = spec.realIo() ? spec.compute(ioSum) : spec.compute();
        } catch (RuntimeException e) {  // InjectedFailure included
            failed(task, waits, e);
            return;
        }
        out.result(task.tag(), result, waits);
        queueFlush();
    }

    private void failed(Protocol.Task task, WaitLog waits, RuntimeException cause) {
        out.failure(task.tag(), waits, cause);
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

    /**
     * A task's waits, one timer each, gathered as a group: the first failure fails the task and
     * cancels the rest; each timer that fires logs how late it fired against its own deadline.
     */
    private final class Waiting {
        private final Protocol.Task task;
        private final TaskSpec spec;
        private final Timer[] timers;
        private final WaitLog log;
        private int remaining;

        Waiting(Protocol.Task task) {
            this.task = task;
            this.spec = task.spec();
            this.timers = new Timer[spec.waits()];
            this.log = WaitLog.of(spec.waits());
            this.remaining = spec.waits();
        }

        void arm() {
            for (int i = 0; i < timers.length; i++) {
                int wait = i;
                timers[i] = loop.schedule(spec.waitNanos(i), "task " + spec.index() + " wait " + i, () -> ended(wait));
            }
        }

        private void ended(int wait) {
            log.ended(timers[wait].deadlineNanos());
            if (spec.waitFails(wait)) {
                for (Timer timer : timers) {
                    timer.cancel();  // the siblings never fire: the group ends with this failure
                }
                failed(task, log, spec.waitFailure(wait));
            } else if (--remaining == 0) {
                compute(task, log);
            }
        }
    }
}
