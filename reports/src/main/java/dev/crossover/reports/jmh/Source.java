package dev.crossover.reports.jmh;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One result file and what is known about the run that wrote it.
 *
 * @param file        the JMH JSON file
 * @param label       a short name that tells this run from the others in the same report
 * @param environment the run's environment.json fields, in file order (empty when there is none),
 *                    plus what the JMH file itself says (JMH and JDK version, VM) when absent there
 */
public record Source(Path file, String label, Map<String, String> environment) {
    public Source {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(label, "label");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** {@return the environment field, or null} */
    public String get(String key) {
        return environment.get(key);
    }

    /** {@return this source with another label} */
    public Source withLabel(String newLabel) {
        return new Source(file, newLabel, environment);
    }
}
