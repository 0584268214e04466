package dev.crossover.benchmarks;

import dev.crossover.core.IoOptions;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.server.ConnectionLimits;
import dev.crossover.server.DelayServerProcess;
import dev.crossover.server.HostPort;
import dev.crossover.server.ServerStats;
import dev.crossover.server.StatsClient;
import java.net.InetSocketAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Real sockets: each task asks the loopback delay server for {@code bytes} bytes that it answers
 * after {@code ioMillis}, at most {@code concurrency} at once, each model with its own client
 * (see {@link dev.crossover.core.ConcurrencyModel#mechanism}).
 *
 * <h2>What it measures</h2>
 * Tasks per second ({@code completed} in JMH's secondary metrics) when every wait is a request
 * on a real connection: the seeds' "thousands of network connections at once" (002) and "async
 * I/O is the ideal choice for waiting" (000).
 *
 * <h2>What to expect</h2>
 * The ideal is {@code concurrency / ioMillis}, as for {@link SleepBenchmark}; the gap to it is what
 * the model's I/O path costs (readiness, parsing, socket buffers, parking on a socket). The server
 * runs in a JVM of its own, started per trial and stopped at its end, so its GC and JIT stay out
 * of the model's fork; where the ideal exceeds what the server serves on this machine the
 * profile grows the wait with C instead.
 *
 * <h2>The server's own figures</h2>
 * As the first measured iteration starts the server's figures are reset ({@code GET /stats?reset=1}),
 * and each measured iteration's end reads them, so the last reading covers the measured window
 * (warm-up excluded; the few milliseconds between iterations included). The point's summary
 * carries them under {@code server} ({@link PointSummary}): its requests per second and its
 * lateness over the asked delay, which say whether the server, not the model, capped the point.
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar HttpBenchmark -p model=eventloop -p concurrency=1000
 * java -jar benchmarks/target/benchmarks.jar run --profile quick --include HttpBenchmark
 * }
 */
@State(Scope.Benchmark)
public class HttpBenchmark extends WorkloadBenchmark {
    @Param("50")
    public int ioMillis;

    @Param("0")
    public int cpuMicros;

    /** Response body per request. */
    @Param("64")
    public int bytes;

    /**
     * The system property naming a delay server already running ({@code host:port}) that every trial
     * uses; unset, each trial starts its own and stops it at its end.
     */
    public static final String SERVER_PROPERTY = "crossover.delayServer";

    /** The server this trial started, null when it uses one that {@link #SERVER_PROPERTY} names. */
    private DelayServerProcess server;
    private InetSocketAddress address;
    private ServerStats measured;

    @Override
    protected Workload.Builder workload() {
        return builder(WorkloadKind.HTTP, ioMillis, cpuMicros).bytes(bytes);
    }

    /**
     * Checks the machine's connection limits, then starts the delay server for this trial, or uses
     * the one {@value #SERVER_PROPERTY} names (the {@code run} command starts one for all its http forks)
     */
    @Override
    protected ModelOptions beforeTrial(Workload workload) {
        ConnectionLimits.check(workload.concurrency());
        String shared = System.getProperty(SERVER_PROPERTY, "");
        if (shared.isBlank()) {
            server = DelayServerProcess.start();
            address = server.address();
        } else {
            address = address(shared);
        }
        // one stats round trip while nothing runs: its first answer loads the server's JSON classes on one of
        // its loops (a stall of that loop's connections for as long), and this JVM's, outside the load
        stats(false);
        return ModelOptions.defaults().withIo(IoOptions.none().withServer(address));
    }

    /** {@return {@code hostPort} ({@code host:port}) as an address} @throws IllegalArgumentException if it is not one */
    static InetSocketAddress address(String hostPort) {
        return HostPort.parse(hostPort).orElseThrow(() -> new IllegalArgumentException(
                SERVER_PROPERTY + ": " + hostPort + " (expected: host:port, e.g. 127.0.0.1:8080)"));
    }

    /** Starts the server's figures afresh: its answers during the warm-up are not the measured window's. */
    @Override
    protected void measurementBegins() {
        stats(true);
    }

    /** Reads the server's figures since the measurement began; the last measured iteration's reading is the trial's. */
    @Override
    protected void measuredIterationEnded() {
        measured = stats(false);
    }

    private ServerStats stats(boolean reset) {
        return StatsClient.fetchOrFail(address, reset);
    }

    @Override
    protected ServerStats serverStats() {
        return measured;
    }

    @Override
    protected void afterTrial() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** One slice of the running load: sleeps, then counts what finished (see {@link WorkloadBenchmark}). */
    @Benchmark
    public long run(TaskCounters counters) {
        return slice(counters);
    }
}
