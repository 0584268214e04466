package dev.crossover.eventloop.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossover.core.Driver;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.ScheduledTaskCount;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the contract cannot see: the state of Netty's loop around a run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NettyLoopTest {

    @Test
    void failedFanoutLeavesNoScheduledTaskBehind() throws Exception {
        // Every task's wait 0 fails at io/2, while its 3 siblings are due at io: without
        // cancellation, 3 timers per task would still be queued when the run returns.
        Workload workload = Workload.builder(WorkloadKind.FANOUT).seed(5).tasks(40).concurrency(40).fanout(4)
                .io(Duration.ofSeconds(1)).failRate(1.0).build();
        try (NettyModel model = new NettyModel()) {
            RunResult result = Driver.run(model, workload);

            assertEquals(40, result.failed(), "failed");
            assertEquals(0, scheduledTasks(model), "scheduled tasks left on the loop");
        }
    }

    @Test
    void scheduledTaskCountSeesAPendingTimer() throws Exception {
        try (NettyModel model = new NettyModel()) {
            var timer = model.loop().schedule(() -> { }, 1, TimeUnit.HOURS);

            assertEquals(1, scheduledTasks(model), "one timer pending");
            timer.cancel(false);
        }
    }

    @Test
    void namesItsLoopThread() throws Exception {
        try (NettyModel model = new NettyModel()) {
            String name = model.loop().submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);

            assertEquals("crossover-netty-1", name);
        }
    }

    private static int scheduledTasks(NettyModel model) throws Exception {
        var loop = (AbstractScheduledEventExecutor) model.loop();
        return loop.submit(() -> ScheduledTaskCount.of(loop)).get(10, TimeUnit.SECONDS);
    }
}
