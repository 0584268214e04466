package dev.crossover.eventloop;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
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
    /** Elements not handed to any get, oldest first. */
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final Handoff<T> getters;
    /** Waiting puts in arrival order, each handed a free place first and its item put in on delivery. */
    private final Handoff<Void> places;
    /** The item of each waiting put, by identity (never the element's equals). */
    private final IdentityHashMap<Task<Void>, T> putItems = new IdentityHashMap<>();

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
     * a waiting put that is cancelled (or ended by {@link Task#fail}) leaves its item out
     */
    public Task<Void> put(T item) {
        Objects.requireNonNull(item, "item");
        loop.checkInLoop("AsyncQueue.put");
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
        if (size() + places.handedValues() >= capacity) {  // a place handed to a waiting put is taken
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

    /** A place came free: handed to the longest-waiting put, whose item goes in when it is delivered. */
    private void admitPutter() {
        places.handToWaiter(null);
    }
}
