package dev.crossover.eventloop.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.crossover.core.Driver;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.eventloop.CapturedLog;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whatever a task's work throws fails that task and the run ends: an Error escaping into Netty's
 * loop would be only logged (or kept in a timer's future), leaving the task unfinished and the
 * driver waiting for ever. Netty's report of the rethrown Error goes to a captured log, not the console.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NettyFailureTest {
    /** Where Netty's {@code safeExecute} logs what a task handed to {@code execute()} threw. */
    private static final String NETTY_TASK_LOG = "io.netty.util.concurrent.AbstractEventExecutor";

    /** CPU: the work runs in the task handed to execute() that starts it; MIXED: in a timer's task. */
    @ParameterizedTest
    @EnumSource(value = WorkloadKind.class, names = {"CPU", "MIXED"})
    void anErrorThrownByATasksWorkFailsThatTaskAndTheRunEnds(WorkloadKind kind) {
        StackOverflowError deep = new StackOverflowError("deep");
        Workload workload = Workload.builder(kind).tasks(20).concurrency(4)
                .io(Duration.ofMillis(kind.waits() ? 1 : 0)).cpuUnits(10).build();
        try (CapturedLog log = CapturedLog.of(NETTY_TASK_LOG);
             NettyModel model = new NettyModel(spec -> {
                 if (spec.index() == 3) {
                     throw deep;
                 }
                 return spec.compute();
             })) {
            RunResult result = Driver.run(model, workload);

            assertEquals(1, result.failed(), "failed");
            assertEquals(19, result.completed(), "completed");
            assertEquals(Map.of("StackOverflowError: deep", 1), result.failureCauses(), "causes");
            List<LogRecord> reported = log.records();
            if (kind == WorkloadKind.CPU) {
                assertEquals(1, reported.size(), "Netty's reports of the rethrown Error");
                assertSame(deep, reported.get(0).getThrown());
            } else {
                assertEquals(List.of(), reported, "a timer keeps what it threw in its future");
            }
        }
    }

    @Test
    void aCheckedExceptionThrownSneakilyByATasksWorkFailsThatTask() {
        IOException io = new IOException("disk gone");
        Workload workload = Workload.builder(WorkloadKind.MIXED).tasks(20).concurrency(4)
                .io(Duration.ofMillis(1)).cpuUnits(10).build();
        try (NettyModel model = new NettyModel(spec -> spec.index() == 3 ? sneaky(io) : spec.compute())) {
            RunResult result = Driver.run(model, workload);

            assertEquals(1, result.failed(), "failed");
            assertEquals(19, result.completed(), "completed");
            assertEquals(Map.of("IOException: disk gone", 1), result.failureCauses(), "causes");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> long sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
