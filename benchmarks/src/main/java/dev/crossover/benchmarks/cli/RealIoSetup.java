package dev.crossover.benchmarks.cli;

import dev.crossover.core.IoOptions;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.server.ConnectionLimits;
import dev.crossover.server.DelayServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a run's real I/O needs, made before the models run and undone after, also on failure:
 * for {@code http} the delay server (a process of its own, or {@code --target}'s, already running)
 * after a check of the machine's connection limits; for {@code file} a temporary directory, removed
 * with whatever is left in it. Other workloads need nothing.
 */
final class RealIoSetup implements AutoCloseable {
    private final IoOptions options;
    private final DelayServerProcess server;
    private final Path directory;

    private RealIoSetup(IoOptions options, DelayServerProcess server, Path directory) {
        this.options = options;
        this.server = server;
        this.directory = directory;
    }

    /** How long a delay server this setup starts is warmed before the first model meets it, and by how many clients. */
    static final Duration SERVER_WARM_UP = Duration.ofSeconds(2);
    static final int SERVER_WARM_UP_CONNECTIONS = 16;

    /**
     * {@return the set-up for {@code workload}}: {@code target} ({@code HOST:PORT}, or null to start a
     * server), each request's {@code timeout}; warnings go to {@code warn}
     * @throws IllegalArgumentException if the target is malformed or the machine's limits cannot hold the connections
     */
    static RealIoSetup open(Workload workload, String target, Duration timeout, Consumer<String> warn) {
        IoOptions io = IoOptions.none().withRequestTimeout(timeout);
        if (workload.kind() == WorkloadKind.HTTP) {
            ConnectionLimits.check(workload.concurrency()).forEach(warn);
            if (target != null) {
                return new RealIoSetup(io.withServer(parseTarget(target)), null, null);
            }
            DelayServerProcess server = DelayServerProcess.start();
            long warmed = server.warm(SERVER_WARM_UP, SERVER_WARM_UP_CONNECTIONS);
            warn.accept("crossover: scenario: delay server pid " + server.pid() + " at "
                    + dev.crossover.server.HostPort.format(server.address()) + ", warmed with " + warmed
                    + " requests in " + Durations.format(SERVER_WARM_UP));
            return new RealIoSetup(io.withServer(server.address()), server, null);
        }
        if (workload.kind() == WorkloadKind.FILE) {
            try {
                Path directory = Files.createTempDirectory("crossover-file-");
                return new RealIoSetup(io.withDirectory(directory), null, directory);
            } catch (IOException e) {
                throw new UncheckedIOException("file: could not create a temporary directory", e);
            }
        }
        return new RealIoSetup(io, null, null);
    }

    static InetSocketAddress parseTarget(String target) {
        return dev.crossover.server.HostPort.parse(target).orElseThrow(() -> new IllegalArgumentException(
                "target: " + target + " (expected: HOST:PORT of a running delay server)"));
    }

    /** {@return where the models' real I/O goes} */
    IoOptions options() {
        return options;
    }

    /** Stops the server it started and removes the directory it made. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
