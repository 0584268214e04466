package dev.crossover.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options every JVM this module starts gets (JMH's forks, test JVMs), chosen by that JVM's
 * version, because an older JDK refuses an option it does not know.
 *
 * <ul>
 * <li>JDK 24 and later: {@code --sun-misc-unsafe-memory-access=allow}. JMH 1.37 (and Netty 4.1)
 *     call {@code sun.misc.Unsafe}; without the option JEP 498 prints four {@code WARNING:} lines
 *     per JVM. JDK 21 to 23 do not know the option and refuse to start with it.</li>
 * <li>JDK 22 and later: {@code --enable-native-access=ALL-UNNAMED}, so a native transport (Netty's
 *     epoll) loads its library without JEP 472's warning.</li>
 * </ul>
 * The version is the one of the JVM that gets the options, which need not be the one running this
 * code: {@link #versionOf(Path)} reads it from a {@code java} executable.
 *
 * <h2>Threading</h2>
 * Stateless; every method may be called from any thread.
 */
public final class JvmFlags {
    /** The option that lets a JVM use {@code sun.misc.Unsafe}'s memory access without a warning (JDK 24+). */
    public static final String UNSAFE_ALLOW = "--sun-misc-unsafe-memory-access=allow";
    /** The option that lets class-path code call native methods without a warning (JDK 22+). */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
    private static final Pattern PROPERTY_VERSION = Pattern.compile("(?m)^\\s*java\\.version = (\\S+)");

    private JvmFlags() {
    }

    /** {@return the options for a JVM of {@code version}, in a fixed order; empty before JDK 22} */
    public static List<String> forJdk(Runtime.Version version) {
        Objects.requireNonNull(version, "version");
        List<String> flags = new ArrayList<>();
        if (version.feature() >= 22) {
            flags.add(NATIVE_ACCESS);
        }
        if (version.feature() >= 24) {
            flags.add(UNSAFE_ALLOW);
        }
        return List.copyOf(flags);
    }

    /** {@return the options for a JVM of this JVM's version}, as for a fork started from {@code java.home} */
    public static List<String> forThisJdk() {
        return forJdk(Runtime.version());
    }

    /** {@return the {@code java} executable of this JVM} */
    public static Path thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * {@return the version of the JVM the executable {@code java} starts}: the {@code JAVA_VERSION}
     * of its JDK's {@code release} file, else what it says of {@code java.version} when asked;
     * empty when neither tells (a missing file, not a JVM)
     */
    public static Optional<Runtime.Version> versionOf(Path java) {
        Path home = java.toAbsolutePath().getParent() == null ? null : java.toAbsolutePath().getParent().getParent();
        if (home != null) {
            try {
                Matcher m = RELEASE_VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
                if (m.find()) {
                    return parse(m.group(1));
                }
            } catch (IOException | RuntimeException e) {
                // no release file (a JRE image, a wrapper script): ask the JVM
            }
        }
        return asked(java);
    }

    private static Optional<Runtime.Version> asked(Path java) {
        try {
            Process p = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = PROPERTY_VERSION.matcher(out);
            return m.find() ? parse(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Runtime.Version> parse(String text) {
        try {
            return Optional.of(Runtime.Version.parse(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
