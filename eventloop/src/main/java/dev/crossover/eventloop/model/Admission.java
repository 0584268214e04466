package dev.crossover.eventloop.model;

import dev.crossover.core.RunRecorder;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import java.util.Objects;

/**
 * The admission control of one run on a loop thread, shared by the loop models ({@code eventloop},
 * {@code eventloop-offload}, {@code netty}) so that they admit alike: at most {@code concurrency}
 * tasks in flight, the next one admitted as soon as one finishes, every admission and outcome
 * written to the run's {@link RunRecorder}.
 *
 * <p>A counter rather than a semaphore: with every task spawned up front a semaphore would hold
 * {@code tasks} waiters; the counter admits exactly when a place frees.
 *
 * <h2>Threading</h2>
 * Confined to the loop thread: every method is called there, so the counters need no
 * synchronisation.
 */
public final class Admission {
    /** Starts an admitted task, which must end in a later loop turn with {@link #complete} or {@link #fail}. */
    @FunctionalInterface
    public interface Starter {
        /** Starts {@code spec}, admitted at {@code admittedNanos}. */
        void start(TaskSpec spec, long admittedNanos);
    }

    private final RunRecorder recorder;
    private final Workload workload;
    private final Starter starter;
    private final Runnable allDone;
    private int next;
    private int inFlight;
    private int finished;

    /**
     * Admits the tasks of {@code recorder}'s workload to {@code starter}, and runs {@code allDone}
     * once the last one has finished.
     */
    public Admission(RunRecorder recorder, Starter starter, Runnable allDone) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.workload = recorder.workload();
        this.starter = Objects.requireNonNull(starter, "starter");
        this.allDone = Objects.requireNonNull(allDone, "allDone");
    }

    /** Fills the free places. A started task ends in a later turn, so this does not recurse. */
    public void fill() {
        while (inFlight < workload.concurrency() && next < workload.tasks()) {
            TaskSpec spec = workload.task(next++);
            inFlight++;
            starter.start(spec, recorder.admit(spec));
        }
    }

    /** Records that {@code spec} completed with {@code result}, and admits the next task. */
    public void complete(TaskSpec spec, long result, long admittedNanos) {
        recorder.complete(spec, result, admittedNanos);
        freed();
    }

    /** Records that {@code spec} failed with {@code cause}, and admits the next task. */
    public void fail(TaskSpec spec, Throwable cause, long admittedNanos) {
        recorder.fail(spec, cause, admittedNanos);
        freed();
    }

    private void freed() {
        inFlight--;
        if (++finished == workload.tasks()) {
            allDone.run();
        } else {
            fill();
        }
    }
}
