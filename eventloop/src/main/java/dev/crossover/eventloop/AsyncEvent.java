package dev.crossover.eventloop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A flag that tasks on one loop wait for: asyncio's {@code Event}. {@link #set()} wakes every
 * waiter, {@link #clear()} lowers the flag for waits that start after it.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * // event = asyncio.Event()
 * // async def waiter(): await event.wait(); print("go")
 * // event.set()
 * AsyncEvent event = new AsyncEvent();
 * Task<Void> waiter = event.await().thenAccept(v -> System.out.println("go"));
 * event.set();
 * }
 * A waiter woken by {@link #set()} ends with true even if the flag is cleared before its callbacks
 * run, as in asyncio ({@code test_clear_with_waiters}). The method is {@code await}, not
 * {@code wait}: {@link Object#wait()} is taken.
 *
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 */
public final class AsyncEvent {
    private final EventLoop loop;
    /** Waiting tasks in arrival order; a cancelled one removes itself. */
    private final LinkedHashSet<Task<Boolean>> waiters = new LinkedHashSet<>();
    private boolean value;

    /** Creates a cleared event on the calling loop. @throws IllegalStateException off a loop thread */
    public AsyncEvent() {
        this.loop = EventLoop.current();
    }

    /** {@return whether the flag is set}: {@code is_set()} */
    public boolean isSet() {
        loop.checkInLoop("AsyncEvent.isSet");
        return value;
    }

    /** Sets the flag and wakes every waiting task; a no-op if it is set already. */
    public void set() {
        loop.checkInLoop("AsyncEvent.set");
        if (value) {
            return;
        }
        value = true;
        List<Task<Boolean>> woken = new ArrayList<>(waiters);
        waiters.clear();
        for (Task<Boolean> waiter : woken) {
            waiter.complete(true);
        }
    }

    /** Lowers the flag: waits that start from now on wait for the next {@link #set()}. */
    public void clear() {
        loop.checkInLoop("AsyncEvent.clear");
        value = false;
    }

    /**
     * {@return a task that ends with true once the flag is set}: {@code await event.wait()}; done at
     * once if it is set now. Cancelling it takes it out of the waiters.
     */
    public Task<Boolean> await() {
        loop.checkInLoop("AsyncEvent.await");
        Task<Boolean> waiter = new Task<>(loop, "event wait");
        if (value) {
            waiter.complete(true);
            return waiter;
        }
        waiters.add(waiter);
        waiter.cancelWith(() -> waiters.remove(waiter));
        return waiter;
    }

    /** {@return how many tasks wait}, those ended by {@link Task#fail} included until the next set */
    public int waiting() {
        loop.checkInLoop("AsyncEvent.waiting");
        return waiters.size();
    }
}
