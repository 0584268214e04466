package dev.crossover.eventloop;

import java.util.IdentityHashMap;
import java.util.Objects;

/**
 * A queue between tasks on one loop: asyncio's {@code Queue(maxsize)}, FIFO; {@link #lifo} and
 * {@link #priority} give {@code LifoQueue} and {@code PriorityQueue}. {@link #put} waits while the
 * queue is full, {@link #get} while it is empty; waiters are served in arrival order. A queue made
 * with {@link #AsyncQueue()} is unbounded ({@code maxsize=0}).
 *
 * <h2>Usage</h2>
 * {@snippet :
 * AsyncQueue<String> queue = new AsyncQueue<>(100);
 * Task<Void> produced = queue.put("job");            // await queue.put("job")
 * Task<String> next = queue.get();                   // job = await queue.get()
 * queue.taskDone();                                  // queue.task_done()
 * Task<Void> allDone = queue.join();                 // await queue.join()
 * queue.shutdown(false);                             // queue.shutdown()
 * }
 *
 * <h2>Unfinished work and shutdown</h2>
 * Every element put in counts as unfinished until a {@link #taskDone()} for it; {@link #join()}
 * ends once none is. {@link #shutdown(boolean)} makes every later put fail with
 * {@link QueueShutDownException}, and gets too once the queue is empty; the puts waiting then
 * fail (their elements stay out) and so do the gets waiting (the queue is empty while gets wait).
 * An immediate shutdown also drops the elements in the queue, each counted as done.
 *
 * <h2>No element is lost to a cancelled get</h2>
 * An element for a get is handed to it first and delivered in a loop callback of the queue's, which
 * completes the get and runs its done callbacks at once (see {@link Handoff}): a get cancelled in
 * between, directly or through a stage, a follower or a task group that awaits it, takes nothing,
 * and its element goes to the next get in line, or back to the head of the queue (asyncio's
 * {@code Queue.get} does the same on cancellation). So {@link #get} never ends inside the call: its
 * task is pending until that delivery, in the next turn, when its callbacks would run anyway. An
 * element handed and not yet delivered still counts in {@link #size()} and against the capacity,
 * as in asyncio.
 *
 * <h2>No item is put by a cancelled put</h2>
 * A put that waits on a full queue is handed a place when one comes free, and its item goes in
 * only when that place is delivered, in the same step as the put ends: a put cancelled in between
 * (directly or through a stage that awaits it) puts nothing, and its place goes to the next put
 * in line, so a retry never puts an item twice (asyncio's {@code put} resumes from its wait and
 * only then calls {@code put_nowait}). A place handed to a put and not yet delivered is taken:
 * {@link #offer} cannot have it.
 *
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 *
 * @param <T> the type of the elements, which must not be null
 */
public final class AsyncQueue<T> {
    private final EventLoop loop;
    private final int capacity;
    /** Elements not handed to any get, in the order they leave. */
    private final QueueOrder<T> items;
    private final Handoff<T> getters;
    /** Waiting puts in arrival order, each handed a free place first and its item put in on delivery. */
    private final Handoff<Void> places;
    /** The item of each waiting put, by identity (never the element's equals). */
    private final IdentityHashMap<Task<Void>, T> putItems = new IdentityHashMap<>();
    /** Elements put in without a {@link #taskDone()} yet: asyncio's {@code _unfinished_tasks}. */
    private int unfinished;
    private final AsyncEvent finished;
    private boolean shutDown;

    /**
     * Creates a FIFO queue that holds at most {@code capacity} elements.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     * @throws IllegalStateException    off a loop thread
     */
    public AsyncQueue(int capacity) {
        this(dev.crossover.core.Checks.positive("capacity", capacity), new QueueOrder.Fifo<>());
    }

    /** Creates an unbounded FIFO queue: {@code asyncio.Queue()}. @throws IllegalStateException off a loop thread */
    public AsyncQueue() {
        this(Integer.MAX_VALUE, new QueueOrder.Fifo<>());
    }

    /**
     * {@return a queue whose get takes the newest element}: {@code asyncio.LifoQueue(maxsize)};
     * {@code capacity} 0 means unbounded, as {@code maxsize=0}
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public static <T> AsyncQueue<T> lifo(int capacity) {
        return new AsyncQueue<>(bound(capacity), new QueueOrder.Lifo<>());
    }

    /**
     * {@return a queue whose get takes the lowest element by {@code order}}: {@code asyncio.PriorityQueue(maxsize)}
     * (put tuples {@code (priority, item)} there, a record with a comparator here); {@code capacity} 0 means unbounded
     * {@snippet :
     * // q = asyncio.PriorityQueue(); q.put_nowait((2, "b")); q.put_nowait((1, "a"))
     * record Job(int priority, String name) {}
     * AsyncQueue<Job> q = AsyncQueue.priority(0, Comparator.comparingInt(Job::priority));
     * }
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public static <T> AsyncQueue<T> priority(int capacity, java.util.Comparator<? super T> order) {
        return new AsyncQueue<>(bound(capacity), new QueueOrder.Priority<>(order));
    }

    private static int bound(int capacity) {
        dev.crossover.core.Checks.notNegative("capacity", capacity);
        return capacity == 0 ? Integer.MAX_VALUE : capacity;
    }

    private AsyncQueue(int capacity, QueueOrder<T> items) {
        this.capacity = capacity;
        this.items = items;
        this.loop = EventLoop.current();
        this.finished = new AsyncEvent();
        finished.set();
        this.getters = new Handoff<>(loop, "queue get", new Handoff.Owner<>() {
            @Override
            public void unclaimed(T item) {
                items.giveBack(item);  // the next to leave again: see Handoff's Order
            }

            @Override
            public void delivered(Task<T> task) {
                admitPutter();
            }
        });
        this.places = new Handoff<>(loop, "queue put", new Handoff.Owner<>() {
            @Override
            public void unclaimed(Void place) {
                // handed to a put that dropped out, none waiting: the place is simply free again
            }

            @Override
            public void delivered(Task<Void> put) {
                enqueue(putItems.remove(put));  // in the same step as the put ends: see the class doc
            }

            @Override
            public void left(Task<Void> put) {
                putItems.remove(put);
            }
        });
    }

    /**
     * {@return a task that ends once {@code item} is in the queue (or handed to a waiting getter)};
     * a waiting put that is cancelled (or ended by {@link Task#fail}) leaves its item out. After
     * {@link #shutdown}, the task fails with {@link QueueShutDownException}.
     */
    public Task<Void> put(T item) {
        Objects.requireNonNull(item, "item");
        loop.checkInLoop("AsyncQueue.put");
        if (shutDown) {
            return Task.failed(shutDownFailure("put"));
        }
        if (offer(item)) {
            Task<Void> put = new Task<>(loop, "queue put");
            put.complete(null);
            return put;
        }
        Task<Void> put = places.await();
        putItems.put(put, item);
        return put;
    }

