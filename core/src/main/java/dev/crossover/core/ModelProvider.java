package dev.crossover.core;

/**
 * Makes one kind of {@link ConcurrencyModel}; found by {@link java.util.ServiceLoader}, so a
 * module adds a model by listing its provider in
 * {@code META-INF/services/dev.crossover.core.ModelProvider}.
 */
public interface ModelProvider {

    /** {@return the model's id, as the command line, JMH params and reports spell it} */
    String id();

    /** {@return one line on what the model is and the everyday system it stands for} */
    String description();

    /** {@return the defaults it uses, e.g. {@code "threads=200"}; empty if none} */
    default String defaults(ModelOptions options) {
        return "";
    }

    /**
     * {@return the most tasks the model runs at once with these options, waiting or computing}:
     * a fixed pool's threads, a fork/join pool's parallelism, a serial worker pool's workers;
     * {@link Integer#MAX_VALUE} (the default) when only the concurrency limits it. A sweep uses it
     * to leave out points whose C tasks in flight such a model would take too long to drain.
     */
    default int parallelism(ModelOptions options) {
        return Integer.MAX_VALUE;
    }

    /**
     * {@return the most tasks in flight a benchmark sweep gives the model in one point}; the
     * default {@link Integer#MAX_VALUE} is no limit. A model whose set-up of C tasks in flight
     * would take longer than a point's budget says so here, and the sweep lists the points it
     * leaves out, with the reason.
     */
    default int sweepConcurrency(ModelOptions options) {
        return Integer.MAX_VALUE;
    }

    /**
     * {@return the platform threads (each an OS thread, a pid and a stack mapping) the model starts
     * per waiting task}; 0, the default, when its threads do not grow with the tasks. The
     * {@code footprint} command refuses a task count whose threads the platform's limits cannot hold.
     */
    default int threadsPerTask(ModelOptions options) {
        return 0;
    }

    /**
     * {@return why the model cannot run on this machine, or empty if it can} (a native transport whose
     * library does not load, say); a model that cannot run is listed with the reason, never replaced
     */
    default java.util.Optional<String> unavailable() {
        return java.util.Optional.empty();
    }

    /** {@return a new, ready model} */
    ConcurrencyModel create(ModelOptions options);
}
