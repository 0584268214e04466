package dev.crossover.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every model does with real I/O: {@code http} tasks against a running delay server reach
 * the reference checksum (so the bytes really arrived intact), a refused request fails its task
 * with the cause, and {@code file} tasks leave nothing behind. One small subclass per model
 * supplies the model and the server.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class RealIoContract {
    @TempDir
    Path directory;

    /** {@return a new model whose real I/O goes where {@code io} says} */
    protected abstract ConcurrencyModel newModel(IoOptions io);

    /** {@return the address of a delay server that runs for the whole test class} */
    protected abstract InetSocketAddress server();

    /** {@return whether the model runs {@code file} tasks} */
    protected boolean supportsFile() {
        return true;
    }

    static Workload http(int tasks, int concurrency, int bytes) {
        return Workload.builder(WorkloadKind.HTTP).seed(11).tasks(tasks).concurrency(concurrency)
                .io(Duration.ofMillis(2)).cpuUnits(50).bytes(bytes).build();
    }

    @Test
    void httpTasksReachTheReferenceChecksum() {
        Workload workload = http(400, 40, 700);
        try (ConcurrencyModel model = newModel(IoOptions.none().withServer(server()))) {
            RunResult result = Driver.run(model, workload);

            assertEquals(Map0.of(), result.failureCauses(), "no failures");
            assertEquals(workload.tasks(), result.completed());
            assertEquals(workload.referenceChecksum(), result.checksum(), "every body arrived intact");
            assertEquals(workload.tasks(), result.latenessNanos().getTotalCount(), "every request reports its wait");
            assertFalse(model.mechanism(WorkloadKind.HTTP).isEmpty(), "the model names its client");
        }
    }

    @Test
    void injectedFailuresFailTheSameTasksAfterTheirRequest() {
        Workload workload = Workload.builder(WorkloadKind.HTTP).seed(3).tasks(200).concurrency(20)
                .io(Duration.ofMillis(2)).failRate(0.1).build();
        try (ConcurrencyModel model = newModel(IoOptions.none().withServer(server()))) {
            RunResult result = Driver.run(model, workload);

            assertEquals(workload.expectedFailures(), result.failed());
            assertEquals(workload.referenceChecksum(), result.checksum());
        }
    }

    @Test
    void aRefusedRequestFailsItsTaskWithTheCause() throws IOException {
        InetSocketAddress nobody;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
        }
        Workload workload = http(20, 5, 10);
        try (ConcurrencyModel model = newModel(IoOptions.none().withServer(nobody)
                .withRequestTimeout(Duration.ofSeconds(20)))) {
            RunResult result = Driver.run(model, workload);

            assertEquals(workload.tasks(), result.failed(), "every task failed");
            assertTrue(result.failureCauses().keySet().stream().allMatch(cause -> cause.contains("onnect")),
                    "refused, with the cause: " + result.failureCauses());
        }
    }

    @Test
    void fileTasksReadBackWhatTheyWroteAndLeaveNothing() throws IOException {
        if (!supportsFile()) {
            return;
        }
        Workload workload = Workload.builder(WorkloadKind.FILE).seed(5).tasks(60).concurrency(6).io(Duration.ZERO)
                .bytes(20_000).build();
        try (ConcurrencyModel model = newModel(IoOptions.none().withDirectory(directory))) {
            RunResult result = Driver.run(model, workload);

            assertEquals(Map0.of(), result.failureCauses(), "no failures");
            assertEquals(workload.referenceChecksum(), result.checksum(), "every file read back intact");
            assertFalse(model.mechanism(WorkloadKind.FILE).isEmpty(), "the model names its mechanism");
        }
        try (Stream<Path> left = Files.list(directory)) {
            assertEquals(0, left.count(), "each task deletes its file");
        }
    }

    /** Map.of, spelled so a failed assertion prints the causes. */
    private static final class Map0 {
        static java.util.Map<String, Integer> of() {
            return java.util.Map.of();
        }
    }
}