    /**
     * {@return a task with the next element, delivered in the next turn or once there is one};
     * a get cancelled (or ended by {@link Task#fail}) before the delivery takes no element. Once the
     * queue is shut down and empty, the task fails with {@link QueueShutDownException}.
     */
    public Task<T> get() {
        loop.checkInLoop("AsyncQueue.get");
        T item = items.poll();
        if (item != null) {
            return getters.grant(item);  // still counted in size() until delivered
        }
        if (shutDown) {
            return Task.failed(shutDownFailure("get"));
        }
        return getters.await();
    }

    /**
     * {@return whether {@code item} went in (or to a waiting get) without waiting}: {@code put_nowait}
     * that returns false when full
     * @throws QueueShutDownException if the queue is shut down
     */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        loop.checkInLoop("AsyncQueue.offer");
        if (shutDown) {
            throw shutDownFailure("offer");
        }
        if (size() + places.handedValues() >= capacity) {  // a place handed to a waiting put is taken
            return false;
        }
        enqueue(item);
        return true;
    }

    /**
     * {@return the next element not handed to a get, or null if there is none}: {@code get_nowait}
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public T poll() {
        loop.checkInLoop("AsyncQueue.poll");
        T item = items.poll();
        if (item != null) {
            admitPutter();
        } else if (shutDown) {
            throw shutDownFailure("poll");
        }
        return item;
    }

    /**
     * Marks one element taken from the queue as processed: {@code task_done()}; once every element
     * put in is, {@link #join()} ends.
     *
     * @throws IllegalStateException if more calls than elements put in (asyncio's ValueError)
     */
    public void taskDone() {
        loop.checkInLoop("AsyncQueue.taskDone");
        if (unfinished <= 0) {
            throw new IllegalStateException("taskDone: " + unfinished + " unfinished elements (expected: > 0; called more often than elements were put in)");
        }
        if (--unfinished == 0) {
            finished.set();
        }
    }

    /** {@return a task that ends once every element put in has had its {@link #taskDone()}}: {@code await queue.join()} */
    public Task<Void> join() {
        loop.checkInLoop("AsyncQueue.join");
        return finished.await().thenApply(v -> null);
    }

    /**
     * Shuts the queue down: {@code shutdown(immediate)} (Python 3.13). Later puts fail, and later gets
     * once the queue is empty; waiting puts and gets fail now with {@link QueueShutDownException}.
     * With {@code immediate}, the elements in the queue are dropped too, each counted as done
     * (gets already handed one still take it).
     */
    public void shutdown(boolean immediate) {
        loop.checkInLoop("AsyncQueue.shutdown");
        shutDown = true;
        if (immediate) {
            int dropped = items.size();
            items.clear();
            unfinished = Math.max(0, unfinished - dropped);
            if (unfinished == 0) {
                finished.set();
            }
        }
        getters.failWaiting(() -> shutDownFailure("get"));
        places.failWaiting(() -> shutDownFailure("put"));
        places.failHanded(() -> shutDownFailure("put"));
    }

    /** {@return whether {@link #shutdown} was called} */
    public boolean isShutDown() {
        loop.checkInLoop("AsyncQueue.isShutDown");
        return shutDown;
    }

    /** {@return the number of elements in the queue}, those handed to a get and not yet delivered included */
    public int size() {
        loop.checkInLoop("AsyncQueue.size");
        return items.size() + getters.handedValues();
    }

    /** {@return the most elements the queue holds}, {@link Integer#MAX_VALUE} if it is unbounded */
    public int capacity() {
        return capacity;
    }

    /** Puts {@code item} in, there being room: to the longest-waiting get if any, else into the store. */
    private void enqueue(T item) {
        unfinished++;
        finished.clear();
        if (!getters.handToWaiter(item)) {
            items.add(item);
        }
    }

    /** A place came free: handed to the longest-waiting put, whose item goes in when it is delivered. */
    private void admitPutter() {
        if (capacity != Integer.MAX_VALUE) {
            places.handToWaiter(null);
        }
    }

    private QueueShutDownException shutDownFailure(String what) {
        return new QueueShutDownException("queue " + what + ": shut down (expected: a queue not shut down"
                + (what.equals("put") || what.equals("offer") ? ")" : ", or not empty)"));
    }
}
