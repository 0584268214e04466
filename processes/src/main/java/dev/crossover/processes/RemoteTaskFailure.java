package dev.crossover.processes;

/** A task's own exception, thrown in a worker JVM and reported back by its type name and message. */
final class RemoteTaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RemoteTaskFailure(String type, String message) {
        super(type + ": " + message, null, false, false);
    }
}
