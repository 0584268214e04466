package dev.crossover.server;

import dev.crossover.core.http.BlockingClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The delay server in a JVM of its own (its GC and JIT apart from the model under test), on the
 * same JDK and class path as this one: {@link #start()} launches {@link DelayServerMain}, reads its
 * ready line, and returns once the server has answered a request; {@link #close()} closes its
 * standard input (it stops then), waits, and kills it if it has not gone.
 *
 * <h2>No orphans</h2>
 * The server stops when its standard input closes, and the kernel closes that pipe when this JVM
 * ends, however it ends ({@code kill -9} included). A shutdown hook stops it too on a normal exit
 * or {@code SIGTERM}, without waiting for the pipe.
 */
public final class DelayServerProcess implements AutoCloseable {
    private static final Duration READY_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final InetSocketAddress address;
    private final Thread hook;

    private DelayServerProcess(Process process, InetSocketAddress address, Thread hook) {
        this.process = process;
        this.address = address;
        this.hook = hook;
    }

    /** {@return the command line of a server process on this JVM's launcher and class path} */
    static List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(ProcessHandle.current().info().command().orElse(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        line.add("-Xmx1g");
        line.add("-XX:+UseParallelGC");
        line.add("-XX:-UsePerfData");
        line.add("-XX:+DisplayVMOutputToStderr");
        int feature = Runtime.version().feature();
        if (feature >= 22) {
            line.add("--enable-native-access=ALL-UNNAMED");  // Netty's epoll transport loads a native library
        }
        if (feature >= 24) {
            line.add("--sun-misc-unsafe-memory-access=allow");
        }
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add(DelayServerMain.class.getName());
        return line;
    }

    /**
     * {@return a running server on 127.0.0.1, a free port, that has answered a request}
     * @throws IllegalStateException if it does not start, or does not answer, within a minute, with what it said
     */
    public static DelayServerProcess start() {
        Process process;
        try {
            process = new ProcessBuilder(commandLine()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("server: could not start " + commandLine().get(0), e);
        }
        Thread hook = new Thread(process::destroy, "crossover-server-process-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        DelayServerProcess server = null;
        try {
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyLine(process));
            String line = ready.get(READY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            String hostPort = line.substring(DelayServerMain.READY.length()).strip();
            int colon = hostPort.lastIndexOf(':');
            InetSocketAddress address = new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1)));
            server = new DelayServerProcess(process, address, hook);
            server.awaitAnswer();
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process, hook);
            throw new IllegalStateException("server: interrupted while it started", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            stop(process, hook);
            throw new IllegalStateException("server: did not start within " + READY_WAIT.toSeconds() + " s: "
                    + (e instanceof ExecutionException ? e.getCause().getMessage() : e.toString())
                    + " (expected: a ready line from " + DelayServerMain.class.getSimpleName() + ")", e);
        }
    }

    private static String readyLine(Process process) {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith(DelayServerMain.READY)) {
                throw new IllegalStateException("it said " + (line == null ? "nothing" : "\"" + line + "\"")
                        + " and exited with " + process.waitFor());
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks for an empty answer until one comes: the server listens and serves. */
    private void awaitAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        IOException last = null;
        try (BlockingClient client = new BlockingClient(address)) {
            while (System.nanoTime() < deadline) {
                try {
                    client.get(0, 0, 0, Duration.ofSeconds(5));
                    return;
                } catch (IOException e) {
                    last = e;
                    Thread.sleep(50);
                }
            }
        }
        throw new IllegalStateException("it does not answer at " + address + ": " + last);
    }

    /** {@return the address the server listens on} */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * {@return the server's own figures since its start or the last {@link #resetStats()}} (see {@link ServerStats})
     * @throws UncheckedIOException if it does not answer {@code GET /stats} within 10 s
     */
    public ServerStats stats() {
        return fetchStats(false);
    }

    /**
     * Starts a new interval of the server's own figures; {@return the figures of the interval it ended}
     * @throws UncheckedIOException if it does not answer {@code GET /stats?reset=1} within 10 s
     */
    public ServerStats resetStats() {
        return fetchStats(true);
    }

    /**
     * Warms the server's JIT with {@code connections} keep-alive clients asking for immediate answers
     * for {@code duration}, then starts its figures afresh; {@return how many requests it answered}.
     * A server started a moment ago answers its first load tens of milliseconds late (the first of
     * four models in one {@code scenario}, http at 1,000 connections and 50 ms, read efficiency 0.47
     * where it read 0.93 in third place): the load it serves is then the harness's, not the model's.
     *
     * @throws UncheckedIOException if a request fails
     */
    public long warm(Duration duration, int connections) {
        java.util.concurrent.atomic.LongAdder answered = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.AtomicReference<IOException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        long deadline = System.nanoTime() + duration.toNanos();
        try (BlockingClient client = new BlockingClient(address)) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                long first = i;
                threads.add(Thread.ofPlatform().name("delay-server-warm-up-" + i).start(() -> {
                    for (long token = first; System.nanoTime() < deadline && failure.get() == null; token += connections) {
                        try {
                            client.get(0, 64, token, STOP_WAIT);
                            answered.increment();
                        } catch (IOException e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("server: warm-up interrupted", e);
        }
        if (failure.get() != null) {
            throw new UncheckedIOException("server: warm-up request failed at " + address + ": " + failure.get().getMessage(),
                    failure.get());
        }
        resetStats();
        return answered.sum();
    }

    private ServerStats fetchStats(boolean reset) {
        return StatsClient.fetchOrFail(address, reset);
    }

    /** {@return the process's id} */
    public long pid() {
        return process.pid();
    }

    /** Stops the server (closes its standard input), waits up to 10 s, then kills it; returns once it is gone. Idempotent. */
    @Override
    public void close() {
        stop(process, hook);
    }

    private static void stop(Process process, Thread hook) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: it is stopping
        }
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs, or has
        }
    }
}
