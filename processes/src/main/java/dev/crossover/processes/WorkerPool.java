package dev.crossover.processes;

import dev.crossover.core.Completion;
import dev.crossover.core.OwnedThreads;
import dev.crossover.core.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * P worker JVMs, kept at P: it hands each task to the live worker holding the fewest, reads their
 * replies, fails the tasks of a worker that breaks down and starts a replacement in its place, and
 * stops them all on {@link #close()}.
 *
 * <h2>Tasks</h2>
 * {@link #submit} picks the worker under the lock (O(workers)), records the task as the worker's,
 * and queues its frame for the worker's stdin writer: it never blocks on a pipe, so the driver may
 * call it from a reader thread, inside a completion. A task is the worker's from then until its
 * reply, including while its frame waits in the writer's queue and in the worker's own queue (a
 * serial worker runs one at a time). While every worker is being replaced, tasks wait in the pool
 * and go to the first replacement that says hello. The driver's {@link Completion} is always
 * called after the lock is let go, because the driver may submit the next task from inside it.
 *
 * <h2>Faults</h2>
 * A worker that dies (killed, out of memory, {@code System.exit}), sends a malformed frame, or
 * cannot be written to is failed: every task it holds fails with a
 * {@link WorkerFailure} naming the cause (its exit status and its last words on stderr, for a
 * death), and its reader thread starts a replacement. No task is retried, and there is no option
 * to: whether a task may run twice is the caller's decision, and a benchmark must count what was
 * lost (Python's {@code ProcessPoolExecutor} goes further and fails every pending task with
 * {@code BrokenProcessPool}). A worker silent past the task timeout is failed the same way by the
 * {@link Watchdog}, which kills it. If a replacement cannot start, the pool goes on with fewer
 * workers; with none left and none coming, the tasks waiting in the pool fail and {@link #submit}
 * throws, naming why the last replacement failed.
 *
 * <h2>Lifecycle</h2>
 * {@code STARTING -> OPEN -> CLOSED}. The constructor returns once every worker has said hello
 * (the time this takes is {@link #startupNanos()}), or throws, leaving nothing running.
 * {@link #close()} closes every worker's stdin (the request to exit), waits up to
 * {@value #EXIT_GRACE_MILLIS} ms, kills what is left, and returns once every worker process has
 * exited and every thread of the pool has ended.
 *
 * <h2>Threading</h2>
 * Per worker, a reader thread, a stdin writer thread and a thread draining its stderr; one
 * watchdog thread. Each is recorded in {@link OwnedThreads} as it is made, so {@link #close()}
 * can join them all. Every field marked "guarded" and every {@link Worker} field so marked is
 * guarded by {@link #lock}; {@link #closing} is signalled when the pool closes. Nobody holds the
 * lock across a blocking call or a call into the driver: pipe writes happen on the writers'
 * threads, completions after the lock is let go.
 */
final class WorkerPool implements AutoCloseable {
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final long EXIT_GRACE_MILLIS = 2_000;
    /** How long close() waits for a killed worker to be gone, and then for the pool's threads to end. */
    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(10);

    final WorkerMode mode;
    final Duration taskTimeout;
    final ReentrantLock lock = new ReentrantLock();
    final Condition closing = lock.newCondition();
    private final WorkerCommand command;
    private final OwnedThreads threads;
    private final long startupNanos;

    // Guarded by lock.
    final List<Worker> live = new ArrayList<>();
    /** Every worker whose process has not been seen to exit: close() waits for each. */
    private final Set<Worker> processes = new HashSet<>();
    /** Tasks submitted while every worker was being replaced: the first replacement takes them. */
    private final List<Worker.InFlight> waiting = new ArrayList<>();
    private int nextTag;
    /**
     * Workers failed whose reader has not yet ended: each may still be replaced, so a pool whose
     * last worker the watchdog just failed is not taken for one with none coming.
     */
    private int ending;
    private int replacing;
    private RuntimeException replacementFailure;
    private boolean closed;

    /**
     * Starts {@code size} workers and waits until each has said hello.
     *
     * @throws IllegalStateException if a worker cannot start, naming the worker, the cause and the command
     */
    WorkerPool(WorkerCommand command, WorkerMode mode, int size, Duration taskTimeout) {
        this.command = command;
        this.mode = mode;
        this.taskTimeout = taskTimeout;
        this.threads = new OwnedThreads(mode.modelId());
        long begin = System.nanoTime();
        List<Worker> workers = new ArrayList<>();
        try {
            for (int slot = 0; slot < size; slot++) {
                workers.add(launch(slot));  // all at once: JVMs start in parallel
            }
            for (Worker worker : workers) {
                awaitReady(worker, begin + START_TIMEOUT_NANOS);
            }
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException left) {
                e.addSuppressed(left);
            }
            throw e;
        }
        lock.lock();
        try {
            workers.stream().filter(w -> w.alive).forEach(live::add);
        } finally {
            lock.unlock();
        }
        this.startupNanos = System.nanoTime() - begin;
        threads.factory(Thread.ofPlatform().daemon().name("processes-watchdog").factory())
                .newThread(new Watchdog(this)).start();
    }

    /** {@return how long it took from starting the first worker until every worker had said hello} */
    long startupNanos() {
        return startupNanos;
    }

    /** {@return the pids of the live workers} */
    List<Long> pids() {
        lock.lock();
        try {
            return live.stream().map(w -> w.process.pid()).toList();
        } finally {
            lock.unlock();
        }
    }

    /** {@return how many tasks the live worker in {@code slot} holds; -1 if no live worker has that slot} */
    int heldBy(int slot) {
        lock.lock();
        try {
            return live.stream().filter(w -> w.slot == slot).mapToInt(w -> w.inFlight.size()).findFirst().orElse(-1);
        } finally {
            lock.unlock();
        }
    }

    /** Sends a test-only fault instruction to the live worker in {@code slot}. */
    void inject(int slot, Protocol.Control control) {
        Worker worker;
        lock.lock();
        try {
            worker = live.stream().filter(w -> w.slot == slot).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("slot: " + slot + " (expected: the slot of a live worker)"));
        } finally {
            lock.unlock();
        }
        worker.control(control);
    }

    /** {@return whether the pool is closed}; must hold the lock */
    boolean isClosed() {
        return closed;
    }

    /**
     * Hands a task to the live worker holding the fewest tasks and queues its frame for that
     * worker's stdin writer; returns without waiting for either. While every worker is being
     * replaced, the task waits for the first replacement.
     *
     * @throws IllegalStateException if the pool is closed, or no worker is left and none is coming
     */
    void submit(TaskSpec spec, Completion done) {
        Worker worker;
        Worker.InFlight task;
        lock.lock();
        try {
            RuntimeException unusable = unusable();
            if (unusable != null) {
                throw unusable;
            }
            // Tags wrap after 2^32 tasks: a task would have to be held that long for two to share one.
            task = new Worker.InFlight(nextTag++, spec, new Ordered(done));
            worker = leastLoaded();
            if (worker == null) {
                waiting.add(task);  // no worker is live and one is coming, else unusable() threw
                return;
            }
            hold(worker, task);
        } finally {
            lock.unlock();
        }
        worker.send(task);  // queued, not written: never blocks; if the worker failed meanwhile, dropped (it failed the task)
    }

    /** {@return the live worker holding the fewest tasks, or null if none is live}; must hold the lock */
    private Worker leastLoaded() {
        Worker best = null;
        for (Worker worker : live) {
            if (best == null || worker.inFlight.size() < best.inFlight.size()) {
                best = worker;
            }
        }
        return best;
    }

    /** Makes {@code task} the worker's; must hold the lock. */
    private static void hold(Worker worker, Worker.InFlight task) {
        if (worker.inFlight.isEmpty()) {
            worker.lastProgressNanos = System.nanoTime();  // its silence starts counting now
        }
        worker.inFlight.put(task.tag(), task);
    }

    /**
     * {@return why no task can be handed out: the pool is closed, or no worker is left and none is
     * coming; null if one can}. Must hold the lock.
     */
    private RuntimeException unusable() {
        String modelId = mode.modelId();
        if (closed) {
            return new IllegalStateException("model " + modelId + ": closed (expected: submit before close)");
        }
        if (live.isEmpty() && replacing == 0 && ending == 0) {
            return new IllegalStateException("model " + modelId + ": no worker left (expected: a worker to replace a failed one): "
                    + (replacementFailure == null ? "none started" : replacementFailure.getMessage()), replacementFailure);
        }
        return null;
    }

    /**
     * {@return the tasks waiting in the pool, taken out, if no worker will ever take them (the
     * pool closed, or no worker is left and none is coming), with the reason; else none}. Must hold the lock.
     */
    private Lost stranded() {
        RuntimeException unusable = waiting.isEmpty() ? null : unusable();
        if (unusable == null) {
            return Lost.NONE;
        }
        Lost lost = new Lost(List.copyOf(waiting), unusable);
        waiting.clear();
        return lost;
    }

    /**
     * Fails a worker: takes its tasks, takes it out of the pool, ends its stdin writer and kills it
     * (its reader then starts a replacement). Idempotent; must hold the lock.
     *
     * @return the tasks it held, for the caller to {@linkplain Lost#fail() fail} once it has let go of the lock
     */
    Lost fail(Worker worker, RuntimeException cause) {
        if (!worker.alive) {
            return Lost.NONE;
        }
        worker.alive = false;
        live.remove(worker);
        ending++;  // until its reader ends: see ended()
        Lost lost = new Lost(List.copyOf(worker.inFlight.values()), cause);
        worker.inFlight.clear();
        worker.stdin.close();
        worker.process.destroyForcibly();
        return lost;
    }

    /** Tasks that failed all at once, for one cause: fail them, with no lock held. */
    record Lost(List<Worker.InFlight> tasks, Throwable cause) {
        static final Lost NONE = new Lost(List.of(), null);

        /** Tells the driver each task failed; call it with no lock held. */
        void fail() {
            for (Worker.InFlight task : tasks) {
                task.failed(cause);
            }
        }
    }

    private Worker launch(int slot) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("worker " + slot + ": pool closed (expected: open)");
            }
            // Spawning under the lock is quick (posix_spawn), and lets close() see every process.
            Worker worker = Worker.start(slot, command, mode, threads);
            processes.add(worker);
            threads.factory(Worker.daemon(slot, "reader")).newThread(new ReplyReader(this, worker)).start();
            return worker;
        } finally {
            lock.unlock();
        }
    }

    private void awaitReady(Worker worker, long deadline) {
        String expected = " (expected: a hello from a worker started by " + worker.commandLine() + ")";
        try {
            worker.ready.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            worker.process.destroyForcibly();
            throw new IllegalStateException(worker + ": no hello within "
                    + TimeUnit.NANOSECONDS.toSeconds(START_TIMEOUT_NANOS) + " s" + expected, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage() + expected, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.process.destroyForcibly();
            throw new IllegalStateException(worker + ": interrupted while waiting for its hello" + expected, e);
        }
    }

    /** A worker's reader is done: fail it, and start a replacement if it had been ready and the pool is open. */
    void ended(Worker worker, WorkerFailure cause) {
        boolean replace;
        Lost lost;
        Lost stranded;
        lock.lock();
        try {
            lost = fail(worker, cause);
            ending--;  // fail() counted it, now or when the watchdog failed it: one reader, one end
            if (!worker.process.isAlive()) {
                processes.remove(worker);  // else close() waits for it
            }
            replace = !closed && !worker.ready.isCompletedExceptionally();
            if (replace) {
                replacing++;
            }
            stranded = stranded();
        } finally {
            lock.unlock();
        }
        lost.fail();
        stranded.fail();
        if (replace) {
            replace(worker.slot);
        }
    }

    private void replace(int slot) {
        Worker fresh = null;
        RuntimeException failure = null;
        try {
            fresh = launch(slot);
            awaitReady(fresh, System.nanoTime() + START_TIMEOUT_NANOS);
        } catch (RuntimeException e) {
            failure = e;
            if (fresh != null) {
                fresh.process.destroyForcibly();
            }
        }
        List<Worker.InFlight> taken = List.of();
        Lost stranded;
        lock.lock();
        try {
            replacing--;
            if (failure != null) {
                replacementFailure = failure;
            } else if (closed || !fresh.alive) {
                fresh.process.destroyForcibly();
            } else {
                live.add(fresh);
                taken = List.copyOf(waiting);  // tasks wait only while no worker is live: this is the first
                waiting.clear();
                for (Worker.InFlight task : taken) {
                    hold(fresh, task);
                }
            }
            stranded = stranded();
        } finally {
            lock.unlock();
        }
        for (Worker.InFlight task : taken) {
            fresh.send(task);
        }
        stranded.fail();
    }

    /**
     * Asks every worker to exit, waits up to {@value #EXIT_GRACE_MILLIS} ms, kills the rest, and
     * returns once every worker process has exited and every thread of the pool has ended.
     *
     * @throws IllegalStateException if a worker process or a thread of the pool is still there
     *                               {@link #GONE_TIMEOUT} after that; the message names them
     */
    @Override
    public void close() {
        List<Worker> workers;
        Lost stranded;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;  // from now on no worker is launched: launch() checks it under this lock
            workers = List.copyOf(processes);
            stranded = stranded();
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        stranded.fail();  // the tasks workers hold fail as the workers exit, with the exit as the cause
        for (Worker worker : workers) {
            worker.stdin.close();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_GRACE_MILLIS);
        for (Worker worker : workers) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (worker.awaitExit(Math.max(1, left)) < 0) {
                worker.process.destroyForcibly();  // deaf, hung or stopped (SIGKILL ends a stopped process too)
            }
        }
        List<Worker> running = new ArrayList<>();
        for (Worker worker : workers) {
            if (worker.awaitExit(GONE_TIMEOUT.toMillis()) < 0) {
                running.add(worker);
            }
        }
        try {
            threads.join(GONE_TIMEOUT);  // readers end at their worker's exit, writers and stderr tails too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model " + mode.modelId() + ": interrupted while closing"
                    + " (expected: close to wait until the pool's threads have ended)", e);
        }
        if (!running.isEmpty()) {
            throw new IllegalStateException("model " + mode.modelId() + ": " + running + " still running "
                    + GONE_TIMEOUT + " after being killed (expected: every worker gone after close)");
        }
    }
}
