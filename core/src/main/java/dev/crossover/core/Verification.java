package dev.crossover.core;

import java.util.List;
import java.util.Objects;

/**
 * How a run proved its work: each submitted task got exactly one outcome, and the completed
 * tasks' results are the reference's for exactly the indices that ran, checked in full (the
 * checksum over every index, recomputed sequentially) or, where that would cost more than the run
 * itself could bear, on a seeded sample of one index in 64 (each sampled index completed once
 * with the reference result).
 *
 * @param method     {@code "full"} or {@code "sample"}
 * @param checked    how many tasks the check recomputed
 * @param passed     whether every check held
 * @param detail     what failed, or {@code "ok"}
 * @param violations outcomes a model reported twice, or tasks left without one
 */
public record Verification(String method, long checked, boolean passed, String detail, List<String> violations) {

    public Verification {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(detail, "detail");
        violations = List.copyOf(violations);
    }

    /** {@return one line: the method, what it checked, and the outcome} */
    public String describe() {
        return method + " check of " + checked + " tasks: " + (passed ? "ok" : detail);
    }
}
