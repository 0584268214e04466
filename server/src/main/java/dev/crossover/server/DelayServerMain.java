package dev.crossover.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * The delay server as a process of its own, the way the {@code http} workload starts it:
 * {@code java -cp ... dev.crossover.server.DelayServerMain [BIND_ADDR PORT]} (default
 * {@code 127.0.0.1 0}). Once it listens it prints one line, {@value #READY} followed by
 * {@code host:port}, and it stops when its standard input closes, so it never outlives the
 * parent that started it, also when that parent is killed (its end of the pipe closes then).
 * Exit code 0 after a clean stop, 2 when the arguments or the address are wrong (one line on
 * standard error).
 */
public final class DelayServerMain {
    /** What the ready line starts with. */
    public static final String READY = "crossover-server listening ";

    private DelayServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        InetSocketAddress address;
        try {
            address = args.length == 0 ? DelayServer.loopback(0) : parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("crossover-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        DelayServer server;
        try {
            server = DelayServer.start(address);
        } catch (UncheckedIOException e) {
            System.err.println("crossover-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (server) {
            out.println(READY + server.hostAndPort());
            out.flush();
            drain(System.in);
        }
        System.exit(0);
    }

    private static InetSocketAddress parse(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("arguments: " + String.join(" ", args) + " (expected: BIND_ADDR PORT)");
        }
        int port;
        try {
            port = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            port = -1;
        }
        dev.crossover.core.Checks.argument(port >= 0 && port <= 65_535, "port", args[1], "between 0 and 65535");
        return new InetSocketAddress(args[0], port);
    }

    /** Reads until end of stream: the parent closed the pipe or died. */
    private static void drain(InputStream in) {
        byte[] sink = new byte[256];
        try {
            while (in.read(sink) >= 0) {
                // nothing to do: only the end matters
            }
        } catch (IOException e) {
            // a broken pipe is an end too
        }
    }
}
