package dev.crossover.reports;

import java.nio.file.Path;

/**
 * A result file that cannot be read: not JSON, truncated, the wrong shape, or missing a field the
 * report needs.
 *
 * <p>The message is one line: {@code "<file>: <what is wrong> at <JSON path or line>"}, ready to
 * show a user as it is.
 */
public final class BadInputException extends RuntimeException {
    /** Creates the exception with a one-line message naming {@code file}. */
    public BadInputException(Path file, String problem) {
        super(oneLine(file + ": " + problem));
    }

    /** Creates the exception with a one-line message naming {@code file} and its cause. */
    public BadInputException(Path file, String problem, Throwable cause) {
        super(oneLine(file + ": " + problem), cause);
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
