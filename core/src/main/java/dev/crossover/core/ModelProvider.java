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

    /** {@return a new, ready model} */
    ConcurrencyModel create(ModelOptions options);
}
