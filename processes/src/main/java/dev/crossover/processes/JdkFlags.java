package dev.crossover.processes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags a worker gets on some JDKs only, decided by the version of the JDK that runs it:
 * an older JDK refuses a flag it does not know ("Unrecognized option"), so a flag is added only
 * from the version that has it.
 *
 * <ul>
 * <li>{@code --sun-misc-unsafe-memory-access=allow} from JDK 24 (JEP 498): libraries on the class
 *     path (Netty, when the parent is the benchmarks jar) use {@code sun.misc.Unsafe}'s memory
 *     access, and JDK 24+ prints a warning for it.</li>
 * <li>{@code --enable-native-access=ALL-UNNAMED} from JDK 22 (JEP 454), and only for a worker that
 *     loads a native library, which JDK 24+ warns about (JEP 472) unless it is enabled.</li>
 * </ul>
 */
final class JdkFlags {
    static final String UNSAFE_MEMORY_ACCESS = "--sun-misc-unsafe-memory-access=allow";
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private static final Pattern VERSION = Pattern.compile("version \"([^\"]+)\"");
    private static final long PROBE_TIMEOUT_SECONDS = 30;

    private JdkFlags() {
    }

    /** {@return the version-dependent flags for a JVM of {@code version}; {@code nativeCode}: whether it loads a native library} */
    static List<String> flagsFor(Runtime.Version version, boolean nativeCode) {
        List<String> flags = new ArrayList<>();
        if (version.feature() >= 24) {
            flags.add(UNSAFE_MEMORY_ACCESS);
        }
        if (nativeCode && version.feature() >= 22) {
            flags.add(NATIVE_ACCESS);
        }
        return flags;
    }

    /**
     * {@return the version of the JDK that {@code java} runs}: this JVM's own if {@code java} is
     * its launcher, else what {@code java -version} says; empty if that cannot be told (no such
     * launcher, an unreadable answer), and then no version-dependent flag is given
     */
    static Optional<Runtime.Version> versionOf(String java) {
        if (isOwnLauncher(java)) {
            return Optional.of(Runtime.version());
        }
        Path said = null;
        try {
            // To a file, not a pipe: a launcher that hangs cannot hang the read, only run into the timeout.
            said = Files.createTempFile("crossover-java-version", ".txt");
            Process probe = new ProcessBuilder(java, "-version").redirectErrorStream(true)
                    .redirectOutput(said.toFile()).start();
            probe.getOutputStream().close();
            if (!probe.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                probe.destroyForcibly().waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return Optional.empty();
            }
            return parseVersion(Files.readString(said, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();  // it cannot start: starting a worker with it fails and says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            deleteQuietly(said);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind; nothing depends on it
            }
        }
    }

    /** {@return the version in the first line of {@code java -version}'s output, e.g. {@code openjdk version "21.0.2" 2024-01-16}} */
    static Optional<Runtime.Version> parseVersion(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Runtime.Version.parse(m.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();  // "1.8.0_402": older than any JDK that knows these flags
        }
    }

    /** {@return the launcher of this JVM} */
    static String ownLauncher() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static boolean isOwnLauncher(String java) {
        try {
            return Files.isSameFile(Path.of(java), Path.of(ownLauncher()));
        } catch (IOException | RuntimeException e) {
            return false;  // no such file, or not a path: not this JVM's
        }
    }
}
