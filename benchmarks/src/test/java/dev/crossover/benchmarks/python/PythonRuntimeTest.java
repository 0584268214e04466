package dev.crossover.benchmarks.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which Python is used, and the one line that says why none is. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonRuntimeTest {
    @TempDir
    Path dir;

    /** A {@code python3} that prints {@code version} as its version. */
    private Path fakePython(String name, String version) throws Exception {
        Path bin = Files.createDirectories(dir.resolve(name));
        Path python = bin.resolve("python3");
        Files.writeString(python, "#!/bin/sh\necho " + version + "\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        return python;
    }

    @Test
    void findsNoneOnAPathWithoutPython() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        PythonRuntime.Found found = PythonRuntime.find(null, empty + File.pathSeparator + dir.resolve("missing"));
        assertTrue(found.runtime().isEmpty());
        assertEquals("python: none (no python3 on the PATH; expected: a Python >= 3.11, or --python PATH)", found.words());
        assertTrue(PythonRuntime.find(null, null).runtime().isEmpty());
    }

    @Test
    void refusesAPythonOlderThan311() throws Exception {
        Path old = fakePython("old", "3.10.12");
        PythonRuntime.Found found = PythonRuntime.find(null, old.getParent().toString());
        assertTrue(found.runtime().isEmpty());
        assertEquals("python: " + old + " is Python 3.10.12 (expected: >= 3.11)", found.words());
    }

    @Test
    void takesTheFirstPythonOnThePath() throws Exception {
        Path first = fakePython("a", "3.13.1");
        fakePython("b", "3.12.0");
        PythonRuntime.Found found = PythonRuntime.find(null, first.getParent() + File.pathSeparator + dir.resolve("b"));
        assertEquals(new PythonRuntime(first, "3.13.1"), found.runtime().orElseThrow());
        assertEquals("python: " + first + " (Python 3.13.1)", found.words());
    }

    @Test
    void namesAnExplicitPythonThatDoesNotRun() {
        Path missing = dir.resolve("no-such-python");
        PythonRuntime.Found found = PythonRuntime.find(missing, System.getenv("PATH"));
        assertTrue(found.runtime().isEmpty());
        assertTrue(found.words().startsWith("python: " + missing + " does not run ("), found.words());
    }
}
