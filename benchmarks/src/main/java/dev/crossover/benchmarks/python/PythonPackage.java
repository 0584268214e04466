package dev.crossover.benchmarks.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code crossover_py} package, shipped as resources under {@value #RESOURCE_ROOT} and unpacked
 * into a temporary directory for {@code python3 -m crossover_py}; {@link #close()} deletes it.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * try (PythonPackage pkg = PythonPackage.unpack()) {
 *     ProcessBuilder pb = new ProcessBuilder("python3", "-m", "crossover_py", "models");
 *     pkg.environment(pb);
 * }
 * }
 *
 * <h2>Threading</h2>
 * One owner; not for concurrent use.
 */
public final class PythonPackage implements AutoCloseable {
    /** Where the package's files are on the class path. */
    public static final String RESOURCE_ROOT = "/python/crossover_py/";
    /** The package's files: a test checks this list against the source directory. */
    public static final List<String> FILES = List.of("__init__.py", "__main__.py", "cli.py", "models.py", "runner.py",
            "work.py");

    private final Path root;

    private PythonPackage(Path root) {
        this.root = root;
    }

    /**
     * {@return the package unpacked into a new temporary directory}
     * @throws UncheckedIOException if a file is missing from the class path or cannot be written
     */
    public static PythonPackage unpack() {
        Path root = null;
        try {
            root = Files.createTempDirectory("crossover-python-");
            Path dir = Files.createDirectories(root.resolve("crossover_py"));
            for (String name : FILES) {
                try (InputStream in = PythonPackage.class.getResourceAsStream(RESOURCE_ROOT + name)) {
                    if (in == null) {
                        throw new IOException("resource: " + RESOURCE_ROOT + name + " (expected: on the class path)");
                    }
                    Files.copy(in, dir.resolve(name));
                }
            }
            return new PythonPackage(root);
        } catch (IOException e) {
            if (root != null) {
                delete(root);
            }
            throw new UncheckedIOException("python package: " + e.getMessage(), e);
        }
    }

    /** {@return the directory to put on {@code PYTHONPATH}} */
    public Path root() {
        return root;
    }

    /** Puts the package on the process's {@code PYTHONPATH} and keeps the interpreter from writing bytecode caches. */
    public ProcessBuilder environment(ProcessBuilder process) {
        process.environment().put("PYTHONPATH", root.toString());
        process.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return process;
    }

    /** Deletes the unpacked files. */
    @Override
    public void close() {
        delete(root);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("python package: cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
