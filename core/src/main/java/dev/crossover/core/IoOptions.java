package dev.crossover.core;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a model's real I/O goes: the delay server that {@code http} tasks ask, how long one
 * request may take, and the directory that {@code file} tasks write their files in. A model
 * reads them when it is created; a model created without a server or directory fails the tasks
 * that need one, with the reason.
 *
 * @param server         the delay server's address, if any
 * @param requestTimeout how long one request may take, connect included, before it fails
 * @param directory      where {@code file} tasks write, if anywhere
 */
public record IoOptions(Optional<InetSocketAddress> server, Duration requestTimeout, Optional<Path> directory) {
    /** The request timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public IoOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Checks.argument(!requestTimeout.isNegative() && !requestTimeout.isZero(), "timeout", requestTimeout, "> 0");
        Objects.requireNonNull(directory, "directory");
    }

    /** {@return no server, no directory, the default timeout} */
    public static IoOptions none() {
        return new IoOptions(Optional.empty(), DEFAULT_TIMEOUT, Optional.empty());
    }

    public IoOptions withServer(InetSocketAddress server) {
        return new IoOptions(Optional.of(server), requestTimeout, directory);
    }

    public IoOptions withRequestTimeout(Duration requestTimeout) {
        return new IoOptions(server, requestTimeout, directory);
    }

    public IoOptions withDirectory(Path directory) {
        return new IoOptions(server, requestTimeout, Optional.of(directory));
    }

    /** {@return the server} @throws IllegalStateException naming the model, if there is none */
    public InetSocketAddress requireServer(String model) {
        return server.orElseThrow(() -> new IllegalStateException("model " + model
                + ": no delay server (expected: a model created with IoOptions.withServer for workload http)"));
    }

    /** {@return the directory} @throws IllegalStateException naming the model, if there is none */
    public Path requireDirectory(String model) {
        return directory.orElseThrow(() -> new IllegalStateException("model " + model
                + ": no file directory (expected: a model created with IoOptions.withDirectory for workload file)"));
    }
}
