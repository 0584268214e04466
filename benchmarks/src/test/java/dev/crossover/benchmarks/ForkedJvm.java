package dev.crossover.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a JVM of its own, started as this module starts JVMs: this JVM's
 * {@code java}, its class path and {@link JvmFlags#forThisJdk()}. Tests that run JMH in-process
 * use it, because JMH's host side calls {@code sun.misc.Unsafe}, which JDK 24+ warns about unless
 * the JVM was started with a flag that JDK 21 refuses; the test JVM itself cannot know at build time
 * which JDK the toolchain picked, so it is started without it.
 *
 * <h2>Threading</h2>
 * {@link #run} blocks its caller until the JVM exits or the timeout passes; then it kills the JVM
 * and every process it started, and fails.
 */
public final class ForkedJvm {
    /**
     * What the JVM did.
     *
     * @param exitCode its exit code
     * @param out      what it printed on standard output
     * @param err      what it printed on standard error
     */
    public record Result(int exitCode, String out, String err) {
    }

    private ForkedJvm() {
    }

    /**
     * {@return what {@code main} did with {@code args}}, run with {@code jvmArgs} after the module's
     * flags, its output kept in files under {@code dir} (never on this JVM's console)
     *
     * @throws AssertionError if it did not exit within {@code timeout}
     */
    public static Result run(Path dir, Duration timeout, List<String> jvmArgs, Class<?> main, String... args)
            throws IOException, InterruptedException {
        return run(dir, timeout, jvmArgs, java.util.Map.of(), main, args);
    }

    /** {@return what {@code main} did}, as {@link #run(Path, Duration, List, Class, String...)}, with {@code env} set in its environment */
    public static Result run(Path dir, Duration timeout, List<String> jvmArgs, java.util.Map<String, String> env,
                             Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(JvmFlags.thisJava().toString());
        command.addAll(JvmFlags.forThisJdk());
        command.add("-Xmx512m");
        command.add("-Djmh.ignoreLock=true");  // a test checks behaviour, not timing: another benchmark may run
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "jvm", ".out");
        Path err = Files.createTempFile(dir, "jvm", ".err");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(main.getSimpleName() + " did not exit within " + timeout + "; stdout: "
                        + Files.readString(out) + " stderr: " + Files.readString(err));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
