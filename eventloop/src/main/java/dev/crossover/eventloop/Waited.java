package dev.crossover.eventloop;

import java.util.List;

/**
 * What {@link Async#wait} returns: the tasks done and those still pending when it returned, each in
 * argument order (asyncio returns two sets; lists keep the order deterministic).
 *
 * @param done    the tasks that had ended
 * @param pending the tasks that had not; {@code wait} cancels none of them
 * @param <T>     the type of the tasks' values
 */
public record Waited<T>(List<Task<T>> done, List<Task<T>> pending) {
    public Waited {
        done = List.copyOf(done);
        pending = List.copyOf(pending);
    }
}
