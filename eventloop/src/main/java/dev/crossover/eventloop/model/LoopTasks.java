package dev.crossover.eventloop.model;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The tasks a loop model has been handed and not yet finished, shared by the loop models
 * ({@code eventloop}, {@code eventloop-offload}, {@code netty}) so that they hand tasks to their
 * loop alike, and so that no task is ever left without an outcome.
 *
 * <h2>Handing a task to the loop</h2>
 * {@link #submit} on the loop thread (the driver submitting the next task from the outcome of the
 * last) puts the task straight into the loop's ready queue: no queue shared with other threads,
 * no wake-up. From another thread it goes into a queue of arrivals, and the first arrival after a
 * drain hands the loop one drain callback through its cross-thread inbox (which wakes the loop at
 * most once per select): one wake-up and one inbox entry per drain, however many tasks arrived.
 * The drain moves the arrivals into the ready queue. (Arrivals are the model's own, not only the
 * loop's inbox, so that those the loop never took can still be failed when it ends: a loop drops
 * its queued callbacks when an {@link Error} ends it, Netty's may when it terminates.)
 *
 * <h2>Tasks in flight</h2>
 * A task is <em>in flight</em> from when it enters the loop's ready queue until its outcome is
 * reported: an intrusive doubly linked list of {@link LoopTask}s, O(1) to add and to remove, with
 * no allocation. When a loop callback that is no task's own fails (a bug), {@link #callbackFailed}
 * fails every task in flight with an {@link IllegalStateException} that names the callback: their
 * chains may never end now, and the driver must not wait for them forever. The tasks submitted
 * after that run as usual. When the loop has ended, {@link #stop} fails every task in flight and
 * every arrival with the reason, and {@link #submit} refuses with it from then on.
 *
 * <h2>Threading</h2>
 * {@link #submit} may be called from any thread. The list of tasks in flight is confined to the
 * loop thread: {@link #callbackFailed} and {@link #size} are called there, and {@link #stop} there
 * or once the loop thread has ended. The arrivals are a lock-free queue.
 */
public final class LoopTasks {
    private static final System.Logger LOG = System.getLogger(LoopTasks.class.getName());

    private final String modelId;
    private final Executor inbox;
    private final Consumer<Runnable> ready;
    private final BooleanSupplier inLoop;
    private final ConfinedAccounts shared;
    private final ConcurrentLinkedQueue<LoopTask> arrivals = new ConcurrentLinkedQueue<>();
    /** True from the arrival that queued a drain until that drain begins. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Runnable drain = new Runnable() {
        @Override
        public void run() {
            drainArrivals();
        }

        @Override
        public String toString() {
            return "drain of the tasks submitted from other threads";
        }
    };
    /** Why no task can start any more, or null while the loop runs. */
    private volatile IllegalStateException stopped;

    // Loop-confined.
    private LoopTask head;
    private LoopTask tail;
    private int size;

    /**
     * @param modelId the model's id, for messages
     * @param inbox   the loop's cross-thread hand-off (asyncio's {@code call_soon_threadsafe}, Netty's {@code execute})
     * @param ready   the loop's same-thread queue, for use on the loop thread (asyncio's {@code call_soon})
     * @param inLoop  whether the calling thread is the loop's
     */
    public LoopTasks(String modelId, Executor inbox, Consumer<Runnable> ready, BooleanSupplier inLoop) {
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.inLoop = Objects.requireNonNull(inLoop, "inLoop");
        this.shared = new ConfinedAccounts(inLoop);
    }

    /**
     * Hands {@code task} to the loop, which runs it (its {@link LoopTask#run()}) in a later callback.
     *
     * @throws IllegalStateException if the loop has ended (the reason given to {@link #stop})
     */
    public void submit(LoopTask task) {
        checkRunning();
        if (inLoop.getAsBoolean()) {
            link(task);
            try {
                ready.accept(task);
            } catch (RejectedExecutionException e) {
                unlink(task);
                task.state = LoopTask.NEW;
                throw new IllegalStateException("model " + modelId + ": the event loop no longer takes tasks "
                        + "(expected: running until close)", e);
            }
            return;
        }
        arrivals.offer(task);
        if (!drainQueued.get() && drainQueued.compareAndSet(false, true)) {
            try {
                inbox.execute(drain);
            } catch (RejectedExecutionException e) {
                // The loop is ending: stop() fails the arrivals, or the check below takes this one back.
            }
        }
        // After the offer: stop() sets the reason before it drains the arrivals, so either it sees
        // this task or this check sees the reason (and takes the task back, unless stop() took it).
        if (stopped != null && arrivals.remove(task)) {
            checkRunning();
        }
    }

    /** Runs on the loop: moves the arrivals into its ready queue, each in flight from now on. */
    private void drainArrivals() {
        drainQueued.set(false);  // before polling: an arrival after the last poll queues the next drain
        for (LoopTask task = arrivals.poll(); task != null; task = arrivals.poll()) {
            link(task);
            try {
                ready.accept(task);
            } catch (RejectedExecutionException e) {
                // The loop is shutting down: the task stays in flight until stop() fails it.
            }
        }
    }

    /** @throws IllegalStateException if the loop has ended */
    private void checkRunning() {
        IllegalStateException why = stopped;
        if (why != null) {
            throw new IllegalStateException(why.getMessage(), why.getCause());
        }
    }

    /**
     * A loop callback other than a task's own failed with {@code failure} (a bug): fails every task in
     * flight with an {@link IllegalStateException} that names {@code callback} and has {@code failure}
     * as its cause; then rethrows {@code failure} if it is an {@link Error}. Called on the loop thread.
     */
    public void callbackFailed(String callback, Throwable failure) {
        failAll(new IllegalStateException("model " + modelId + ": callback " + callback
                + " failed (expected: every failure caught by its task)", failure));
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * The loop can start no task any more: from now on {@link #submit} refuses with {@code reason},
     * and every task in flight and every arrival the loop has not taken fails with it. Called on the
     * loop thread as it ends, or on another thread once the loop thread has ended; idempotent in effect.
     */
    public void stop(IllegalStateException reason) {
        Objects.requireNonNull(reason, "reason");
        stopped = reason;
        try {
            failAll(reason);
        } finally {
            for (LoopTask task = arrivals.poll(); task != null; task = arrivals.poll()) {
                task.fail(reason);
            }
        }
    }

    /** {@return the {@code shared} workload's accounts, confined to the loop thread} */
    public ConfinedAccounts shared() {
        return shared;
    }

    /** {@return how many tasks are in flight} Called on the loop thread. */
    public int size() {
        return size;
    }

    /**
     * Fails every task in flight now with {@code cause}. The list is detached first, so a task the
     * driver submits from one of these outcomes is in flight in the new list, and is not failed here.
     */
    private void failAll(IllegalStateException cause) {
        LoopTask task = head;
        head = null;
        tail = null;
        size = 0;
        Error error = null;
        while (task != null) {
            LoopTask next = task.next;
            task.prev = null;
            task.next = null;
            task.state = LoopTask.FINISHED;
            try {
                task.done.failed(cause);
            } catch (Throwable t) {
                // Not callbackFailed: that would fail these same tasks again. Every task still gets its outcome.
                LOG.log(System.Logger.Level.WARNING, "model " + modelId + ": failed() of task " + task.spec.index()
                        + " threw while the tasks in flight were failed with: " + cause.getMessage(), t);
                if (t instanceof Error e && error == null) {
                    error = e;
                }
            }
            task = next;
        }
        if (error != null) {
            throw error;
        }
    }

    private void link(LoopTask task) {
        task.state = LoopTask.IN_FLIGHT;
        task.prev = tail;
        if (tail == null) {
            head = task;
        } else {
            tail.next = task;
        }
        tail = task;
        size++;
    }

    /** Takes {@code task}, in flight, out of the list. */
    void unlink(LoopTask task) {
        LoopTask p = task.prev;
        LoopTask n = task.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        task.prev = null;
        task.next = null;
        size--;
    }
}
