package dev.crossover.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Version-dependent worker flags: added from the JDK that knows them, never before (a JDK 21 refuses them). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdkFlagsTest {
    private static final String UNSAFE = JdkFlags.UNSAFE_MEMORY_ACCESS;
    private static final String NATIVE = JdkFlags.NATIVE_ACCESS;

    @Test
    void givesTheUnsafeMemoryAccessFlagFromJdk24() {
        assertEquals(List.of(), JdkFlags.flagsFor(Runtime.Version.parse("21.0.2"), false), "21");
        assertEquals(List.of(), JdkFlags.flagsFor(Runtime.Version.parse("23"), false), "23");
        assertEquals(List.of(UNSAFE), JdkFlags.flagsFor(Runtime.Version.parse("24"), false), "24");
        assertEquals(List.of(UNSAFE), JdkFlags.flagsFor(Runtime.Version.parse("25.0.3+9-LTS"), false), "25");
    }

    @Test
    void givesTheNativeAccessFlagFromJdk22OnlyToAWorkerThatLoadsNativeCode() {
        assertEquals(List.of(), JdkFlags.flagsFor(Runtime.Version.parse("21"), true), "21, native");
        assertEquals(List.of(NATIVE), JdkFlags.flagsFor(Runtime.Version.parse("22"), true), "22, native");
        assertEquals(List.of(), JdkFlags.flagsFor(Runtime.Version.parse("22"), false), "22, no native code");
        assertEquals(List.of(UNSAFE, NATIVE), JdkFlags.flagsFor(Runtime.Version.parse("25"), true), "25, native");
    }

    @Test
    void readsTheVersionThatJavaVersionPrints() {
        assertEquals(Optional.of(Runtime.Version.parse("21.0.2")), JdkFlags.parseVersion(
                "openjdk version \"21.0.2\" 2024-01-16\nOpenJDK Runtime Environment (build 21.0.2+13-58)\n"));
        assertEquals(Optional.of(Runtime.Version.parse("25.0.3")), JdkFlags.parseVersion(
                "openjdk version \"25.0.3\" 2026-04-21 LTS\n"));
        assertEquals(Optional.empty(), JdkFlags.parseVersion("java version \"1.8.0_402\"\n"), "an old version scheme");
        assertEquals(Optional.empty(), JdkFlags.parseVersion("Error: could not find libjava.so\n"), "no version");
    }

    @Test
    void workersOfThisJvmGetTheFlagsOfItsOwnVersion() {
        WorkerCommand command = WorkerCommand.current();
        List<String> line = command.commandLine(WorkerMode.SERIAL);

        assertEquals(Optional.of(Runtime.version()), command.javaVersion(), "the parent's own launcher: its own version");
        assertEquals(Runtime.version().feature() >= 24, line.contains(UNSAFE), () -> "on " + Runtime.version() + ": " + line);
        assertFalse(line.contains(NATIVE), () -> "workers load no native code: " + line);
        assertEquals(Optional.of(Runtime.version()), JdkFlags.versionOf(command.java()), "probing the own launcher");
    }

    @Test
    void asksAnotherLauncherForItsVersion() throws IOException {
        Optional<Path> other = otherJdk();
        assumeTrue(other.isPresent(), "another JDK under /usr/lib/jvm");
        Runtime.Version released = releaseVersion(other.get());

        WorkerCommand command = WorkerCommand.current().withJava(other.get().resolve("bin/java").toString());

        assertEquals(Optional.of(released.feature()), command.javaVersion().map(Runtime.Version::feature),
                "the version its release file names");
        assertEquals(released.feature() >= 24, command.commandLine(WorkerMode.SERIAL).contains(UNSAFE),
                () -> "flags for JDK " + released + ": " + command.commandLine(WorkerMode.SERIAL));
    }

    @Test
    void givesNoVersionFlagToALauncherThatCannotStart() {
        WorkerCommand command = WorkerCommand.current().withJava("/nonexistent/bin/java");

        assertEquals(Optional.empty(), command.javaVersion(), "version");
        assertTrue(command.commandLine(WorkerMode.SERIAL).stream().noneMatch(a -> a.equals(UNSAFE) || a.equals(NATIVE)),
                () -> "flags: " + command.commandLine(WorkerMode.SERIAL));
    }

    /** {@return a JDK under /usr/lib/jvm, with a launcher and a release file, that is not this JVM's} */
    private static Optional<Path> otherJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Path own = Path.of(JdkFlags.ownLauncher()).toRealPath();
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && Files.isReadable(d.resolve("release")))
                    .filter(d -> {
                        try {
                            return !d.resolve("bin/java").toRealPath().equals(own);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .sorted()
                    .findFirst();
        }
    }

    private static Runtime.Version releaseVersion(Path jdk) throws IOException {
        String line = Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                .findFirst().orElseThrow();
        return Runtime.Version.parse(line.substring("JAVA_VERSION=".length()).replace("\"", ""));
    }
}
