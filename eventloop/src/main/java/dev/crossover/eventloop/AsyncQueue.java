package dev.crossover.eventloop;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * A bounded FIFO queue between tasks on one loop: asyncio's {@code Queue(maxsize)}. {@link #put}
 * waits while the queue is full, {@link #get} while it is empty; waiters are served in arrival order.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * AsyncQueue<String> queue = new AsyncQueue<>(100);
 * Task<Void> produced = queue.put("job");            // await queue.put("job")
 * Task<String> next = queue.get();                   // job = await queue.get()
 * }
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
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 *
 * @param <T> the type of the elements, which must not be null
 */
public final class AsyncQueue<T> {
    private final EventLoop loop;
    private final int capacity;
    /** Elements not handed to any get, oldest first. */
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final Handoff<T> getters;
    /** Waiting puts in arrival order; a cancelled one removes itself in O(1). */
    private final LinkedHashSet<Putter<T>> putters = new LinkedHashSet<>();

    /**
     * Creates a queue that holds at most {@code capacity} elements.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     * @throws IllegalStateException    off a loop thread
     */
    public AsyncQueue(int capacity) {
        this.capacity = dev.crossover.core.Checks.positive("capacity", capacity);
        this.loop = EventLoop.current();
        this.getters = new Handoff<>(loop, "queue get", new Handoff.Owner<>() {
            @Override
            public void unclaimed(T item) {
                items.addFirst(item);  // older than every element here: see Handoff's Order
            }

            @Override
            public void delivered() {
                admitPutter();
            }
        });
    }

    /**
     * {@return a task that ends once {@code item} is in the queue (or handed to a waiting getter)};
     * a waiting put that is cancelled (or ended by {@link Task#fail}) leaves its item out
     */
    public Task<Void> put(T item) {
        Objects.requireNonNull(item, "item");
        loop.checkInLoop("AsyncQueue.put");
        Task<Void> put = new Task<>(loop, "queue put");
        if (offer(item)) {
            put.complete(null);
            return put;
        }
        Putter<T> putter = new Putter<>(put, item);
        putters.add(putter);
        put.cancelWith(() -> putters.remove(putter));
        return put;
    }

    /**
     * {@return a task with the oldest element, delivered in the next turn or once there is one};
     * a get cancelled (or ended by {@link Task#fail}) before the delivery takes no element
     */
    public Task<T> get() {
        loop.checkInLoop("AsyncQueue.get");
        T item = items.poll();
        if (item != null) {
            return getters.grant(item);  // still counted in size() until delivered
        }
        return getters.await();
    }

    /**
     * {@return whether {@code item} went in (or to a waiting get) without waiting}: {@code put_nowait}
     * that returns false when full
     */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        loop.checkInLoop("AsyncQueue.offer");
        if (size() >= capacity) {
            return false;
        }
        enqueue(item);
        return true;
    }

    /** {@return the oldest element not handed to a get, or null if there is none}: {@code get_nowait} */
    public T poll() {
        loop.checkInLoop("AsyncQueue.poll");
        T item = items.poll();
        if (item != null) {
            admitPutter();
        }
        return item;
    }

    /** {@return the number of elements in the queue}, those handed to a get and not yet delivered included */
    public int size() {
        loop.checkInLoop("AsyncQueue.size");
        return items.size() + getters.handedValues();
    }

    /** {@return the most elements the queue holds} */
    public int capacity() {
        return capacity;
    }

    /** Puts {@code item} in, there being room: to the longest-waiting get if any, else at the tail. */
    private void enqueue(T item) {
        if (!getters.handToWaiter(item)) {
            items.add(item);
        }
    }

    /**
     * A place came free: the longest-waiting put still waiting goes in (one ended by fail(...) is
     * still queued; its item stays out, as a cancelled put's does).
     */
    private void admitPutter() {
        while (!putters.isEmpty()) {
            Putter<T> putter = putters.removeFirst();
            if (putter.task.complete(null)) {
                enqueue(putter.item);
                return;
            }
        }
    }

    /** A waiting put; compared by identity, so that the set never calls the element's equals. */
    private static final class Putter<T> {
        final Task<Void> task;
        final T item;

        Putter(Task<Void> task, T item) {
            this.task = task;
            this.item = item;
        }
    }
}
