package dev.crossover.processes;

import java.util.List;

/** The part of a worker JVM that runs the tasks its reader thread decodes, and writes their replies. */
interface TaskRunner {

    /** Queues a batch of tasks, in the order they arrived; called by the worker's reader thread only. */
    void submit(List<Protocol.Task> batch);

    /** Called once stdin has ended, just before the worker halts; by default nothing. */
    default void stop() {
    }
}
