package dev.crossover.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static dev.crossover.processes.Orphans.GONE_WITHIN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.ModelOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pool whose workers cannot start fails with one clear error and leaves nothing running. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerStartTest {

    @Test
    void namesAJavaLauncherThatCannotStart() throws InterruptedException {
        WorkerCommand command = WorkerCommand.current().withJava("/nonexistent/bin/java");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(command));

        assertTrue(e.getMessage().startsWith("worker 0: java launcher /nonexistent/bin/java could not start: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(expected: an executable java launcher, version 21 or later)"), e.getMessage());
        assertNoChildLeft();
    }

    @Test
    void namesAClassPathWithoutTheWorker() throws InterruptedException {
        WorkerCommand command = WorkerCommand.current().withClassPath("/nonexistent/classes");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(command));

        assertTrue(e.getMessage().contains("exited with status 1 before its hello"), e.getMessage());
        assertTrue(e.getMessage().contains("Could not find or load main class " + WorkerMain.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("-cp /nonexistent/classes"), e.getMessage());
        assertNoChildLeft();
    }

    @Test
    void namesAJvmFlagThatStopsTheWorker() throws InterruptedException {
        List<String> flags = new ArrayList<>(WorkerCommand.DEFAULT_JVM_ARGS);
        flags.add("-XX:+NoSuchFlagAnywhere");
        WorkerCommand command = WorkerCommand.current().withJvmArgs(flags);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(command));

        assertTrue(e.getMessage().contains("before its hello"), e.getMessage());
        assertTrue(e.getMessage().contains("Unrecognized VM option 'NoSuchFlagAnywhere'"), e.getMessage());
        assertNoChildLeft();
    }

    @Test
    void measuresTheTimeToAReadyPool() {
        try (ProcessesModel model = new ProcessesModel(WorkerMode.SERIAL, ModelOptions.defaults().withWorkers(2),
                WorkerCommand.current())) {
            assertTrue(model.startupNanos() > 0, "start-up time measured");
            assertEquals(2, model.workerPids().size(), "workers");
        }
    }

    private static void start(WorkerCommand command) {
        new ProcessesModel(WorkerMode.SERIAL, ModelOptions.defaults().withWorkers(2), command).close();
    }

    private static void assertNoChildLeft() throws InterruptedException {
        List<Long> children = ProcessHandle.current().children().map(ProcessHandle::pid).toList();
        for (long pid : children) {
            assertTrue(Orphans.awaitGone(pid, GONE_WITHIN), "child " + pid + " left running");
        }
    }
}
