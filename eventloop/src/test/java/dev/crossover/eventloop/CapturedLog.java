package dev.crossover.eventloop;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what one {@code java.util.logging} logger reports while a test provokes a failure,
 * instead of letting it reach the console, and restores the logger when closed. Both
 * {@link System.Logger} (the loop's reporter) and Netty's internal logging end up in
 * {@code java.util.logging} when nothing else is on the class path, as in this module's tests.
 *
 * <h2>Threading</h2>
 * Records may arrive on any thread; {@link #records()} is safe from any thread.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;  // held strongly: java.util.logging keeps loggers only weakly
    private final boolean usedParentHandlers;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(String name) {
        this.logger = Logger.getLogger(name);
        this.usedParentHandlers = logger.getUseParentHandlers();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    /** {@return a capture of the logger named {@code name}}, until {@link #close()} */
    public static CapturedLog of(String name) {
        return new CapturedLog(name);
    }

    /** {@return the records captured so far} */
    public List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParentHandlers);
    }
}
