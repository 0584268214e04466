package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forks' options: the class-data archive only where the JVM can dump one (a class path of jars). */
class ForkArgsTest {
    @Test
    void aClassPathOfJarsIsArchivableAndOneWithADirectoryIsNot(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("benchmarks.jar"));
        Path other = Files.createFile(dir.resolve("other.jar"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertTrue(Sweep.archivable(jar.toString()));
        assertTrue(Sweep.archivable(jar + File.pathSeparator + other));
        assertFalse(Sweep.archivable(jar + File.pathSeparator + classes), "a directory makes the dump fail");
        assertFalse(Sweep.archivable(dir.resolve("missing.jar").toString()));
        assertFalse(Sweep.archivable(""));
    }

    @Test
    void theArchiveFlagsComeOnlyWithAnArchive(@TempDir Path dir) {
        Path archive = dir.resolve("classes.jsa");
        List<String> with = List.of(Sweep.forkArgs("1g", Runtime.version(), archive));
        assertTrue(with.containsAll(List.of("-Xms1g", "-Xmx1g", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive)), with.toString());
        List<String> without = List.of(Sweep.forkArgs("1g", Runtime.version(), null));
        assertTrue(without.containsAll(List.of("-Xms1g", "-Xmx1g")), without.toString());
        assertFalse(without.stream().anyMatch(a -> a.contains("SharedArchive")), without.toString());
    }
}
