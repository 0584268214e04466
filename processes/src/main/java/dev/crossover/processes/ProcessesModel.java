package dev.crossover.processes;

import dev.crossover.core.Checks;
import dev.crossover.core.Completion;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Ledger;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.SharedState;
import dev.crossover.core.WorkloadKind;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import java.util.List;
import java.util.Objects;

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
 *     RunResult result = Driver.run(model, Workload.builder(WorkloadKind.CPU).tasks(400).concurrency(2).build());
 * }
 * }
 *
 * <h2>Tasks</h2>
 * {@link #submit} hands the task to the live worker holding the fewest tasks and queues its frame
 * for that worker's stdin writer; it never blocks. The concurrency limit is the driver's: a task
 * is in flight from submission until its reply, including while it waits in the writer's queue
 * or, on a serial worker, behind the worker's running task. What the driver hears:
 * <ul>
 *   <li>{@code began()} when the task's frame leaves for the worker's pipe, on the writer thread:
 *       the parent cannot see when the worker starts the task, so service time includes the pipe,
 *       and on a serial worker the wait behind the tasks queued before it;</li>
 *   <li>{@code waitEnded} once per wait that ended, when the reply arrives: the worker measures how
 *       late each wait ended against its deadline in its own clock and sends it in the reply, and
 *       the parent passes a deadline that much before its own now, so the driver records the
 *       worker's lateness, not the pipe's delay;</li>
 *   <li>the outcome on the worker's reader thread; for a worker that broke down, on its reader's or
 *       the watchdog's; for tasks left waiting for a worker that never came, on the thread that
 *       found out (a reader, or the caller of {@link #close()}). Never under a lock of the model,
 *       so the driver may submit from there.</li>
 * </ul>
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
 * failed with the cause ({@code "WorkerFailure: worker 0 (pid 4242): exited with status
 * 137 (signal 9)"}, {@code "... silent for 2013 ms holding 5000 tasks ..."}), and the model goes on
 * with the other workers, so completed + failed = submitted. The replacement starts in the
 * background and takes tasks once it has said hello (while no worker is live, tasks wait for it);
 * if it cannot start, the model goes on with fewer workers, and with none left {@link #submit}
 * throws, naming why. Tasks are not retried.
 * The task timeout holds whatever a pipe does: writes to a worker happen on a thread of its own,
 * so a worker that stops reading blocks nobody else, and the watchdog runs on its own thread.
 *
 * <h2>Threading</h2>
 * {@link #submit} and {@link #close()} may be called from any thread, {@link #submit} also from
 * inside a completion. {@link #close()} returns once every worker process has exited and every
 * thread the model started (per worker a reader, a stdin writer and a stderr drain; a watchdog)
 * has ended; the tasks still held then fail with their worker's exit as the cause.
 *
 * <h2>Shared state</h2>
 * The {@code shared} workload's accounts are the parent's ({@link ParentAccounts}): a worker
 * computes, and the parent applies the transfer when the reply comes back.
 */
public final class ProcessesModel implements ConcurrencyModel, SharedState {
    private final WorkerMode mode;
    private final Lifecycle lifecycle;
    private final WorkerPool pool;
    private final ParentAccounts shared = new ParentAccounts();

    ProcessesModel(WorkerMode mode, ModelOptions options, WorkerCommand command) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.lifecycle = new Lifecycle(mode.modelId());
        this.pool = new WorkerPool(WorkerIo.withIo(command, options.io()), mode, options.workers(), options.taskTimeout());
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

    @Override
    public String mechanism(dev.crossover.core.WorkloadKind kind) {
        boolean loop = mode == WorkerMode.EVENT_LOOP;
        return switch (kind) {
            case HTTP -> "in each worker JVM: " + (loop
                    ? "a non-blocking client on the worker loop's Selector" : dev.crossover.core.BlockingIo.HTTP_MECHANISM);
            case FILE -> "in each worker JVM: " + (loop
                    ? "offloaded to the worker loop's default executor" : dev.crossover.core.BlockingIo.FILE_MECHANISM);
            default -> "";
        };
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a task makes more than {@value Protocol#MAX_WAITS} waits
     */
    @Override
    public void accept(Workload workload) {
        Checks.argument(workload.waitsPerTask() <= Protocol.MAX_WAITS, "fanout", workload.fanout(),
                "<= " + Protocol.MAX_WAITS + " for model " + id() + ": each wait's lateness travels back in the task's reply");
        if (workload.kind() == WorkloadKind.SHARED) {
            shared.reset(workload.accounts());
        }
    }

    /** @throws IllegalStateException if no {@code shared} workload was accepted */
    @Override
    public Ledger ledger() {
        return shared.ledger();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the task makes more than {@value Protocol#MAX_WAITS} waits
     * @throws IllegalStateException    if the model is closed, or every worker failed and none
     *                                  could be started in its place (the message says why)
     */
    @Override
    public void submit(TaskSpec task, Completion done) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(done, "done");
        if (lifecycle.isClosed()) {
            throw new IllegalStateException("model " + id() + ": closed (expected: submit before close)");
        }
        Checks.argument(task.waits() <= Protocol.MAX_WAITS, "waits", task.waits(),
                "<= " + Protocol.MAX_WAITS + " for model " + id() + " (task " + task.index() + ")");
        pool.submit(task, task.transfers() ? shared.applyingTransfer(task, done) : done);
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
