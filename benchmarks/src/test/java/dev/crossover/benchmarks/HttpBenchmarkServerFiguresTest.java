package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossover.core.ModelOptions;
import dev.crossover.core.Workload;
import dev.crossover.core.http.BlockingClient;
import dev.crossover.server.DelayServerProcess;
import dev.crossover.server.ServerStats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HttpBenchmark's hooks on its delay server: what it answered before the measurement began (the
 * warm-up) is left out, and the last measured iteration's reading is the trial's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpBenchmarkServerFiguresTest {
    @Test
    void theServersFiguresCoverTheMeasuredWindowOnly() throws Exception {
        HttpBenchmark benchmark = new HttpBenchmark();
        benchmark.concurrency = 4;
        benchmark.ioMillis = 1;
        benchmark.bytes = 16;
        Workload workload = benchmark.workload().build();
        assertNull(benchmark.serverStats(), "nothing before the trial");
        ModelOptions options = benchmark.beforeTrial(workload);
        try (BlockingClient client = new BlockingClient(options.io().server().orElseThrow())) {
            get(client, 5);  // the warm-up
            benchmark.measurementBegins();
            get(client, 3);
            benchmark.measuredIterationEnded();
            assertEquals(3, benchmark.serverStats().answered(), "the warm-up's answers are not the window's");
            get(client, 4);
            benchmark.measuredIterationEnded();
            ServerStats trial = benchmark.serverStats();
            assertEquals(7, trial.answered(), "the last reading covers the whole measured window");
            get(client, 2);
            assertEquals(7, benchmark.serverStats().answered(), "what ran after the last measured iteration is not");
        } finally {
            benchmark.afterTrial();
        }
    }

    @Test
    void aServerTheSweepRunsIsUsedAndLeftRunning() throws Exception {
        try (DelayServerProcess shared = DelayServerProcess.start()) {
            String address = shared.address().getHostString() + ":" + shared.address().getPort();
            System.setProperty(HttpBenchmark.SERVER_PROPERTY, address);
            HttpBenchmark benchmark = new HttpBenchmark();
            benchmark.concurrency = 2;
            benchmark.ioMillis = 1;
            benchmark.bytes = 8;
            try {
                ModelOptions options = benchmark.beforeTrial(benchmark.workload().build());
                assertEquals(shared.address(), options.io().server().orElseThrow(), "the named server, none of its own");
                try (BlockingClient client = new BlockingClient(shared.address())) {
                    benchmark.measurementBegins();
                    get(client, 2);
                    benchmark.measuredIterationEnded();
                    assertEquals(2, benchmark.serverStats().answered());
                }
            } finally {
                benchmark.afterTrial();
                System.clearProperty(HttpBenchmark.SERVER_PROPERTY);
            }
            assertEquals(2, shared.resetStats().answered(), "still running after the trial: it answers, and counted the window");
        }
    }

    @Test
    void aServerAddressThatIsNotHostAndPortIsRefusedByName() {
        assertEquals(new java.net.InetSocketAddress("127.0.0.1", 8080), HttpBenchmark.address("127.0.0.1:8080"));
        for (String bad : List.of("127.0.0.1", ":80", "host:0", "host:70000", "host:x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpBenchmark.address(bad));
            assertEquals(HttpBenchmark.SERVER_PROPERTY + ": " + bad + " (expected: host:port, e.g. 127.0.0.1:8080)",
                    e.getMessage());
        }
    }

    private static void get(BlockingClient client, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            client.get(TimeUnit.MILLISECONDS.toNanos(1), 16, i, Duration.ofSeconds(20));
        }
    }
}
