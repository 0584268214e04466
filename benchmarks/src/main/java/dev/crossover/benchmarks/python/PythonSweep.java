package dev.crossover.benchmarks.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the reference's sweep of one profile ({@code python -m crossover_py sweep}) into a run
 * directory: {@code results.json} (JMH-shaped), {@code environment.json}, {@code failures.json},
 * {@code points/*.json}.
 *
 * <h2>Threading</h2>
 * {@link #run} blocks its caller until the interpreter exits; its progress lines go to
 * {@code progress} as they come. If the caller is interrupted, or the sweep outlasts
 * {@link #TIMEOUT_MINUTES}, the interpreter and every process it started are killed.
 */
public final class PythonSweep {
    /** The longest a sweep may take (the full profile takes about an hour on two cores). */
    static final long TIMEOUT_MINUTES = 240;

    private PythonSweep() {
    }

    /**
     * {@return the interpreter's exit code}: 0 when every point ran and passed its check, 1 when one failed
     *
     * @param python   the interpreter
     * @param profile  smoke, quick or full
     * @param out      the run directory to write
     * @param include  a regular expression the points' ids must match ({@code SleepBenchmark.run@concurrency=100,...}), or null for all
     * @param progress hears the sweep's progress lines
     * @throws UncheckedIOException if the interpreter cannot be started or the package unpacked
     */
    public static int run(PythonRuntime python, String profile, Path out, String include, Consumer<String> progress) {
        List<String> command = new java.util.ArrayList<>(List.of(python.executable().toString(), "-m", "crossover_py",
                "sweep", "--profile", profile, "--out", out.toAbsolutePath().toString()));
        if (include != null) {
            command.addAll(List.of("--include", include));
        }
        try (PythonPackage pkg = PythonPackage.unpack()) {
            ProcessBuilder pb = pkg.environment(new ProcessBuilder(command))
                    .directory(pkg.root().toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            try {
                p.getOutputStream().close();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (!line.endsWith("results.json")) {  // the last line names the file; the caller says where it is
                            progress.accept(line);
                        }
                    }
                }
                if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    progress.accept("crossover python: the sweep did not end within " + TIMEOUT_MINUTES + " minutes: stopped");
                    return 1;
                }
                return p.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                try {
                    p.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("python: " + python.executable() + ": " + e.getMessage(), e);
        }
    }
}
