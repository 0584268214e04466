package dev.crossover.processes;

import java.io.IOException;

/** A frame that breaks {@link Protocol}'s rules; the stream it came from is given up. */
final class MalformedFrameException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedFrameException(String message) {
        super(message);
    }
}
