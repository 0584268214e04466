package dev.crossover.reports.history;

import dev.crossover.reports.compare.RunEnvironment;
import dev.crossover.reports.jmh.JmhResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run kept in a history directory.
 *
 * @param dir           its directory inside the history
 * @param commit        the commit it measured, {@code "unknown"} when nobody said
 * @param date          when it ran (its environment's start, or the date given to {@code history add})
 * @param dirty         whether the tree had changes beside the commit, null when unknown
 * @param environment   its environment.json, empty for a plain JMH file
 * @param methodVersion how its numbers were measured ({@link dev.crossover.reports.compare.Side#methodVersion})
 * @param results       its JMH results
 */
public record HistoryRun(Path dir, String commit, Instant date, Boolean dirty, Optional<RunEnvironment> environment,
                         String methodVersion, List<JmhResult> results) {
    public HistoryRun {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(methodVersion, "methodVersion");
        results = List.copyOf(results);
    }

    /** {@return the commit shortened to 12 characters, as tables show it} */
    public String shortCommit() {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    /** {@return the environment fields that differ from {@code earlier}'s, as {@code "jdkVersion 25 -> 26"}} */
    public List<String> differencesFrom(HistoryRun earlier) {
        if (environment.isEmpty() || earlier.environment.isEmpty()) {
            return List.of();
        }
        return earlier.environment.get().differences(environment.get());
    }
}
