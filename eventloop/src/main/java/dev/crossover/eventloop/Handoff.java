package dev.crossover.eventloop;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * The waiting side of {@link AsyncQueue} and {@link AsyncSemaphore}: tasks waiting in arrival order,
 * and the values (elements, permits) handed to them that they have not taken yet.
 *
 * <h2>Why a value is handed first and delivered later</h2>
 * A value given to a task with {@link Task#complete} is taken only when the task's done callbacks
 * run, in the next turn. A cancel in between (of a stage that awaits the task, of a task group)
 * finds the task done, so it cancels nothing, and the stage drops the value: an element or a
 * permit is gone (asyncio lost permits the same way, python/cpython#90155). So a value is
 * <em>handed</em> to a task (the task stays pending) and <em>delivered</em> in a loop callback of
 * the hand-off's own, which completes the task and runs its callbacks at once
 * ({@link Task#deliver}): no turn passes between the two. A handed task that was cancelled (or
 * failed) before the delivery takes nothing; its place goes to the next waiting task, or, if none
 * waits, a value goes back to the owner ({@link Owner#unclaimed}). The waiters' callbacks still run
 * in the turn after the call that handed them the value, as they would after {@code complete}.
 *
 * <h2>Order</h2>
 * Tasks are handed values in the order they began to wait, and values leave in the order they
 * were handed: the i-th task delivered gets the i-th value handed. When a handed task drops out,
 * the tasks behind it move up, so the value that goes back is the newest one handed, which is older
 * than anything the owner holds (the owner holds nothing while tasks wait).
 *
 * <h2>Cost</h2>
 * A cancelled waiter leaves the wait queue in O(1) (a linked hash set, not an
 * {@code ArrayDeque.remove} scan); one ended by {@link Task#fail} (which releases nothing) is
 * dropped when it reaches the head. A burst of n cancellations costs O(n).
 *
 * <h2>Threading</h2>
 * Confined to the owner's loop thread, like its owner.
 *
 * @param <V> the type of the values handed (null for a permit)
 */
final class Handoff<V> {
    /** What the owner does when a value comes back or leaves. */
    interface Owner<V> {
        /** Takes back {@code value}, handed to a task that dropped out while no other task waits. */
        void unclaimed(V value);

        /** A value is about to leave for {@code task}, which takes it (a queue's place is free now). */
        void delivered(Task<V> task);

        /** {@code task} left the line without taking a value: cancelled, failed, or passed over. */
        default void left(Task<V> task) {
        }
    }

    /** Stands for a null value (a permit) in {@link #values}, which holds no null. */
    private static final Object NULL = new Object();

    private final EventLoop loop;
    private final String name;
    private final Owner<V> owner;
    /** Waiting tasks, in arrival order; a cancelled one removes itself. */
    private final LinkedHashSet<Task<V>> waiting = new LinkedHashSet<>();
    /** Tasks handed a value not yet delivered, in order, and the values, in order (the same count). */
    private final ArrayDeque<Task<V>> handed = new ArrayDeque<>();
    private final ArrayDeque<Object> values = new ArrayDeque<>();
    private boolean deliveryQueued;

    Handoff(EventLoop loop, String name, Owner<V> owner) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.name = Objects.requireNonNull(name, "name");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** {@return a new pending task, handed {@code value} at once}: the owner had one to spare */
    Task<V> grant(V value) {
        Task<V> task = new Task<>(loop, name);
        hand(task, value);
        return task;
    }

    /** {@return a new task that waits in line}; cancelling it while it waits takes it out of the line */
    Task<V> await() {
        Task<V> task = new Task<>(loop, name);
        waiting.add(task);
        task.cancelWith(() -> {
            if (waiting.remove(task)) {
                owner.left(task);
            }
        });
        return task;
    }

    /** {@return whether some task waits, not counting tasks that have ended}; it stays in line */
    boolean hasWaiter() {
        while (!waiting.isEmpty()) {
            if (!waiting.getFirst().isDone()) {
                return true;
            }
            owner.left(waiting.removeFirst());  // ended by fail(...), which runs no canceller: dropped here, lazily
        }
        return false;
    }

    /** {@return true if {@code value} was handed to the longest-waiting task}, false if none waits */
    boolean handToWaiter(V value) {
        Task<V> task = nextWaiter();
        if (task == null) {
            return false;
        }
        hand(task, value);
        return true;
    }

    /** {@return how many tasks wait for a value}, not counting tasks that have ended (O(waiting)) */
    int waiting() {
        waiting.removeIf(task -> {
            if (task.isDone()) {
                owner.left(task);
                return true;
            }
            return false;
        });
        return waiting.size();
    }

    /** Fails every task waiting in line with {@code failure}; tasks handed a value keep it. */
    void failWaiting(java.util.function.Supplier<? extends Throwable> failure) {
        java.util.List<Task<V>> all = java.util.List.copyOf(waiting);
        waiting.clear();
        for (Task<V> task : all) {
            owner.left(task);
            task.fail(failure.get());
        }
    }

    /** Fails every task handed a value and not yet delivered; their values go back (or on) at delivery. */
    void failHanded(java.util.function.Supplier<? extends Throwable> failure) {
        for (Task<V> task : java.util.List.copyOf(handed)) {
            task.fail(failure.get());
        }
    }

    /** {@return how many values are handed and not yet delivered} */
    int handedValues() {
        return values.size();
    }

    private void hand(Task<V> task, V value) {
        handed.add(task);
        values.add(value == null ? NULL : value);
        if (!deliveryQueued) {
            loop.callSoon(name + " hand-off", this::deliver);
            deliveryQueued = true;
        }
    }

    /** The oldest waiting task still pending, taken out of the line; null if none. */
    private Task<V> nextWaiter() {
        return hasWaiter() ? waiting.removeFirst() : null;
    }

    /**
     * Delivers every handed value, in order. A task's callbacks run inside, and may hand more
     * (a get that finds an element, a put admitted into a freed place): the loop takes those too.
     */
    private void deliver() {
        try {
            for (Task<V> task = handed.poll(); task != null; task = handed.poll()) {
                if (task.isDone()) {
                    owner.left(task);
                    Task<V> next = nextWaiter();
                    if (next != null) {
                        handed.add(next);  // moves up behind the others: the values stay in order
                    } else {
                        owner.unclaimed(unwrap(values.pollLast()));
                    }
                    continue;
                }
                V value = unwrap(values.poll());
                owner.delivered(task);
                task.deliver(value);
            }
        } finally {
            deliveryQueued = false;
        }
    }

    @SuppressWarnings("unchecked")
    private V unwrap(Object value) {
        return value == NULL ? null : (V) value;
    }
}
