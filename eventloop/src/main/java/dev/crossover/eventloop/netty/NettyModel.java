package dev.crossover.eventloop.netty;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.RunRecorder;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.eventloop.model.RunGuard;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a workload on one Netty {@link io.netty.channel.nio.NioEventLoop}, with the semantics of the
 * {@code eventloop} model so that the two compare fairly: each wait is a task scheduled with
 * {@link EventLoop#schedule}, the CPU phase runs on the loop thread (and blocks it), admission to the
 * {@code concurrency} places happens on the loop, and a fan-out arms its waits as a group whose
 * failing wait cancels the siblings' scheduled futures.
 *
 * <p>The loop is a {@link NioEventLoopGroup} of one thread because that is where a Netty or Vert.x
 * user's timers run: {@code ctx.channel().eventLoop().schedule(...)}, Vert.x's {@code setTimer}.
 * Like Crossover's loop it sleeps in {@code Selector.select(timeout)} until the next deadline, so
 * the comparison is loop against loop, not loop against a blocking queue
 * ({@code DefaultEventLoop}). Netty's defaults are kept (I/O ratio 50).
 *
 * <h2>Lifecycle</h2>
 * The loop thread, {@code crossover-netty-1}, starts with the first run and ends in
 * {@link #close()}, which also waits for the {@link GlobalEventExecutor} thread that Netty starts to
 * tell the group its loop has terminated; that thread stops only after its fixed one-second quiet
 * period, so {@code close()} takes about a second.
 *
 * <h2>Threading</h2>
 * {@link #run} is called from any thread but the loop's, and blocks until the run is done; runs of
 * one model are serialised. Everything a run does with its books happens on the loop thread.
 */
public final class NettyModel implements ConcurrencyModel {
    /** The model's id. */
    public static final String ID = "netty";
    private static final long QUIET_PERIOD_MILLIS = 10;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
    private static final long TERMINATION_WAIT_MILLIS = 10_000;

    private final Lifecycle lifecycle = new Lifecycle(ID);
    private final NioEventLoopGroup group = new NioEventLoopGroup(1, threads());
    private final EventLoop loop = group.next();

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
        loop.execute(new NettyRun(loop, recorder, done)::admit);
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
    EventLoop loop() {
        return loop;
    }

    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        group.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        try {
            // The group's termination future completes on GlobalEventExecutor's thread (the group
            // listens to its loop's termination there), so once it is done that thread exists and has
            // no work left: wait for it to stop too, or it outlives the model by up to a second.
            if (group.terminationFuture().await(TERMINATION_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                GlobalEventExecutor.INSTANCE.awaitInactivity(TERMINATION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
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
