package dev.crossover.benchmarks.cli;

import dev.crossover.benchmarks.python.PythonRuntime;
import dev.crossover.benchmarks.python.PythonSweep;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code run} command's Python part: found (or not) before the JVM sweep, which it says in one
 * line, and run after it into {@code DIR/python}, so the report merges both and the Python
 * measurements never share the machine with the JVM's.
 *
 * <h2>Threading</h2>
 * Used by the command's thread only.
 */
final class PythonPart {
    /** Where the Python run directory goes inside the run's. */
    static final String DIRECTORY = "python";

    private final Optional<PythonRuntime> runtime;
    private final PrintStream progress;
    private boolean passed = true;

    private PythonPart(Optional<PythonRuntime> runtime, PrintStream progress) {
        this.runtime = runtime;
        this.progress = progress;
    }

    /** {@return the part}, after one line on {@code progress} saying whether the run includes Python and why */
    static PythonPart find(boolean skip, PrintStream progress) {
        if (skip) {
            progress.println("crossover run: python: skipped (--no-python); the JVM sweep runs alone");
            return new PythonPart(Optional.empty(), progress);
        }
        PythonRuntime.Found found = PythonRuntime.find(null, System.getenv("PATH"));
        progress.println(found.runtime().isPresent()
                ? "crossover run: " + found.words() + " runs the Python reference after the JVM sweep (--no-python to skip)"
                : "crossover run: " + found.words() + "; the JVM sweep runs alone");
        return new PythonPart(found.runtime(), progress);
    }

    /**
     * {@return the Python run's results.json}, after running the profile into {@code dir/python}; empty without
     * Python or results. {@code include} (run's {@code --include}, or null) picks the Python points as it picks the
     * JVM's; one that matches none of them skips the Python part, with the sweep's line saying so.
     */
    Optional<Path> run(String profile, Path dir, String include) {
        if (runtime.isEmpty()) {
            return Optional.empty();
        }
        Path out = dir.resolve(DIRECTORY);
        int code;
        try {
            code = PythonSweep.run(runtime.get(), profile, out, include, progress::println);
        } catch (UncheckedIOException e) {
            progress.println("crossover run: python: " + e.getMessage() + ": the report has the JVM's points only");
            passed = false;
            return Optional.empty();
        }
        Path results = out.resolve("results.json");
        if (code == 2 && include != null && !Files.isRegularFile(results)) {
            progress.println("crossover run: python: no Python point matches --include: the report has the JVM's points only");
            return Optional.empty();
        }
        passed = code == 0;
        if (code != 0) {
            progress.println("crossover run: python: the sweep ended with exit code " + code
                    + (Files.isRegularFile(results) ? "; its finished points are in the report" : "; no Python results"));
        }
        return Files.isRegularFile(results) ? Optional.of(results) : Optional.empty();
    }

    /** {@return the JVM's results and, when there are any, the Python run's} */
    List<Path> withResults(Path jvmResults, Optional<Path> pythonResults) {
        List<Path> files = new ArrayList<>(List.of(jvmResults));
        pythonResults.ifPresent(files::add);
        return files;
    }

    /** {@return false when the Python part ran and failed} */
    boolean passed() {
        return passed;
    }
}
