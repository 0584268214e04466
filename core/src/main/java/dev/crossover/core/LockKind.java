package dev.crossover.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a thread model guards the {@code shared} workload's accounts ({@code --lock}). */
public enum LockKind {
    /** One monitor for every account. */
    SYNCHRONIZED("synchronized"),
    /** One {@link java.util.concurrent.locks.ReentrantLock} for every account. */
    REENTRANT("reentrant"),
    /** One {@link java.util.concurrent.locks.StampedLock}'s write lock for every account. */
    STAMPED("stamped"),
    /** One lock per account, both taken in ascending account order, so transfers cannot deadlock. */
    STRIPED("striped"),
    /** No lock at all: a demonstration of lost updates, never judged beside the others. */
    NONE("none");

    private final String id;

    LockKind(String id) {
        this.id = id;
    }

    /** {@return the id the command line and results use} */
    public String id() {
        return id;
    }

    /** {@return the lock kind with this id} @throws IllegalArgumentException if there is none */
    public static LockKind byId(String id) {
        for (LockKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("lock: " + id + " (expected: one of "
                + Arrays.stream(values()).map(LockKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
