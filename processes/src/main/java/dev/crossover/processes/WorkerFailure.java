package dev.crossover.processes;

/**
 * Why a task failed when its worker, not the task, broke down: the worker died (killed, out of
 * memory, {@code System.exit}), stayed silent past the task timeout, or sent a malformed frame.
 */
final class WorkerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkerFailure(String message) {
        super(message, null, false, false);
    }
}
