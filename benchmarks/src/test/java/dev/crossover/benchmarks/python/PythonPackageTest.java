package dev.crossover.benchmarks.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package ships every source file and leaves nothing behind. */
class PythonPackageTest {
    @Test
    void listsEveryPythonSourceFile() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/python/crossover_py"))) {
            List<String> sources = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py")).sorted().toList();
            assertEquals(sources, PythonPackage.FILES.stream().sorted().toList());
        }
    }

    @Test
    void unpacksEveryFileAndDeletesThemOnClose() throws Exception {
        Path root;
        try (PythonPackage pkg = PythonPackage.unpack()) {
            root = pkg.root();
            for (String name : PythonPackage.FILES) {
                Path file = root.resolve("crossover_py").resolve(name);
                assertTrue(Files.size(file) > 0, file.toString());
                assertEquals(Files.readString(Path.of("src/main/python/crossover_py", name)), Files.readString(file), name);
            }
            ProcessBuilder pb = pkg.environment(new ProcessBuilder("true"));
            assertEquals(root.toString(), pb.environment().get("PYTHONPATH"));
            assertEquals("1", pb.environment().get("PYTHONDONTWRITEBYTECODE"));
        }
        assertFalse(Files.exists(root), "deleted: " + root);
    }
}
