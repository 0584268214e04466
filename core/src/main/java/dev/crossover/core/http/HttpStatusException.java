package dev.crossover.core.http;

import java.io.IOException;

/** A complete response whose status is not {@code 200}; the message holds the status and the start of its body. */
public final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;

    public HttpStatusException(int status, String body) {
        super("status: " + status + " (expected: 200)" + (body.isEmpty() ? "" : ": " + body));
    }
}
