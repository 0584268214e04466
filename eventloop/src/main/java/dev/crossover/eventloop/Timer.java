package dev.crossover.eventloop;

/**
 * A callback armed to run on its {@link EventLoop} at a deadline; the handle that cancels it.
 *
 * <h2>Threading</h2>
 * Created by {@link EventLoop#schedule}; every method must be called on the loop's thread.
 */
public final class Timer {
    final EventLoop loop;
    final long deadline;
    final long sequence;
    final String name;
    final Runnable action;
    /** Position in the loop's {@link TimerQueue}, or -1 when not queued (fired or cancelled). */
    int index = -1;

    Timer(EventLoop loop, long deadline, long sequence, String name, Runnable action) {
        this.loop = loop;
        this.deadline = deadline;
        this.sequence = sequence;
        this.name = name;
        this.action = action;
    }

    /** {@return the deadline, in {@link System#nanoTime()} units} */
    public long deadlineNanos() {
        return deadline;
    }

    /** {@return whether the timer is still waiting to fire} */
    public boolean isPending() {
        loop.checkInLoop("Timer.isPending");
        return index >= 0;
    }

    /**
     * Removes the timer from the loop's queue, so nothing of it is left behind.
     *
     * @return true if the timer was pending, false if it had fired or was cancelled already
     * @throws IllegalStateException if called from another thread than the loop's
     */
    public boolean cancel() {
        loop.checkInLoop("Timer.cancel");
        return loop.timers.remove(this);
    }

    @Override
    public String toString() {
        return "Timer[" + name + "]";
    }
}
