package dev.crossover.benchmarks.cli;

import dev.crossover.server.DelayServer;
import dev.crossover.server.DelayServerMain;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code server}: the loopback delay server in the foreground. It binds 127.0.0.1 on a free port
 * unless {@code --bind}/{@code --port} say otherwise, prints {@code crossover-server listening
 * HOST:PORT} once it listens, and serves until {@code --for} has passed or the JVM is stopped
 * (Ctrl-C: a shutdown hook closes it).
 */
@Command(name = "server", description = {
        "The loopback delay server: HTTP/1.1 keep-alive, GET /delay?ms=&bytes=&token= answers after ms with "
                + "bytes bytes derived from token.",
        "Binds 127.0.0.1 on a free port unless told otherwise; prints the address it listens on."})
public final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; another only to serve another machine).")
    String bind;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "The port (default: ${DEFAULT-VALUE}, a free one).")
    int port;

    @Option(names = "--threads", paramLabel = "N", description = "Loop threads (default: one per core).")
    Integer threads;

    @Option(names = "--for", paramLabel = "DURATION", converter = Durations.class,
            description = "Stop after this long (default: run until stopped).")
    Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " (expected: between 0 and 65535)");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("for: " + Durations.format(duration) + " (expected: > 0)");
        }
        InetSocketAddress address = new InetSocketAddress(bind, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("bind: " + bind + " (expected: a local address)");
        }
        DelayServer server;
        try {
            server = DelayServer.start(address, threads == null ? Runtime.getRuntime().availableProcessors()
                    : dev.crossover.core.Checks.positive("threads", threads));
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "crossover-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println(DelayServerMain.READY + server.hostAndPort());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("crossover: server: " + server.transport() + " transport, backlog " + DelayServer.BACKLOG
                + (duration == null ? ", until stopped" : ", for " + Durations.format(duration)));
        err.flush();
        if (duration == null) {
            stopped.await();
            return 0;
        }
        Thread.sleep(duration);
        Runtime.getRuntime().removeShutdownHook(hook);
        server.close();
        err.println("crossover: server: answered " + server.answered() + " requests");
        err.flush();
        return 0;
    }
}
