package dev.crossover.core.http;

import java.io.IOException;

/** A response that breaks what {@link ResponseParser} accepts; the message names the part and what was expected. */
public final class MalformedResponseException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }
}
