package dev.crossover.benchmarks.python;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python interpreter that can run the reference: {@code python3} on the {@code PATH}, or one
 * named explicitly, whose version is at least {@value #MIN_MAJOR}.{@value #MIN_MINOR}.
 *
 * @param executable the interpreter
 * @param version    what it says its version is, such as {@code 3.11.7}
 */
public record PythonRuntime(Path executable, String version) {
    /** The oldest Python the package runs on: {@code asyncio.TaskGroup} and {@code asyncio.Runner} are 3.11's. */
    public static final int MIN_MAJOR = 3;
    /** See {@link #MIN_MAJOR}. */
    public static final int MIN_MINOR = 11;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\S+)");

    /**
     * What looking for a Python found.
     *
     * @param runtime the interpreter, when a usable one was found
     * @param words   one line on what was found or why none is used, such as
     *                "python: /usr/bin/python3 (Python 3.11.7)" or "python: none (no python3 on the PATH; expected: a Python >= " + MIN_MAJOR + "." + MIN_MINOR + ", or --python PATH)"
     */
    public record Found(Optional<PythonRuntime> runtime, String words) {
    }

    /**
     * {@return the Python to use}: {@code explicit} when given, else {@code python3} on {@code path}
     *
     * @param explicit an interpreter named on the command line, or null
     * @param path     the {@code PATH} to search (entries separated by {@link File#pathSeparator}), or null
     */
    public static Found find(Path explicit, String path) {
        Path candidate = explicit != null ? explicit : onPath("python3", path);
        if (candidate == null) {
            return new Found(Optional.empty(), "python: none (no python3 on the PATH; expected: a Python >= " + MIN_MAJOR + "." + MIN_MINOR + ", or --python PATH)");
        }
        String version;
        try {
            version = version(candidate);
        } catch (IOException e) {
            return new Found(Optional.empty(), "python: " + candidate + " does not run (" + e.getMessage() + ")");
        }
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return new Found(Optional.empty(), "python: " + candidate + " says its version is \"" + version
                    + "\" (expected: MAJOR.MINOR.MICRO)");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < MIN_MAJOR || major == MIN_MAJOR && minor < MIN_MINOR) {
            return new Found(Optional.empty(), "python: " + candidate + " is Python " + version + " (expected: >= "
                    + MIN_MAJOR + "." + MIN_MINOR + ")");
        }
        return new Found(Optional.of(new PythonRuntime(candidate, version)), "python: " + candidate + " (Python "
                + version + ")");
    }

    /** {@return the first executable {@code name} on {@code path}, or null} */
    static Path onPath(String name, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String version(Path python) throws IOException {
        Process p = new ProcessBuilder(python.toString(), "-c", "import platform; print(platform.python_version())")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException("no answer within 30 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new IOException("exit code " + p.exitValue() + ": " + out.lines().reduce((a, b) -> b).orElse(""));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            p.destroyForcibly();
        }
    }
}
