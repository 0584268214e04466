package dev.crossover.eventloop.netty;

import dev.crossover.core.Completion;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Ledger;
import dev.crossover.core.SharedState;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.OwnedThreads;
import dev.crossover.core.TaskSpec;
import dev.crossover.eventloop.model.LoopTasks;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * Runs tasks on one Netty NIO event loop, with the semantics of the {@code eventloop} model so
 * that the two compare fairly: each wait is a task scheduled with {@link EventLoop#schedule}, the
 * CPU phase runs on the loop thread (and blocks it), and a fan-out arms its waits as a group whose
 * failing wait cancels the siblings' scheduled futures. Each task is a {@link NettyTask}; admission
 * is the driver's.
 *
 * <p>The loop is a {@link SingleThreadIoEventLoop} on an {@link NioIoHandler}: the loop that a
 * {@code MultiThreadIoEventLoopGroup(1, factory, NioIoHandler.newFactory())} holds (Netty 4.2's
 * replacement for {@code NioEventLoopGroup}), and the one where a Netty or Vert.x user's timers run:
 * {@code ctx.channel().eventLoop().schedule(...)}, Vert.x's {@code setTimer}. Like Crossover's loop
 * it sleeps in {@code Selector.select(timeout)} until the next deadline, so the comparison is loop
 * against loop, not loop against a blocking queue ({@code DefaultEventLoop}). Netty's defaults are
 * kept (tasks run for at most {@code io.netty.eventLoop.maxTaskProcessingQuantumMs}, 1 s, between
 * two polls of the selector).
 *
 * <p>It is built without the group around it on purpose: a group learns that its loops have
 * terminated through a listener on each loop's termination future, and Netty runs that listener
 * on {@link GlobalEventExecutor}, whose thread then lives on for a fixed quiet period of at least a
 * second after every close. Nothing here needs the group (it only picks among its loops), and a
 * loop alone notifies nobody on {@link GlobalEventExecutor}, so no Netty thread but the loop's is
 * ever started. (For the same reason the model hangs no listener on the loop's termination future:
 * {@link #close()} itself fails what is left in flight, once the loop thread has ended.)
 *
 * <p>The same model runs as {@code netty-epoll} on Netty's native epoll transport
 * ({@link EpollIoHandler}): there the loop sleeps in {@code epoll_wait} and its scheduled tasks
 * are armed on a {@code timerfd} with nanosecond deadlines, instead of {@code Selector.select}'s
 * milliseconds. Everything else is the same code.
 *
 * <p>Real I/O: {@code http} goes through Netty's own HTTP client codec on this loop
 * ({@link NettyHttpClient}); {@code file}, which has no readiness on Linux, runs each task's
 * blocking round trip on a small pool the model owns and brings the outcome back onto the loop
 * ({@link FileOffload}), as the {@code eventloop} model offloads it.
 *
 * <h2>Lifecycle</h2>
 * The loop thread, {@code crossover-netty-1} (or {@code crossover-netty-epoll-1}), starts with the first task and ends in
 * {@link #close()}, which shuts the loop down gracefully, joins the thread itself (and the file
 * pool's threads, once the round trips handed to them have ended), then fails every task still in
 * flight with an {@link IllegalStateException} that says the model closed. Only
 * {@link #close()} shuts the loop down.
 *
 * <h2>Threading</h2>
 * {@link #submit} may be called from any thread: on the loop thread (the driver submitting the
 * next task from the outcome of the last) the task goes straight to the loop's task queue, with no
 * wake-up; from another thread through a queue of arrivals drained on the loop, one
 * {@code execute} (and at most one wake-up) per drain (see {@link LoopTasks}). Every report of a
 * task is made on the loop thread.
 *
 * <h2>Failures</h2>
 * Whatever a task's work throws fails that task, an {@link Error} included, which is then rethrown
 * on the loop: Netty logs it (or, thrown in a timer, keeps it in the timer's future) and its loop
 * goes on. A {@link Completion} that throws (a bug outside the task) fails every task in flight
 * with an {@link IllegalStateException} that names it; tasks submitted after that run as usual.
 *
 * <h2>Shared state</h2>
 * The {@code shared} workload's accounts are confined to the loop thread, without a lock
 * ({@link dev.crossover.eventloop.model.ConfinedAccounts}).
 */
public final class NettyModel implements ConcurrencyModel, SharedState {
    /** The model's id. */
    public static final String ID = "netty";
    /** The id of the same model on Netty's native epoll transport. */
    public static final String EPOLL_ID = "netty-epoll";
    private static final long QUIET_PERIOD_MILLIS = 10;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
    private static final Duration TERMINATION_WAIT = Duration.ofSeconds(10);

    private final String id;
    private final Lifecycle lifecycle;
    private final OwnedThreads owned;
    private final SingleThreadIoEventLoop loop;
    private final LoopTasks tasks;
    private final ToLongFunction<TaskSpec> work;
    private final NettyHttpClient client;
    private final FileOffload files;
    private final String clientName;

    /** Creates the model on NIO; its loop thread starts with the first task. */
    public NettyModel() {
        this(ID, NioIoHandler.newFactory(), TaskSpec::compute);
    }

    /** A model whose tasks compute with {@code work} instead of {@link TaskSpec#compute()}, for failure tests. */
    NettyModel(ToLongFunction<TaskSpec> work) {
        this(ID, NioIoHandler.newFactory(), work);
    }

    /**
     * A model called {@code id} whose loop runs on the transport {@code handlers} makes (NIO, or the
     * native epoll transport, whose timers are a {@code timerfd} with nanosecond deadlines).
     */
    NettyModel(String id, IoHandlerFactory handlers, ToLongFunction<TaskSpec> work) {
        this(id, handlers, work, dev.crossover.core.IoOptions.none());
    }

    /** As above, with real I/O going where {@code io} says (a delay server: Netty's HTTP client codec on this loop). */
    NettyModel(String id, IoHandlerFactory handlers, ToLongFunction<TaskSpec> work, dev.crossover.core.IoOptions io) {
        this.id = Objects.requireNonNull(id, "id");
        this.work = Objects.requireNonNull(work, "work");
        this.lifecycle = new Lifecycle(id);
        this.owned = new OwnedThreads(id);
        this.loop = new SingleThreadIoEventLoop(null, owned.factory(threads(id)), handlers);
        this.tasks = new LoopTasks(id, loop::execute, loop::execute, loop::inEventLoop);
        boolean epoll = id.equals(EPOLL_ID);
        this.clientName = "Netty HttpClientCodec on the model's " + (epoll ? "epoll" : "NIO")
                + " loop (keep-alive pool, one request in flight per connection)";
        this.client = io.server().map(server -> new NettyHttpClient(loop,
                epoll ? io.netty.channel.epoll.EpollSocketChannel.class : io.netty.channel.socket.nio.NioSocketChannel.class,
                server, io.requestTimeout())).orElse(null);
        this.files = io.directory().map(directory -> new FileOffload(id, loop, directory)).orElse(null);
    }

    /** {@return a model on Netty's NIO transport whose real I/O goes where {@code io} says} */
    static NettyModel nio(dev.crossover.core.IoOptions io) {
        return new NettyModel(ID, NioIoHandler.newFactory(), TaskSpec::compute, io);
    }

    /** {@return a model on Netty's native epoll transport} (the caller checks that it is available) */
    static NettyModel epoll(dev.crossover.core.IoOptions io) {
        return new NettyModel(EPOLL_ID, EpollIoHandler.newFactory(), TaskSpec::compute, io);
    }

    @Override
    public String mechanism(dev.crossover.core.WorkloadKind kind) {
        return switch (kind) {
            case HTTP -> clientName;
            case FILE -> FileOffload.MECHANISM;
            default -> "";
        };
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
        return tasks.shared().ledger("loop-confined");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the model is closed, or its loop is shutting down
     */
    @Override
    public void submit(TaskSpec task, Completion done) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(done, "done");
        if (lifecycle.isClosed()) {
            throw new IllegalStateException("model " + id + ": closed (expected: submit before close)");
        }
        if (loop.isShuttingDown()) {
            throw new IllegalStateException("model " + id + ": the event loop shut down (expected: running until close)");
        }
        tasks.submit(new NettyTask(tasks, task, done, loop, work, client, files));
    }

    /** {@return the loop the model runs on, for tests} */
    SingleThreadIoEventLoop loop() {
        return loop;
    }

    /** {@return the model's tasks}, for tests that look at those in flight (on the loop thread) */
    LoopTasks tasks() {
        return tasks;
    }

    /**
     * Shuts the loop down (a short quiet period, then pending tasks are dropped), waits until its
     * thread has ended (the termination future completes on that thread just before it exits, so
     * the thread itself is joined too), then fails every task still in flight.
     *
     * @throws IllegalStateException if the loop thread is still running 10 s after the shutdown began
     */
    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        loop.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(TERMINATION_WAIT.toMillis());
        if (files != null) {
            files.shutdown();
        }
        try {
            owned.join(TERMINATION_WAIT);
            if (files != null) {
                files.join(TERMINATION_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The loop thread has ended (joined: what it did happens-before this), so its tasks are
        // this thread's to fail now; their timers were cancelled by the shutdown.
        tasks.stop(new IllegalStateException("model " + id + ": closed with the task in flight "
                + "(expected: close after every task ended)"));
    }

    private static ThreadFactory threads(String id) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            // A FastThreadLocalThread, as Netty's own DefaultThreadFactory makes: Netty's internals
            // (its thread-local map) take their fast path on it.
            Thread t = new FastThreadLocalThread(task, "crossover-" + id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
