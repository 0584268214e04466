package dev.crossover.eventloop;

import dev.crossover.core.OwnedThreads;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * One thread, one {@link java.nio.channels.Selector}: a ready queue of callbacks, timers, and socket readiness, like
 * asyncio's event loop or libuv's.
 *
 * <p>Each turn of the loop selects (blocking until the earliest timer's deadline, a ready channel,
 * or a wake-up from another thread), runs the handlers of the ready channels, fires the expired
 * timers, then runs the callbacks that were ready when the turn began. Callbacks queued during a
 * turn run in the next one, so a callback that re-queues itself cannot starve timers or I/O.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * try (EventLoop loop = EventLoop.start("demo")) {
 *     CountDownLatch ticked = new CountDownLatch(1);
 *     loop.execute(() -> loop.schedule(Duration.ofMillis(10), ticked::countDown));  // from any thread
 *     ticked.await();
 * }   // close(): shut down, run what was already queued, wait for the thread to end
 * }
 * Most code uses the asyncio-style layer on top instead: {@link Async}, {@link Task}.
 *
 * <h2>Threading</h2>
 * {@link #execute}, {@link #shutdown()}, {@link #close()}, {@link #state()} and {@link #inLoop()}
 * may be called from any thread. Every other method must be called on the loop thread (from a
 * callback) and throws {@link IllegalStateException} elsewhere. Callbacks always run on the loop
 * thread, one at a time, so loop-confined state needs no lock.
 *
 * <h2>Failures</h2>
 * A callback that throws is reported with its name to the loop's reporter and the loop goes on;
 * an {@link Error} is rethrown and ends the loop (its {@link #terminationFuture()} fails with it).
 * If the loop thread is interrupted, it keeps the interrupt flag and shuts down.
 *
 * <h2>Timer precision</h2>
 * {@link java.nio.channels.Selector#select(long)} takes whole milliseconds, so the loop rounds the
 * time to its next deadline <em>up</em> to a whole millisecond (never down, never to 0, which would
 * block forever), and fires a timer only once {@link System#nanoTime()} has passed its deadline. A
 * timer therefore never fires early, but fires up to about 1 ms late: a wait of {@code w} ms
 * armed just before the loop selects completes after {@code ceil(w)} ms or slightly more (plus the
 * time the OS takes to wake the thread, and whatever the loop is busy with). What that costs:
 * nothing that matters for waits of tens of milliseconds (a 50 ms wait takes 50 to 51 ms), but a
 * 0.1 ms wait takes about 1 ms, ten times its length, where {@link Thread#sleep(Duration)} on a
 * platform or virtual thread is precise to tens of microseconds. The loop does not spin or
 * busy-wait to hide this, because real loops on java.nio live with it too: asyncio's epoll
 * selector rounds its timeout up to 1 ms the same way, and Netty's NIO transport also selects in
 * whole milliseconds.
 *
 * <h2>Memory consistency</h2>
 * Actions of a thread before {@link #execute} happen-before the callback runs on the loop.
 */
public final class EventLoop implements Executor, AutoCloseable {
    /** The loop's states, in order: {@code NEW -> RUNNING -> SHUTTING_DOWN -> TERMINATED}. */
    public enum State { NEW, RUNNING, SHUTTING_DOWN, TERMINATED }

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** How long {@link #close()} waits for the default executor's threads to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Poller poller;
    private final LoopThread thread;
    private final BiConsumer<String, Throwable> reporter;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final CompletableFuture<Void> termination = new CompletableFuture<>();
    /**
     * Callbacks handed in by other threads; drained into {@link #ready} by the loop once per turn,
     * and before a loop-thread {@link #callSoon}, which keeps the two one FIFO.
     */
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();

    // Loop-confined state.
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    final TimerQueue timers = new TimerQueue();
    private long timerSequence;
    private long callbackFailures;
    /** Spawned tasks not yet done, kept only for {@link Async#run} (asyncio's {@code all_tasks}); else null. */
    private java.util.Set<Task<?>> tasks;
    private volatile ExecutorService defaultExecutor;
    /** The threads of {@link #defaultExecutor}, joined by {@link #close()}. */
    private final OwnedThreads defaultExecutorThreads;

    /** Creates a loop in state NEW, with the default reporter (a warning through {@link System.Logger}). */
    public EventLoop(String name) {
        this(name, (task, failure) -> LOG.log(System.Logger.Level.WARNING, "event loop callback " + task + " failed", failure));
    }

    /**
     * Creates a loop in state NEW.
     *
     * @param name     the loop thread's name prefix
     * @param reporter receives the name and failure of every callback that throws
     * @throws UncheckedIOException if the selector cannot be opened
     */
    public EventLoop(String name, BiConsumer<String, Throwable> reporter) {
        Objects.requireNonNull(name, "name");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.thread = new LoopThread(this, name + "-" + SEQUENCE.incrementAndGet());
        this.poller = new Poller(thread.getName());
        this.defaultExecutorThreads = new OwnedThreads(thread.getName());
    }

    /** {@return a new loop, already RUNNING on its own thread} */
    public static EventLoop start(String name) {
        EventLoop loop = new EventLoop(name);
        loop.start();
        return loop;
    }

    /**
     * {@return the loop whose thread is calling}, like {@code asyncio.get_running_loop()}
     * @throws IllegalStateException if the caller is not a loop thread
     */
    public static EventLoop current() {
        if (Thread.currentThread() instanceof LoopThread t) {
            return t.loop;
        }
        throw new IllegalStateException("thread: " + Thread.currentThread().getName()
                + " (expected: an event loop thread; no loop is running here)");
    }

    /**
     * Starts the loop thread: {@code NEW -> RUNNING}.
     *
     * @throws IllegalStateException if the loop was started before
     */
    public void start() {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            throw new IllegalStateException("event loop " + thread.getName() + ": " + state.get() + " (expected: NEW)");
        }
        thread.start();
    }

    /** {@return the loop's state} */
    public State state() {
        return state.get();
    }

    /** {@return whether the calling thread is this loop's thread} */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** {@return the loop thread's name} */
    public String name() {
        return thread.getName();
    }

    /**
     * Queues {@code task} to run on the loop; asyncio's {@code call_soon_threadsafe}.
     *
     * @throws RejectedExecutionException if the loop is shutting down or terminated
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (inLoop()) {
            callSoon(task);
            return;
        }
        State s = state.get();
        if (s == State.SHUTTING_DOWN || s == State.TERMINATED) {
            throw rejected(s);
        }
        inbox.offer(task);
        poller.wakeupIfSelecting();  // after the offer: see Poller.wakeupIfSelecting for the race
        // A shutdown that raced with the offer: the loop may have finished its last drain.
        if (state.get() == State.TERMINATED && inbox.remove(task)) {
            throw rejected(State.TERMINATED);
        }
    }

    /** The same as {@link #execute(Runnable)}, under asyncio's name. */
    public void callSoonThreadsafe(Runnable task) {
        execute(task);
    }

    /** Queues {@code task} under {@code name} (used when it fails); otherwise as {@link #execute(Runnable)}. */
    public void execute(String name, Runnable task) {
        execute(new Named(name, task));
    }

    /**
     * Queues {@code task} to run in the loop's next turn; asyncio's {@code call_soon}.
     *
     * @throws IllegalStateException      if called from another thread than the loop's
     * @throws RejectedExecutionException if the loop has terminated
     */
    public void callSoon(Runnable task) {
        checkInLoop("callSoon");
        if (state.get() == State.TERMINATED) {
            throw rejected(State.TERMINATED);
        }
        Objects.requireNonNull(task, "task");
        // One FIFO, as asyncio's: a callSoonThreadsafe that returned before this call is ahead of it.
        // Its task may still wait in the inbox (drained once per turn), so it moves to the ready queue
        // first. The inbox is linearizable, so an offer that returned is seen here; an empty inbox
        // costs one volatile read, and the hot path allocates nothing and takes no atomic.
        if (!inbox.isEmpty()) {
            drainInbox();
        }
        ready.add(task);
    }

    /** Queues {@code task} under {@code name}; otherwise as {@link #callSoon(Runnable)}. */
    public void callSoon(String name, Runnable task) {
        callSoon(new Named(name, task));
    }

    /**
     * Arms a timer that runs {@code action} on the loop after {@code delay}; asyncio's {@code call_later}.
     * It fires no earlier than {@code delay}, and usually within a millisecond after (see Timer precision).
     *
     * @return the timer, which {@link Timer#cancel() cancels}
     * @throws IllegalStateException      if called from another thread than the loop's
     * @throws RejectedExecutionException if the loop is shutting down or terminated
     */
    public Timer schedule(Duration delay, Runnable action) {
        return schedule(delay.toNanos(), "timer", action);
    }

    /** Arms a timer {@code delayNanos} from now (0 or less: the next turn); as {@link #schedule(Duration, Runnable)}. */
    public Timer schedule(long delayNanos, String name, Runnable action) {
        checkInLoop("schedule");
        checkAccepting();
        Timer timer = new Timer(this, System.nanoTime() + Math.max(0, delayNanos), timerSequence++, name,
                Objects.requireNonNull(action, "action"));
        timers.add(timer);
        return timer;
    }

    /**
     * Registers {@code channel} (non-blocking) with the loop's selector; {@code handler} runs on the loop
     * whenever it is ready for one of {@code ops}. Cancel the returned key to stop; the selector forgets
     * a cancelled key at the next turn.
     *
     * @throws IllegalStateException      if called from another thread than the loop's
     * @throws RejectedExecutionException if the loop is shutting down or terminated
     * @throws UncheckedIOException       if the channel is closed
     */
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) {
        checkInLoop("register");
        checkAccepting();
        Objects.requireNonNull(handler, "handler");
        return poller.register(channel, ops, handler);
    }

    /** {@return the channel's key with this loop's selector, or null} @throws IllegalStateException off the loop thread */
    SelectionKey keyFor(SelectableChannel channel) {
        checkInLoop("keyFor");
        return poller.keyFor(channel);
    }

    /**
     * {@return the pool that {@link Async#toThread} uses}: created on first use with
     * {@code min(32, cores + 4)} daemon threads (asyncio's default), shut down with the loop, its
     * threads joined by {@link #close()} (asyncio's {@code shutdown_default_executor})
     * @throws IllegalStateException off the loop thread
     */
    public ExecutorService defaultExecutor() {
        checkInLoop("defaultExecutor");
        if (defaultExecutor == null) {
            int threads = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), defaultExecutorThreads.factory(r -> {
                        Thread t = new Thread(r, name() + "-to-thread-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }));
            pool.allowCoreThreadTimeOut(true);
            defaultExecutor = pool;
        }
        return defaultExecutor;
    }

    /** Keeps every spawned task until it is done, for {@link #pendingTasks()}; before {@link #start()}. */
    void trackTasks() {
        tasks = new java.util.LinkedHashSet<>();
    }

    /** Records {@code task} if this loop keeps its tasks; a loop that does not pays nothing. */
    void track(Task<?> task) {
        if (tasks != null) {
            tasks.add(task);
            task.whenDone(tasks::remove);
        }
    }

    /** {@return the spawned tasks not yet done, oldest first} (empty unless the loop keeps them) */
    java.util.List<Task<?>> pendingTasks() {
        checkInLoop("pendingTasks");
        return tasks == null ? java.util.List.of() : java.util.List.copyOf(tasks);
    }

    /** Reports {@code failure} as a callback failure under {@code name}. */
    void reportFailure(String name, Throwable failure) {
        report(name, failure);
    }

    /** {@return how many timers are armed} @throws IllegalStateException off the loop thread */
    public int pendingTimers() {
        checkInLoop("pendingTimers");
        return timers.size();
    }

    /** {@return how many keys the selector holds (cancelled ones go at the next turn)} @throws IllegalStateException off the loop thread */
    public int registeredKeys() {
        checkInLoop("registeredKeys");
        return poller.keys();
    }

    /** {@return how many callbacks have thrown so far} @throws IllegalStateException off the loop thread */
    public long callbackFailures() {
        checkInLoop("callbackFailures");
        return callbackFailures;
    }

    /** {@return a future completed when the loop has terminated; failed if an {@link Error} ended it} */
    public CompletableFuture<Void> terminationFuture() {
        return termination.copy();
    }

    /**
     * Begins shutdown: {@code RUNNING -> SHUTTING_DOWN}. New work is rejected from now on; callbacks
     * already queued still run; then pending timers and channel registrations are dropped and the
     * loop terminates. Idempotent; may be called from any thread, including the loop's.
     */
    public void shutdown() {
        if (state.compareAndSet(State.NEW, State.TERMINATED)) {
            poller.close();
            termination.complete(null);
            return;
        }
        if (state.compareAndSet(State.RUNNING, State.SHUTTING_DOWN)) {
            poller.wakeup();
        }
    }

    /** {@return whether the loop terminated within {@code timeout}} Waits; must not be called on the loop thread. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        checkNotInLoop("awaitTermination");
        try {
            termination.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;  // ended by an Error; terminated all the same
        }
        return true;
    }

    /**
     * Shuts down and, off the loop thread, waits for the loop thread to end, then for the threads of
     * the {@link #defaultExecutor()} (if it was used), at most 10 seconds: once this returns, no
     * thread of the loop is running. On the loop thread it only shuts down: the loop ends once the
     * current callback returns.
     *
     * @throws IllegalStateException if a thread of the default executor is still running (a
     *                               {@link Async#toThread} call that has not returned) 10 seconds on
     */
    @Override
    public void close() {
        shutdown();
        if (inLoop()) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // The loop thread shut the pool down as it ended; its idle threads are interrupted and exit.
        // awaitTermination would return once the pool says TERMINATED, which its last worker sets
        // before its thread has exited: join the threads themselves.
        if (defaultExecutor != null) {
            try {
                defaultExecutorThreads.join(CLOSE_WAIT);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** @throws IllegalStateException unless called on the loop thread */
    void checkInLoop(String method) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(method + ": called on " + Thread.currentThread().getName()
                    + " (expected: the event loop thread " + thread.getName() + ")");
        }
    }

    /** @throws IllegalStateException if called on the loop thread, where waiting would deadlock */
    void checkNotInLoop(String method) {
        if (inLoop()) {
            throw new IllegalStateException(method + ": called on the event loop thread " + thread.getName()
                    + " (expected: another thread; blocking the loop on itself would deadlock)");
        }
    }

    private void checkAccepting() {
        State s = state.get();
        if (s != State.RUNNING) {
            throw rejected(s);
        }
    }

    private RejectedExecutionException rejected(State s) {
        return new RejectedExecutionException("event loop " + thread.getName() + ": " + s + " (expected: RUNNING)");
    }

    private void run() {
        Throwable fatal = null;
        try {
            while (state.get() == State.RUNNING) {
                turn();
                if (Thread.currentThread().isInterrupted()) {
                    shutdown();  // keep the flag: whoever interrupted us wants the thread to end
                }
            }
            drainForShutdown();
        } catch (Throwable t) {
            fatal = t;
            throw t;
        } finally {
            state.set(State.TERMINATED);
            if (fatal == null) {
                // An execute() that passed its RUNNING check just before shutdown may have offered
                // after the last drain; it takes its task back (and rejects) or we run it here, never
                // both: ConcurrentLinkedQueue's poll and remove each take an element at most once.
                try {
                    for (Runnable task = inbox.poll(); task != null; task = inbox.poll()) {
                        runCallback(null, task);
                    }
                } catch (Error e) {
                    fatal = e;  // completes the termination future below, then ends the thread
                }
            }
            timers.clear();
            ready.clear();
            poller.close();
            if (defaultExecutor != null) {
                defaultExecutor.shutdown();
            }
            if (fatal == null) {
                termination.complete(null);
            } else {
                termination.completeExceptionally(fatal);
            }
        }
    }

    /** One turn: select until the next deadline, then I/O handlers, expired timers, ready callbacks. */
    private void turn() {
        select();
        poller.dispatch(this::report);
        long now = System.nanoTime();
        for (Timer t = timers.peek(); t != null && t.deadline - now <= 0; t = timers.peek()) {
            timers.poll();
            runCallback(t.name, t.action);
        }
        drainInbox();
        for (int n = ready.size(); n > 0; n--) {
            Runnable task = ready.poll();
            runCallback(null, task);
        }
    }

    private void select() {
        drainInbox();
        long timeout;
        Timer next = timers.peek();
        if (!ready.isEmpty()) {
            timeout = 0;
        } else if (next == null) {
            timeout = -1;
        } else {
            timeout = Math.max(0, next.deadline - System.nanoTime());
        }
        poller.select(timeout, () -> !inbox.isEmpty() || state.get() != State.RUNNING);
    }

    private void drainInbox() {
        for (Runnable task = inbox.poll(); task != null; task = inbox.poll()) {
            ready.add(task);
        }
    }

    /** Runs what was queued before shutdown began (and what that queues), then stops. */
    private void drainForShutdown() {
        drainInbox();
        while (!ready.isEmpty()) {
            runCallback(null, ready.poll());
            drainInbox();
        }
    }

    /** Runs {@code task}: a throw is reported under {@code name} (or the task's own), an {@link Error} rethrown. */
    void runCallback(String name, Runnable task) {
        try {
            task.run();
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            report(name != null ? name : String.valueOf(task), t);
        }
    }

    private void report(String name, Throwable t) {
        callbackFailures++;
        try {
            reporter.accept(name, t);
        } catch (RuntimeException e) {
            t.addSuppressed(e);
            LOG.log(System.Logger.Level.WARNING, "event loop reporter failed on " + name, t);
        }
    }

    /** A callback with a name to report it by. */
    private record Named(String name, Runnable task) implements Runnable {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The loop's thread; {@link #current()} recognises it. */
    private static final class LoopThread extends Thread {
        final EventLoop loop;

        LoopThread(EventLoop loop, String name) {
            super(name);
            this.loop = loop;
            setDaemon(true);
        }

        @Override
        public void run() {
            loop.run();
        }
    }
}
