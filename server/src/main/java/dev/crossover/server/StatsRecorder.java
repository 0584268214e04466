package dev.crossover.server;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The server's lateness figures: each answer's lateness (the time its response was written minus
 * the time its request arrived plus the delay it asked for) goes into an HdrHistogram
 * {@link Recorder}, whose {@link Recorder#recordValue} is wait-free, so the loop threads never wait
 * on each other or on a reader. A reader ({@link #snapshot}) moves what was recorded since the
 * last read into the interval's own histogram and reports the interval; {@link #reset} also
 * starts a new one.
 *
 * <h2>Threading</h2>
 * {@link #record} from any number of threads (the server's loop threads) at once, without locks;
 * {@link #snapshot} and {@link #reset} (a {@code GET /stats}, rare) are serialized on this object.
 */
final class StatsRecorder {
    private final Recorder recorder = new Recorder(3);
    private final Histogram interval = new Histogram(3);  // guarded by this
    private Histogram swap;  // guarded by this: the recorder's recycled histogram
    private long startNanos = System.nanoTime();  // guarded by this

    /** Records one answer, {@code latenessNanos} late (a negative value, which a clock step could give, counts as 0). */
    void record(long latenessNanos) {
        recorder.recordValue(Math.max(0, latenessNanos));
    }

    /** {@return the figures of the interval so far} */
    synchronized ServerStats snapshot() {
        drain();
        return stats(System.nanoTime());
    }

    /** {@return the figures of the interval it ends}, and starts a new one from now, empty */
    synchronized ServerStats reset() {
        drain();
        long now = System.nanoTime();
        ServerStats ended = stats(now);
        interval.reset();
        startNanos = now;
        return ended;
    }

    private void drain() {
        swap = recorder.getIntervalHistogram(swap);
        interval.add(swap);
    }

    private ServerStats stats(long now) {
        long count = interval.getTotalCount();
        double micros = TimeUnit.MICROSECONDS.toNanos(1);
        return new ServerStats(count, (now - startNanos) / 1e9,
                count == 0 ? 0 : interval.getValueAtPercentile(50) / micros,
                count == 0 ? 0 : interval.getValueAtPercentile(99) / micros,
                count == 0 ? 0 : interval.getMaxValue() / micros);
    }
}
