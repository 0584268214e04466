package dev.crossover.processes;

/** How a worker JVM runs the tasks it is sent; each mode is one model. */
enum WorkerMode {
    /** One task at a time on one thread, the next ones waiting in line: {@code multiprocessing.Pool}. */
    SERIAL("processes"),
    /** Every task on the worker's event loop, so one worker holds many waiting tasks: gunicorn with async workers. */
    EVENT_LOOP("processes-eventloop");

    private final String modelId;

    WorkerMode(String modelId) {
        this.modelId = modelId;
    }

    /** {@return the id of the model whose workers run in this mode} */
    String modelId() {
        return modelId;
    }
}
