package dev.crossover.eventloop.model;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.OwnedThreads;
import dev.crossover.core.RunRecorder;
import dev.crossover.core.RunResult;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import dev.crossover.eventloop.EventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * Runs a workload on one {@link EventLoop}: each task's waits are loop timers, admission to the
 * {@code concurrency} places happens on the loop, and the CPU phase runs either on the loop thread
 * itself (model {@code eventloop}: it blocks the loop while it computes, as a blocking call blocks
 * asyncio) or on a pool of platform threads whose result comes back to the loop (model
 * {@code eventloop-offload}, asyncio's {@code run_in_executor}).
 *
 * <h2>Lifecycle</h2>
 * The loop thread (and the pool) start when the model is created and end in {@link #close()},
 * which returns once every one of those threads has ended (it joins them, see {@link OwnedThreads}).
 *
 * <h2>Threading</h2>
 * {@link #run} is called from any thread but the loop's, and blocks until the run is done; runs of
 * one model are serialised.
 *
 * <h2>Timer precision</h2>
 * Every wait is a loop timer, and the loop sleeps in {@link java.nio.channels.Selector#select(long)},
 * which takes whole milliseconds: a wait of {@code w} ms completes after {@code ceil(w)} ms or
 * slightly more, never earlier (see {@link EventLoop}'s Timer precision). For the usual waits of
 * tens of milliseconds this costs at most a millisecond each (2% of a 50 ms wait); for
 * sub-millisecond waits it dominates (a 0.1 ms wait takes about 1 ms), while the thread models'
 * sleeps are precise to tens of microseconds. Read a comparison on such short waits with that in
 * mind: part of the gap is the selector's resolution, which asyncio on epoll and Netty's NIO
 * transport share, not the cost of the loop itself.
 *
 * <h2>Failures</h2>
 * A task's failure is recorded as the task's outcome, whatever it threw. An {@link Error} thrown on
 * the loop thread is recorded, then ends the loop, as {@link EventLoop} says: {@link #run} then
 * throws {@link IllegalStateException} with it as the cause rather than waiting. Any other throw in
 * a loop callback during a run (a bug: the run's books can no longer be trusted) fails the run: {@link #run} throws
 * {@link IllegalStateException} with it as the cause instead of waiting for tasks that will never
 * finish. The model stays usable; the abandoned run starts no further task.
 */
public final class EventLoopModel implements ConcurrencyModel {
    /** The id of the model whose CPU work runs on the loop. */
    public static final String ID = "eventloop";
    /** The id of the model whose CPU work goes to a pool. */
    public static final String OFFLOAD_ID = "eventloop-offload";

    /** How long {@link #close()} waits for the offload pool's threads. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final String id;
    private final Lifecycle lifecycle;
    private final EventLoop loop;
    private final OwnedThreads offloadThreads;
    private final ExecutorService offload;
    private final ToLongFunction<TaskSpec> work;
    private final CurrentRun current;

    private EventLoopModel(String id, int offloadThreads, ToLongFunction<TaskSpec> work) {
        this.id = id;
        this.work = work;
        this.lifecycle = new Lifecycle(id);
        this.offloadThreads = new OwnedThreads(id);
        this.offload = offloadThreads == 0 ? null
                : Executors.newFixedThreadPool(offloadThreads, this.offloadThreads.factory(Thread.ofPlatform()
                        .name(OFFLOAD_ID + "-pool-", 1).daemon(true).factory()));
        this.current = new CurrentRun(id);
        this.loop = new EventLoop(id, current);
        loop.start();
    }

    /** {@return a model whose CPU work runs on the loop thread} */
    public static EventLoopModel onLoop() {
        return new EventLoopModel(ID, 0, TaskSpec::compute);
    }

    /** {@return a model whose CPU work runs on {@code threads} platform threads} */
    public static EventLoopModel withOffload(int threads) {
        dev.crossover.core.Checks.positive("offload-threads", threads);
        return new EventLoopModel(OFFLOAD_ID, threads, TaskSpec::compute);
    }

    /** {@return a model like {@link #onLoop()} whose tasks compute with {@code work}}, for failure tests */
    static EventLoopModel onLoop(ToLongFunction<TaskSpec> work) {
        return new EventLoopModel(ID, 0, Objects.requireNonNull(work, "work"));
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the model is closed, the caller is the loop thread, the
     *                               loop ended before the run did, or a loop callback other than a
     *                               task's failed during the run (the cause)
     */
    @Override
    public synchronized RunResult run(Workload workload) {
        RunGuard.checkRun(workload, lifecycle, loop.inLoop());
        RunRecorder recorder = new RunRecorder(workload);
        CompletableFuture<Void> done = new CompletableFuture<>();
        current.begin(done);
        try {
            loop.execute("start run", () -> new LoopRun(recorder, offload, work, done).admit());
            while (!done.isDone()) {
                try {
                    done.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (loop.state() == EventLoop.State.TERMINATED) {  // an Error ended the loop
                        throw new IllegalStateException("model " + id + ": the event loop ended during the run "
                                + "(expected: running until close)", endedWith());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model " + id + ": interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            current.end();
        }
        return recorder.finish(id);
    }

    /** {@return the Error the loop ended with, or null} (its termination future's copy wraps it) */
    private Throwable endedWith() {
        Throwable t = loop.terminationFuture().handle((v, failure) -> failure).getNow(null);
        return t instanceof CompletionException c && c.getCause() != null ? c.getCause() : t;
    }

    /** {@return the model's loop}, for tests that put a failing callback on it */
    EventLoop loop() {
        return loop;
    }

    /**
     * Closes the loop (joining its thread), then stops the offload pool and joins its threads.
     *
     * @throws IllegalStateException if a thread of the offload pool is still running 10 seconds after its shutdown
     */
    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        loop.close();
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

    /**
     * The loop's reporter: logs a callback's failure and, during a run, fails that run. The default
     * reporter only logged, and the run's {@code done} stayed incomplete: {@link #run} hung.
     */
    private static final class CurrentRun implements BiConsumer<String, Throwable> {
        private static final System.Logger LOG = System.getLogger(EventLoopModel.class.getName());
        private final String modelId;
        /** The run in progress, or null between runs; written by the caller of run, read on the loop. */
        private volatile CompletableFuture<Void> done;

        CurrentRun(String modelId) {
            this.modelId = modelId;
        }

        void begin(CompletableFuture<Void> run) {
            done = run;
        }

        void end() {
            done = null;
        }

        @Override
        public void accept(String callback, Throwable failure) {
            LOG.log(System.Logger.Level.WARNING, "model " + modelId + ": loop callback " + callback + " failed", failure);
            CompletableFuture<Void> run = done;
            if (run != null) {
                run.completeExceptionally(new IllegalStateException("model " + modelId + ": callback " + callback
                        + " failed during a run (expected: every failure caught by its task)", failure));
            }
        }
    }
}
