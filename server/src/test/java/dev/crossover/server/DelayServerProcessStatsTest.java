package dev.crossover.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.http.BlockingClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The handle of a server in its own JVM reads and resets that server's figures over HTTP. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DelayServerProcessStatsTest {
    @Test
    void fetchesAndResetsTheServersFigures() throws Exception {
        try (DelayServerProcess server = DelayServerProcess.start();
             BlockingClient client = new BlockingClient(server.address())) {
            server.resetStats();  // start() asked for an answer until one came: those are not this test's
            for (int i = 0; i < 7; i++) {
                client.get(TimeUnit.MILLISECONDS.toNanos(1), 16, i, Duration.ofSeconds(20));
            }
            assertEquals(7, server.stats().answered());
            assertEquals(7, server.resetStats().answered());
            assertEquals(0, server.stats().answered());
        }
    }

    @Test
    void aWarmUpAnswersRequestsThenStartsTheFiguresAfresh() throws Exception {
        try (DelayServerProcess server = DelayServerProcess.start()) {
            long warmed = server.warm(Duration.ofMillis(300), 4);
            assertTrue(warmed > 0, "answered during the warm-up: " + warmed);
            assertEquals(0, server.stats().answered(), "the warm-up's answers are nobody's");
            assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("delay-server-warm-up-")).count(), "its clients are gone");
        }
    }
}
