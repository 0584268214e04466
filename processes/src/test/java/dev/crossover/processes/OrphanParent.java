package dev.crossover.processes;

import dev.crossover.core.Driver;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A parent JVM for {@link OrphanTest}: starts a pool of two workers, keeps them busy with long
 * waits, prints {@code workers <pid> <pid>} and waits to be killed (exiting by itself after a minute).
 */
public final class OrphanParent {
    private OrphanParent() {
    }

    public static void main(String[] args) throws InterruptedException {
        WorkerMode mode = WorkerMode.valueOf(args[0]);
        ProcessesModel model = new ProcessesModel(mode, ModelOptions.defaults().withWorkers(2), WorkerCommand.current());
        Thread run = new Thread(() -> Driver.run(model, Workload.builder(WorkloadKind.SLEEP).tasks(4).concurrency(4)
                .io(Duration.ofSeconds(50)).build()));
        run.setDaemon(true);
        run.start();
        while (model.pool().heldBy(0) < 1 || model.pool().heldBy(1) < 1) {
            Thread.sleep(5);  // both workers mid-task
        }
        System.out.println("workers " + model.workerPids().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(60_000);
        model.close();
    }
}
