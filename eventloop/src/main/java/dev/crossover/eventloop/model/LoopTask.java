package dev.crossover.eventloop.model;

import dev.crossover.core.Completion;
import dev.crossover.core.TaskSpec;
import java.util.Objects;

/**
 * One task handed to a loop model: its spec, the {@link Completion} it reports to, and its place
 * among its model's {@link LoopTasks} while it is in flight. A subclass says how the task runs on
 * the loop ({@link #start()}); this class sees to it that the task's outcome is reported exactly
 * once, by whichever comes first: the task's own chain, or {@link LoopTasks} failing every task in
 * flight because the loop can no longer finish them.
 *
 * <p>As a {@link Runnable} it is the loop callback that starts the task: it reports
 * {@link Completion#began()}, then calls {@link #start()}.
 *
 * <h2>Failures</h2>
 * A {@link Completion} method that throws is a bug outside the task (the driver's): it is handed
 * to {@link LoopTasks#callbackFailed}, which fails every task in flight with it, so nothing waits
 * forever on books that can no longer be trusted; an {@link Error} is rethrown after that.
 *
 * <h2>Threading</h2>
 * Confined to the loop thread from the moment it is handed to the loop; before that, only
 * {@link LoopTasks#submit} touches it. (A model whose loop thread has ended may finish it from the
 * thread that joined the loop, see {@link LoopTasks#stop}.)
 */
public abstract class LoopTask implements Runnable {
    static final int NEW = 0;
    static final int IN_FLIGHT = 1;
    static final int FINISHED = 2;

    /** The task. */
    protected final TaskSpec spec;
    final Completion done;
    final LoopTasks tasks;
    /** {@link #NEW} until linked into {@link #tasks}, {@link #IN_FLIGHT} while linked, then {@link #FINISHED}. */
    int state = NEW;
    LoopTask prev;
    LoopTask next;

    /** A task of {@code tasks}' model that reports to {@code done}. */
    protected LoopTask(LoopTasks tasks, TaskSpec spec, Completion done) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.done = Objects.requireNonNull(done, "done");
    }

    /** Starts the task on the loop: reports that it began, then {@link #start()}s it, unless it has finished already. */
    @Override
    public final void run() {
        if (state == FINISHED) {
            return;  // failed before it started: see LoopTasks.failAll
        }
        try {
            done.began();
        } catch (Throwable t) {
            tasks.callbackFailed("began() of task " + spec.index(), t);
        }
        if (state != FINISHED) {
            start();
        }
    }

    /**
     * Starts the task's waits and work on the loop; called once, on the loop thread. The task's chain
     * later reports {@link #waitEnded} for each wait and exactly one of {@link #complete} or {@link #fail},
     * in a later callback: never in this call.
     */
    protected abstract void start();

    /** {@return whether the task's outcome has been reported}: its chain should then stop, doing no more work */
    protected final boolean isFinished() {
        return state == FINISHED;
    }

    /** Reports that one of the task's waits ended, asked to end at {@code deadlineNanos}; nothing once the task has finished. */
    protected final void waitEnded(long deadlineNanos) {
        if (state == FINISHED) {
            return;
        }
        try {
            done.waitEnded(deadlineNanos);
        } catch (Throwable t) {
            tasks.callbackFailed("waitEnded() of task " + spec.index(), t);
        }
    }

    /**
     * Reports that the task completed with {@code result}, unless its outcome has been reported
     * already; a {@code shared} task's transfer is applied first, here on the loop thread.
     */
    protected final void complete(long result) {
        if (finish()) {
            if (spec.transfers()) {
                try {
                    tasks.shared().apply(spec);
                } catch (RuntimeException e) {
                    reportFailed(e);  // off the loop or without accounts: the task did not transfer
                    return;
                }
            }
            try {
                done.completed(result);
            } catch (Throwable t) {
                tasks.callbackFailed("completed() of task " + spec.index(), t);
            }
        }
    }

    /** Reports that the task failed with {@code cause}, unless its outcome has been reported already. */
    protected final void fail(Throwable cause) {
        if (finish()) {
            reportFailed(cause);
        }
    }

    private void reportFailed(Throwable cause) {
        try {
            done.failed(cause);
        } catch (Throwable t) {
            tasks.callbackFailed("failed() of task " + spec.index(), t);
        }
    }

    /** {@return true for the one call that finishes the task}, which leaves the tasks in flight */
    private boolean finish() {
        if (state == FINISHED) {
            return false;
        }
        if (state == IN_FLIGHT) {
            tasks.unlink(this);
        }
        state = FINISHED;
        return true;
    }

    /** Names the task in the loop's reports of a callback that failed. */
    @Override
    public String toString() {
        return "start of task " + spec.index();
    }
}
