package dev.crossover.eventloop.netty;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.OwnedThreads;
import dev.crossover.core.RunRecorder;
import dev.crossover.core.RunResult;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import dev.crossover.eventloop.model.RunGuard;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * Runs a workload on one Netty NIO event loop, with the semantics of the {@code eventloop} model so
 * that the two compare fairly: each wait is a task scheduled with {@link EventLoop#schedule}, the
 * CPU phase runs on the loop thread (and blocks it), admission to the {@code concurrency} places
 * happens on the loop, and a fan-out arms its waits as a group whose failing wait cancels the
 * siblings' scheduled futures.
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
 * ever started.
 *
 * <h2>Lifecycle</h2>
 * The loop thread, {@code crossover-netty-1}, starts with the first run and ends in
 * {@link #close()}, which shuts the loop down gracefully and then joins the thread itself.
 *
 * <h2>Threading</h2>
 * {@link #run} is called from any thread but the loop's, and blocks until the run is done; runs of
 * one model are serialised. Everything a run does with its books happens on the loop thread.
 *
 * <h2>Failures</h2>
 * Whatever a task's work throws fails that task, an {@link Error} included, which is then rethrown
 * on the loop: Netty logs it (or, thrown in a timer, keeps it in the timer's future) and its loop
 * goes on, so the run still ends, with that task failed.
 */
public final class NettyModel implements ConcurrencyModel {
    /** The model's id. */
    public static final String ID = "netty";
    private static final long QUIET_PERIOD_MILLIS = 10;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
    private static final Duration TERMINATION_WAIT = Duration.ofSeconds(10);

    private final Lifecycle lifecycle = new Lifecycle(ID);
    private final OwnedThreads owned = new OwnedThreads(ID);
    private final SingleThreadIoEventLoop loop =
            new SingleThreadIoEventLoop(null, owned.factory(threads()), NioIoHandler.newFactory());
    private final ToLongFunction<TaskSpec> work;

    /** Creates the model; its loop thread starts with the first run. */
    public NettyModel() {
        this(TaskSpec::compute);
    }

    /** A model whose tasks compute with {@code work} instead of {@link TaskSpec#compute()}, for failure tests. */
    NettyModel(ToLongFunction<TaskSpec> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the model is closed, the caller is the loop thread, or the
     *                               loop shut down before the run ended
     */
    @Override
    public synchronized RunResult run(Workload workload) {
        RunGuard.checkRun(workload, lifecycle, loop.inEventLoop());
        RunRecorder recorder = new RunRecorder(workload);
        Promise<Void> done = loop.newPromise();
        loop.execute(new NettyRun(loop, recorder, work, done)::admit);
        try {
            // Polls rather than waits once: close() from another thread cancels the scheduled tasks,
            // and then nothing would ever complete the promise.
            while (!done.await(50, TimeUnit.MILLISECONDS)) {
                if (loop.isShuttingDown()) {
                    throw new IllegalStateException("model " + ID + ": the event loop shut down during the run "
                            + "(expected: running until close)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model " + ID + ": interrupted while waiting for the run", e);
        }
        if (!done.isSuccess()) {
            throw new IllegalStateException("model " + ID + ": the run failed on the loop", done.cause());
        }
        return recorder.finish(ID);
    }

    /** {@return the loop the model runs on, for tests} */
    SingleThreadIoEventLoop loop() {
        return loop;
    }

    /**
     * Shuts the loop down (a short quiet period, then pending tasks are dropped) and waits until its
     * thread has ended: the termination future completes on that thread just before it exits, so
     * the thread itself is joined too.
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
        try {
            owned.join(TERMINATION_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            // A FastThreadLocalThread, as Netty's own DefaultThreadFactory makes: Netty's internals
            // (its thread-local map) take their fast path on it.
            Thread t = new FastThreadLocalThread(task, "crossover-" + ID + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
