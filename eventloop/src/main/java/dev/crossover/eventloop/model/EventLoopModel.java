package dev.crossover.eventloop.model;

import dev.crossover.core.Completion;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Ledger;
import dev.crossover.core.SharedState;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.OwnedThreads;
import dev.crossover.core.TaskSpec;
import dev.crossover.eventloop.EventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Runs tasks on one {@link EventLoop}: each task's waits are loop timers, and its CPU phase runs
 * either on the loop thread itself (model {@code eventloop}: it blocks the loop while it computes,
 * as a blocking call blocks asyncio) or on a pool of platform threads whose result comes back to
 * the loop (model {@code eventloop-offload}, asyncio's {@code run_in_executor}). Each task is a
 * {@link LoopChain}; admission is the driver's.
 *
 * <h2>Lifecycle</h2>
 * The loop thread (and the pool) start when the model is created and end in {@link #close()},
 * which returns once every one of those threads has ended (it joins them, see {@link OwnedThreads}).
 * A task still in flight then fails with an {@link IllegalStateException} that says the model closed.
 *
 * <h2>Threading</h2>
 * {@link #submit} may be called from any thread: on the loop thread (the driver submitting the
 * next task from the outcome of the last) the task goes straight to the loop's ready queue; from
 * another thread through a queue of arrivals drained on the loop, one wake-up per drain (see
 * {@link LoopTasks}). Every report of a task ({@code began}, {@code waitEnded}, its outcome) is
 * made on the loop thread, also when the pool computed its result.
 *
 * <h2>Timer precision</h2>
 * Every wait is a loop timer, and the loop sleeps in {@link java.nio.channels.Selector#select(long)},
 * which takes whole milliseconds: a wait of {@code w} ms completes after {@code ceil(w)} ms or
 * slightly more, never earlier (see {@link EventLoop}'s Timer precision). For the usual waits of
 * tens of milliseconds this costs at most a millisecond each (2% of a 50 ms wait); for
 * sub-millisecond waits it dominates (a 0.1 ms wait takes about 1 ms), while the thread models'
 * sleeps are precise to tens of microseconds. Read a comparison on such short waits with that in
 * mind: part of the gap is the selector's resolution, which asyncio on epoll and Netty's NIO
 * transport share, not the cost of the loop itself. Each wait's lateness, as its task reports it,
 * shows exactly that.
 *
 * <h2>Failures</h2>
 * A task's failure is reported as the task's outcome, whatever it threw. An {@link Error} thrown on
 * the loop thread is reported as its task's failure, then ends the loop, as {@link EventLoop} says:
 * every other task in flight then fails, and {@link #submit} throws, with an
 * {@link IllegalStateException} that names the Error (its cause). Any other throw in a loop
 * callback (a bug: the tasks' chains can no longer be trusted to end) is logged and fails every
 * task in flight with an {@link IllegalStateException} that names the callback; the loop goes on,
 * and tasks submitted after that run as usual.
 *
 * <h2>Shared state</h2>
 * The {@code shared} workload's accounts are confined to the loop thread, without a lock
 * ({@link ConfinedAccounts}); {@code eventloop-offload} computes on its pool and applies each
 * transfer back on the loop.
 */
public final class EventLoopModel implements ConcurrencyModel, SharedState {
    /** The id of the model whose CPU work runs on the loop. */
    public static final String ID = "eventloop";
    /** The id of the model whose CPU work goes to a pool. */
    public static final String OFFLOAD_ID = "eventloop-offload";

    private static final System.Logger LOG = System.getLogger(EventLoopModel.class.getName());
    /** How long {@link #close()} waits for the offload pool's threads. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final String id;
    private final Lifecycle lifecycle;
    private final EventLoop loop;
    private final OwnedThreads offloadThreads;
    private final ExecutorService offload;
    private final LoopChain.Mechanism mechanism;
    private final LoopTasks tasks;

    private final SelectorHttpClient client;

    private EventLoopModel(String id, int offloadThreads, ToLongFunction<TaskSpec> work) {
        this(id, offloadThreads, work, dev.crossover.core.IoOptions.none());
    }

    private EventLoopModel(String id, int offloadThreads, ToLongFunction<TaskSpec> work, dev.crossover.core.IoOptions io) {
        this.id = id;
        this.lifecycle = new Lifecycle(id);
        this.offloadThreads = new OwnedThreads(id);
        this.offload = offloadThreads == 0 ? null
                : Executors.newFixedThreadPool(offloadThreads, this.offloadThreads.factory(Thread.ofPlatform()
                        .name(OFFLOAD_ID + "-pool-", 1).daemon(true).factory()));
        this.loop = new EventLoop(id, this::callbackFailed);
        this.client = io.server().map(server -> new SelectorHttpClient(loop, server, io.requestTimeout())).orElse(null);
        this.mechanism = new LoopChain.Mechanism(offload, work, client, io.directory().orElse(null));
        this.tasks = new LoopTasks(id, loop::execute, loop::callSoon, loop::inLoop);
        // Registered before the loop starts, so it runs on the loop thread as the loop ends, after
        // the loop's last callback: no task can finish after that.
        loop.terminationFuture().whenComplete((ignored, failure) -> tasks.stop(endedReason(failure)));
        loop.start();
    }

    /** {@return a model whose CPU work runs on the loop thread} */
    public static EventLoopModel onLoop() {
        return new EventLoopModel(ID, 0, TaskSpec::compute);
    }

    /** {@return a model whose CPU work runs on {@code threads} platform threads} */
    public static EventLoopModel withOffload(int threads) {
        return withOffload(threads, dev.crossover.core.IoOptions.none());
    }

    /** {@return a model whose CPU work runs on the loop thread, real I/O going where {@code io} says} */
    public static EventLoopModel onLoop(dev.crossover.core.IoOptions io) {
        return new EventLoopModel(ID, 0, TaskSpec::compute, io);
    }

    /** {@return a model whose CPU work (and file I/O) runs on {@code threads} platform threads, real I/O going where {@code io} says} */
    public static EventLoopModel withOffload(int threads, dev.crossover.core.IoOptions io) {
        dev.crossover.core.Checks.positive("offload-threads", threads);
        return new EventLoopModel(OFFLOAD_ID, threads, TaskSpec::compute, io);
    }

    @Override
    public String mechanism(dev.crossover.core.WorkloadKind kind) {
        return switch (kind) {
            case HTTP -> "non-blocking SocketChannel on the loop's own Selector (keep-alive pool, one request in flight "
                    + "per connection)";
            case FILE -> (offload == null ? "offloaded to the loop's default executor (asyncio to_thread)"
                    : "offloaded to the offload pool (asyncio run_in_executor)") + ": FileChannel write, force, read";
            default -> "";
        };
    }

    /** {@return a model like {@link #onLoop()} whose tasks compute with {@code work}}, for failure tests */
    static EventLoopModel onLoop(ToLongFunction<TaskSpec> work) {
        return new EventLoopModel(ID, 0, Objects.requireNonNull(work, "work"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void accept(Workload workload) {
        if (workload.kind() == WorkloadKind.SHARED) {
            tasks.shared().reset(workload.accounts());
        }
    }

    /** @throws IllegalStateException if no {@code shared} workload was accepted */
    @Override
    public Ledger ledger() {
        return tasks.shared().ledger(offload == null ? "loop-confined" : "offload, loop-confined");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the model is closed, or its loop has ended (an {@link Error}
     *                               ended it: the message names it, and it is the cause)
     */
    @Override
    public void submit(TaskSpec task, Completion done) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(done, "done");
        if (lifecycle.isClosed()) {
            throw new IllegalStateException("model " + id + ": closed (expected: submit before close)");
        }
        tasks.submit(new LoopChain(tasks, task, done, mechanism));
    }

    /** The loop's reporter: logs a callback's failure, then fails every task in flight (on the loop thread). */
    private void callbackFailed(String callback, Throwable failure) {
        LOG.log(System.Logger.Level.WARNING, "model " + id + ": loop callback " + callback + " failed", failure);
        tasks.callbackFailed(callback, failure);
    }

    /** {@return why no task can run any more, now that the loop has ended}, {@code failure} if an Error ended it */
    private IllegalStateException endedReason(Throwable failure) {
        Throwable error = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        if (error != null) {
            return new IllegalStateException("model " + id + ": the event loop ended with " + error
                    + " (expected: running until close)", error);
        }
        if (lifecycle.isClosed()) {
            return new IllegalStateException("model " + id + ": closed with the task in flight "
                    + "(expected: close after every task ended)");
        }
        return new IllegalStateException("model " + id + ": the event loop shut down (expected: running until close)");
    }

    /** {@return the model's loop}, for tests that put a failing callback on it */
    EventLoop loop() {
        return loop;
    }

    /** {@return the model's tasks}, for tests that look at those in flight (on the loop thread) */
    LoopTasks tasks() {
        return tasks;
    }

    /**
     * Closes the loop (joining its thread; a task still in flight fails), then stops the offload
     * pool and joins its threads.
     *
     * @throws IllegalStateException if a thread of the offload pool is still running 10 seconds after its shutdown
     */
    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        loop.close();
        if (client != null) {
            client.closeAll();  // the loop thread has ended: its connections are this thread's to close
        }
        if (offload != null) {
            offload.shutdownNow();
            try {
                // Joins the threads, not only awaitTermination: the pool says TERMINATED before its
                // last worker thread has exited.
                offload.awaitTermination(CLOSE_WAIT.toNanos(), TimeUnit.NANOSECONDS);
                offloadThreads.join(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
