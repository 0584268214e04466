package dev.crossover.eventloop;

import java.util.ArrayDeque;
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
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 *
 * @param <T> the type of the elements, which must not be null
 */
public final class AsyncQueue<T> {
    private final EventLoop loop;
    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ArrayDeque<Task<T>> getters = new ArrayDeque<>();
    private final ArrayDeque<Putter<T>> putters = new ArrayDeque<>();

    /**
     * Creates a queue that holds at most {@code capacity} elements.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     * @throws IllegalStateException    off a loop thread
     */
    public AsyncQueue(int capacity) {
        this.capacity = dev.crossover.core.Checks.positive("capacity", capacity);
        this.loop = EventLoop.current();
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
     * {@return a task with the oldest element, once there is one}; a waiting get that is cancelled
     * (or ended by {@link Task#fail}) takes no element
     */
    public Task<T> get() {
        loop.checkInLoop("AsyncQueue.get");
        Task<T> get = new Task<>(loop, "queue get");
        T item = poll();
        if (item != null) {
            get.complete(item);
            return get;
        }
        getters.add(get);
        get.cancelWith(() -> getters.remove(get));
        return get;
    }

    /** {@return whether {@code item} went in without waiting}: {@code put_nowait} that returns false when full */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        loop.checkInLoop("AsyncQueue.offer");
        // The queue is empty whenever a getter waits. A getter ended by fail(...) is still queued:
        // complete() refuses it, and the item goes to the next getter instead of being swallowed.
        for (Task<T> getter = getters.poll(); getter != null; getter = getters.poll()) {
            if (getter.complete(item)) {
                return true;
            }
        }
        if (items.size() < capacity) {
            items.add(item);
            return true;
        }
        return false;
    }

    /** {@return the oldest element, or null if the queue is empty}: {@code get_nowait} */
    public T poll() {
        loop.checkInLoop("AsyncQueue.poll");
        T item = items.poll();
        if (item != null) {
            // A place came free: the longest-waiting put still waiting goes in (one ended by
            // fail(...) is still queued; its item stays out, as a cancelled put's does).
            for (Putter<T> putter = putters.poll(); putter != null; putter = putters.poll()) {
                if (putter.task.complete(null)) {
                    items.add(putter.item);
                    break;
                }
            }
        }
        return item;
    }

    /** {@return the number of elements in the queue} */
    public int size() {
        loop.checkInLoop("AsyncQueue.size");
        return items.size();
    }

    /** {@return the most elements the queue holds} */
    public int capacity() {
        return capacity;
    }

    private record Putter<T>(Task<Void> task, T item) {
    }
}
