package dev.crossover.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static dev.crossover.processes.Orphans.GONE_WITHIN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** No orphans: a parent JVM killed with SIGKILL takes its busy workers with it, within 2 s. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrphanTest {

    @ParameterizedTest
    @EnumSource(WorkerMode.class)
    void workersExitWhenTheirParentIsKilled(WorkerMode mode) throws Exception {
        WorkerCommand self = WorkerCommand.current();
        Process parent = new ProcessBuilder(self.java(), "-cp", self.classPath(), OrphanParent.class.getName(), mode.name())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Long> workers = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("workers "), "the parent reports its workers: " + line);
            Arrays.stream(line.substring("workers ".length()).split(" ")).map(Long::valueOf).forEach(workers::add);
            assertEquals(2, workers.size(), "workers");
            for (long pid : workers) {
                assertTrue(Orphans.running(pid), "worker " + pid + " runs before the parent dies");
            }

            parent.destroyForcibly();  // SIGKILL: no shutdown hook, no close()
            assertTrue(parent.waitFor(10, TimeUnit.SECONDS), "the parent died");

            for (long pid : workers) {
                assertTrue(Orphans.awaitGone(pid, GONE_WITHIN), "worker " + pid + " still running " + GONE_WITHIN + " after its parent died");
            }
        } finally {
            parent.destroyForcibly();
            workers.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }
}
