package dev.crossover.eventloop.model;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.RunRecorder;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.eventloop.EventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a workload on one {@link EventLoop}: each task's waits are loop timers, admission to the
 * {@code concurrency} places happens on the loop, and the CPU phase runs either on the loop thread
 * itself (model {@code eventloop}: it blocks the loop while it computes, as a blocking call blocks
 * asyncio) or on a pool of platform threads whose result comes back to the loop (model
 * {@code eventloop-offload}, asyncio's {@code run_in_executor}).
 *
 * <h2>Lifecycle</h2>
 * The loop thread (and the pool) start when the model is created and end in {@link #close()}.
 *
 * <h2>Threading</h2>
 * {@link #run} is called from any thread but the loop's, and blocks until the run is done; runs of
 * one model are serialised.
 */
public final class EventLoopModel implements ConcurrencyModel {
    /** The id of the model whose CPU work runs on the loop. */
    public static final String ID = "eventloop";
    /** The id of the model whose CPU work goes to a pool. */
    public static final String OFFLOAD_ID = "eventloop-offload";

    private final String id;
    private final Lifecycle lifecycle;
    private final EventLoop loop;
    private final ExecutorService offload;

    private EventLoopModel(String id, ExecutorService offload) {
        this.id = id;
        this.lifecycle = new Lifecycle(id);
        this.offload = offload;
        this.loop = EventLoop.start(id);
    }

    /** {@return a model whose CPU work runs on the loop thread} */
    public static EventLoopModel onLoop() {
        return new EventLoopModel(ID, null);
    }

    /** {@return a model whose CPU work runs on {@code threads} platform threads} */
    public static EventLoopModel withOffload(int threads) {
        dev.crossover.core.Checks.positive("offload-threads", threads);
        return new EventLoopModel(OFFLOAD_ID, Executors.newFixedThreadPool(threads, offloadThreads()));
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the model is closed, the caller is the loop thread, or the
     *                               loop ended before the run did
     */
    @Override
    public synchronized RunResult run(Workload workload) {
        Objects.requireNonNull(workload, "workload");
        lifecycle.checkOpen();
        if (loop.inLoop()) {
            throw new IllegalStateException("run: called on the event loop thread (expected: another thread; "
                    + "waiting for the run there would deadlock)");
        }
        RunRecorder recorder = new RunRecorder(workload);
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.terminationFuture().whenComplete((v, t) -> done.completeExceptionally(
                new IllegalStateException("model " + id + ": the event loop ended during the run", t)));
        loop.execute("start run", () -> new LoopRun(loop, recorder, offload, done).start());
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model " + id + ": interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return recorder.finish(id);
    }

    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        loop.close();
        if (offload != null) {
            offload.shutdownNow();
            try {
                offload.awaitTermination(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory offloadThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, OFFLOAD_ID + "-pool-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
