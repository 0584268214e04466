package dev.crossover.processes;

import dev.crossover.core.IoOptions;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a worker learns where its real I/O goes: the parent's {@link IoOptions} as system
 * properties on the worker's command line, read back by {@link #fromSystemProperties()}.
 */
final class WorkerIo {
    static final String SERVER = "crossover.server";
    static final String TIMEOUT = "crossover.requestTimeoutMillis";
    static final String DIRECTORY = "crossover.directory";

    private WorkerIo() {
    }

    /** {@return {@code command} with {@code io} passed to its workers}: itself when there is no server or directory */
    static WorkerCommand withIo(WorkerCommand command, IoOptions io) {
        List<String> args = new ArrayList<>(command.jvmArgs());
        io.server().ifPresent(s -> {
            args.add("-D" + SERVER + "=" + s.getHostString() + ":" + s.getPort());
            args.add("-D" + TIMEOUT + "=" + io.requestTimeout().toMillis());
        });
        io.directory().ifPresent(d -> args.add("-D" + DIRECTORY + "=" + d));
        return command.withJvmArgs(args);
    }

    /** {@return the options the parent passed to this worker} */
    static IoOptions fromSystemProperties() {
        String server = System.getProperty(SERVER);
        String timeout = System.getProperty(TIMEOUT);
        String directory = System.getProperty(DIRECTORY);
        Optional<InetSocketAddress> address = Optional.ofNullable(server).map(s -> {
            int colon = s.lastIndexOf(':');
            return new InetSocketAddress(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        });
        return new IoOptions(address, timeout == null ? IoOptions.DEFAULT_TIMEOUT : Duration.ofMillis(Long.parseLong(timeout)),
                Optional.ofNullable(directory).map(Path::of));
    }
}
