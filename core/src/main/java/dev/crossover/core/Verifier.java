package dev.crossover.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The two ways a trial's results are checked against the reference; see {@link Verification}. */
final class Verifier {
    private Verifier() {
    }

    /** Recomputes every index that ran, sequentially, and compares checksums. */
    static Verification full(Workload workload, ClosedLoop.Indices ran, long count, long checksum, List<String> violations) {
        Checksum reference = new Checksum();
        ran.forEach(index -> {
            TaskSpec spec = workload.task(index);
            if (!spec.injectsFailure()) {
                reference.add(index, spec.compute());
            }
        });
        boolean same = reference.value() == checksum;
        String detail = !violations.isEmpty() ? String.join("; ", violations)
                : same ? "ok" : "checksum " + Long.toHexString(checksum) + " (expected: " + Long.toHexString(reference.value())
                        + ", the reference over the " + count + " indices that ran)";
        return new Verification("full", count, same && violations.isEmpty(), detail, violations);
    }

    /**
     * Checks the seeded sample: every sampled index that ran and should complete completed exactly
     * once with the reference result, and nothing else was sampled.
     */
    static Verification sample(Workload workload, ClosedLoop.Indices ran, Books books, List<String> violations) {
        Map<Integer, Long> results = new HashMap<>();
        int duplicates = 0;
        for (long[] sample : books.samples()) {
            if (results.put((int) sample[0], sample[1]) != null) {
                duplicates++;
            }
        }
        int[] missing = {0};
        int[] wrong = {0};
        int[] checked = {0};
        ran.forEach(index -> {
            if (!books.sampled(index)) {
                return;
            }
            TaskSpec spec = workload.task(index);
            if (spec.injectsFailure()) {
                return;
            }
            checked[0]++;
            Long result = results.remove(index);
            if (result == null) {
                missing[0]++;
            } else if (result != spec.compute()) {
                wrong[0]++;
            }
        });
        int extra = results.size();
        boolean ok = duplicates == 0 && missing[0] == 0 && wrong[0] == 0 && extra == 0 && violations.isEmpty();
        String detail = !violations.isEmpty() ? String.join("; ", violations) : ok ? "ok"
                : "sampled tasks: " + wrong[0] + " wrong results, " + missing[0] + " without a result, " + duplicates
                        + " completed twice, " + extra + " that never ran (expected: none)";
        return new Verification("sample", checked[0], ok, detail, violations);
    }
}
