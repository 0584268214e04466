package dev.crossover.eventloop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;

/**
 * A barrier for a fixed number of tasks on one loop: asyncio's {@code Barrier}. Each task
 * {@link #await()}s; when the last of {@code parties} arrives, all of them go on, each with its
 * arrival index (0 for the first), and the barrier is ready for the next round at once.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * // barrier = asyncio.Barrier(3)
 * // async def worker(): index = await barrier.wait()
 * AsyncBarrier barrier = new AsyncBarrier(3);
 * Task<Integer> index = barrier.await();
 * }
 * {@link #abort()} breaks the barrier: waiting and later waits fail with
 * {@link BrokenBarrierException} ({@code BrokenBarrierError}) until {@link #reset()}, which also
 * fails the tasks waiting then. A waiting task that is cancelled leaves the round, as in asyncio.
 * The method is {@code await}, not {@code wait}: {@link Object#wait()} is taken.
 *
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 */
public final class AsyncBarrier {
    private final EventLoop loop;
    private final int parties;
    /** The tasks of the current round that have arrived and wait, in arrival order. */
    private final List<Task<Integer>> arrived = new ArrayList<>();
    private boolean broken;

    /**
     * Creates a barrier for {@code parties} tasks on the calling loop.
     *
     * @throws IllegalArgumentException if {@code parties} is not positive
     * @throws IllegalStateException    off a loop thread
     */
    public AsyncBarrier(int parties) {
        this.parties = dev.crossover.core.Checks.positive("parties", parties);
        this.loop = EventLoop.current();
    }

    /**
     * {@return a task that ends with this task's arrival index once {@code parties} tasks have
     * arrived}: {@code await barrier.wait()}; it fails with {@link BrokenBarrierException} if the
     * barrier is or gets broken or reset
     */
    public Task<Integer> await() {
        loop.checkInLoop("AsyncBarrier.await");
        Task<Integer> waiter = new Task<>(loop, "barrier wait");
        if (broken) {
            waiter.fail(new BrokenBarrierException("barrier: broken (expected: reset before waiting again)"));
            return waiter;
        }
        int index = arrived.size();
        if (index + 1 == parties) {
            List<Task<Integer>> round = List.copyOf(arrived);
            arrived.clear();
            for (int i = 0; i < round.size(); i++) {
                round.get(i).complete(i);
            }
            waiter.complete(index);
            return waiter;
        }
        arrived.add(waiter);
        waiter.cancelWith(() -> arrived.remove(waiter));
        return waiter;
    }

    /** Breaks the barrier: every waiting task, and every later wait until {@link #reset()}, fails. */
    public void abort() {
        loop.checkInLoop("AsyncBarrier.abort");
        broken = true;
        failWaiting("barrier: aborted");
    }

    /** Fails the tasks waiting now and makes the barrier whole and empty again. */
    public void reset() {
        loop.checkInLoop("AsyncBarrier.reset");
        failWaiting("barrier: reset");
        broken = false;
    }

    /** {@return whether the barrier is broken} */
    public boolean isBroken() {
        loop.checkInLoop("AsyncBarrier.isBroken");
        return broken;
    }

    /** {@return how many tasks wait in this round}: {@code n_waiting} */
    public int waiting() {
        loop.checkInLoop("AsyncBarrier.waiting");
        return arrived.size();
    }

    /** {@return how many tasks a round needs} */
    public int parties() {
        return parties;
    }

    private void failWaiting(String why) {
        List<Task<Integer>> round = List.copyOf(arrived);
        arrived.clear();
        for (Task<Integer> waiter : round) {
            waiter.fail(new BrokenBarrierException(why));
        }
    }
}
