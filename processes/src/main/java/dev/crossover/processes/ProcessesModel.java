package dev.crossover.processes;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks in a pool of {@link ModelOptions#workers()} forked worker JVMs, fed over their
 * stdin/stdout pipes in a compact binary framing: {@code processes} runs one task at a time per
 * worker ({@code multiprocessing.Pool}, pre-fork servers), {@code processes-eventloop} runs each
 * worker's tasks on an event loop, so one worker holds many waiting tasks (gunicorn with async workers).
 *
 * <h2>Usage</h2>
 * {@snippet :
 * try (ProcessesModel model = ProcessesModel.serial(ModelOptions.defaults().withWorkers(2))) {
 *     System.out.println("pool ready in " + model.startupNanos() / 1e6 + " ms");
 *     RunResult result = model.run(Workload.builder(WorkloadKind.CPU).tasks(400).concurrency(2).build());
 * }
 * }
 *
 * <h2>Workers</h2>
 * They run the parent's java launcher and class path, with small-heap flags, and start when the
 * model is created, so a benchmark measures runs, not JVM start-up; {@link #startupNanos()} tells
 * what start-up cost. A worker exits as soon as its stdin closes: when this model closes, and when
 * the parent dies, even by SIGKILL.
 *
 * <h2>Faults</h2>
 * A worker that dies, stays silent past {@link ModelOptions#taskTimeout()} (hung, or stopped by a
 * signal or a long pause) or sends a malformed frame is killed and replaced; each task it held is
 * counted failed with the cause ({@code "WorkerFailure: worker 0 (pid 4242): exited with status
 * 137 (signal 9)"}, {@code "... silent for 2013 ms holding 5000 tasks ..."}), and the run goes on
 * with the other workers, so completed + failed = submitted. The replacement starts in the
 * background and takes tasks once it has said hello, in this run or the next; if it cannot start,
 * the model goes on with fewer workers, and a run with none left throws. Tasks are not retried.
 * The task timeout holds whatever a pipe does: writes to a worker happen on a thread of its own,
 * so a worker that stops reading blocks nobody else, and the watchdog runs on its own thread.
 *
 * <h2>Threading</h2>
 * One run at a time; {@link #close()} may be called from any thread. {@link #close()} returns once
 * every worker process has exited and every thread the model started (per worker a reader, a
 * stdin writer and a stderr drain; a watchdog) has ended.
 */
public final class ProcessesModel implements ConcurrencyModel {
    private final WorkerMode mode;
    private final Lifecycle lifecycle;
    private final WorkerPool pool;
    private final AtomicBoolean running = new AtomicBoolean();

    ProcessesModel(WorkerMode mode, ModelOptions options, WorkerCommand command) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.lifecycle = new Lifecycle(mode.modelId());
        this.pool = new WorkerPool(command, mode, options.workers(), options.taskTimeout());
    }

    /**
     * {@return the {@code processes} model, its workers started and ready}
     * @throws IllegalStateException if a worker cannot start
     */
    public static ProcessesModel serial(ModelOptions options) {
        return new ProcessesModel(WorkerMode.SERIAL, options, WorkerCommand.current());
    }

    /**
     * {@return the {@code processes-eventloop} model, its workers started and ready}
     * @throws IllegalStateException if a worker cannot start
     */
    public static ProcessesModel eventLoop(ModelOptions options) {
        return new ProcessesModel(WorkerMode.EVENT_LOOP, options, WorkerCommand.current());
    }

    @Override
    public String id() {
        return mode.modelId();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the model is closed, another run is in progress, or every
     *                               worker failed and none could be started in its place
     */
    @Override
    public RunResult run(Workload workload) {
        Objects.requireNonNull(workload, "workload");
        lifecycle.checkOpen();
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("model " + id() + ": a run in progress (expected: one run at a time)");
        }
        try {
            return new Dispatch(pool, id()).run(workload);
        } finally {
            running.set(false);
        }
    }

    /** {@return the nanoseconds from starting the first worker until every worker had said hello} */
    public long startupNanos() {
        return pool.startupNanos();
    }

    /** {@return the pids of the live workers} */
    public List<Long> workerPids() {
        return pool.pids();
    }

    WorkerPool pool() {
        return pool;
    }

    /** Sends a test-only fault instruction to the worker in {@code slot}. */
    void inject(int slot, Protocol.Control control) {
        pool.inject(slot, control);
    }

    /**
     * Stops the workers (stdin closed, killed after a grace of {@value WorkerPool#EXIT_GRACE_MILLIS}
     * ms) and returns once they have exited and the model's threads have ended. Idempotent.
     *
     * @throws IllegalStateException if a worker or a thread of the model is still there 10 s after
     *                               the kill; the message names them
     */
    @Override
    public void close() {
        if (lifecycle.close()) {
            pool.close();
        }
    }
}
