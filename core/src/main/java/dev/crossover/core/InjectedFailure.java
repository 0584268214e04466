package dev.crossover.core;

/** The failure a task spec asks for ({@code --fail-rate}); models let it propagate like any task failure. */
public final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InjectedFailure(String message) {
        super(message, null, false, false);
    }
}
