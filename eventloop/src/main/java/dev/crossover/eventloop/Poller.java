package dev.crossover.eventloop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The loop's {@link Selector}: blocking until readiness, a deadline or a wake-up, and dispatching
 * ready keys to their {@link IoHandler}s.
 *
 * <h2>Threading</h2>
 * {@link #wakeup()} and {@link #wakeupIfSelecting()} may be called from any thread; everything else
 * only from the loop thread.
 */
final class Poller {
    private final String name;
    private final Selector selector;
    /** True while the loop may block in select: producers must then wake the selector. */
    private final AtomicBoolean wakeupNeeded = new AtomicBoolean();
    /** The keys of one dispatch, copied out of the selected set; loop-confined, reused. */
    private SelectionKey[] batch = new SelectionKey[16];

    Poller(String name) {
        this.name = name;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("event loop " + name + ": cannot open a selector", e);
        }
    }

    /**
     * Selects: blocks at most {@code timeoutNanos} (negative: until woken), but does not block at all
     * if {@code hasWork} says there is something to do once the wake-up flag is up.
     */
    void select(long timeoutNanos, BooleanSupplier hasWork) {
        try {
            // Keys already selected (added by a register() during the last dispatch) do not count as
            // newly selected, so a blocking select could sleep on them: take them at once.
            if (timeoutNanos == 0 || !selector.selectedKeys().isEmpty()) {
                selector.selectNow();
                return;
            }
            wakeupNeeded.set(true);
            // Checked after setting the flag: a producer that queued before the flag was set is seen
            // here; one that queues after sees the flag and wakes the selector.
            if (hasWork.getAsBoolean()) {
                selector.selectNow();
            } else if (timeoutNanos < 0) {
                selector.select();
            } else {
                selector.select(selectMillis(timeoutNanos));  // see EventLoop's "Timer precision"
            }
            wakeupNeeded.set(false);
        } catch (IOException e) {
            throw new UncheckedIOException("event loop " + name + ": select failed", e);
        }
    }

    /**
     * {@return the select timeout, in milliseconds, for a wait of {@code timeoutNanos} (> 0)}:
     * rounded up, so the loop never wakes before a deadline it could then only spin towards, and at
     * least 1, since {@code select(0)} would block forever. Exact for any long, with no overflow.
     */
    static long selectMillis(long timeoutNanos) {
        long millis = timeoutNanos / 1_000_000;
        return timeoutNanos % 1_000_000 == 0 ? Math.max(1, millis) : millis + 1;
    }

    /**
     * Wakes the selector if the loop may be blocking in it; called after queueing work.
     *
     * <p>Only once per select: {@link Selector#wakeup()} is a system call. The loop sets the flag
     * <em>before</em> it looks for work for the last time, so either it sees the work, or the
     * producer sees the flag and wakes it (a {@code wakeup()} that lands before {@code select()}
     * makes that {@code select()} return at once, so it is not lost). See netty/netty#8644 and
     * netty/netty#9112 for the races a careless flag causes: a missed wake-up leaves a task waiting
     * until the next timer or I/O event.
     */
    void wakeupIfSelecting() {
        if (wakeupNeeded.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    /** Wakes the selector unconditionally (shutdown). */
    void wakeup() {
        selector.wakeup();
    }

    /**
     * Runs the handler of every selected key; a handler that throws is reported and the rest still run.
     *
     * <p>Dispatches from a copy, the selected set cleared first: a handler may call {@link #register},
     * whose {@code selectNow()} (to flush a cancelled key) adds keys to the selected set, and
     * iterating the live set would then throw {@link java.util.ConcurrentModificationException} and
     * end the loop. Keys added that way wait in the set for the next turn, whose select does not block.
     */
    void dispatch(BiConsumer<String, Throwable> report) {
        Set<SelectionKey> selected = selector.selectedKeys();
        int n = selected.size();
        if (n == 0) {
            return;
        }
        if (batch.length < n) {
            batch = new SelectionKey[Math.max(n, 2 * batch.length)];
        }
        int i = 0;
        for (SelectionKey key : selected) {
            batch[i++] = key;
        }
        selected.clear();
        for (i = 0; i < n; i++) {
            SelectionKey key = batch[i];
            batch[i] = null;
            if (key.isValid() && key.attachment() instanceof IoHandler handler) {
                try {
                    handler.ready(key);
                } catch (Error e) {
                    throw e;
                } catch (Throwable t) {
                    report.accept("io " + key.channel(), t);
                }
            }
        }
    }

    SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) {
        try {
            SelectionKey old = channel.keyFor(selector);
            if (old != null && !old.isValid()) {
                selector.selectNow();  // flushes the cancelled key, else register() would throw
            }
            return channel.register(selector, ops, handler);
        } catch (ClosedChannelException e) {
            throw new UncheckedIOException("channel: " + channel + " (expected: open)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SelectionKey keyFor(SelectableChannel channel) {
        return channel.keyFor(selector);
    }

    int keys() {
        return selector.keys().size();
    }

    void close() {
        try {
            selector.close();
        } catch (IOException e) {
            System.getLogger(EventLoop.class.getName()).log(System.Logger.Level.WARNING,
                    "event loop " + name + ": closing the selector failed", e);
        }
    }
}
