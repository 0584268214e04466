package dev.crossover.benchmarks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.util.Version;

/**
 * The run's identity, written to {@code environment.json}: the machine, the JDKs, JMH, the commit,
 * the profile and the run's start and end (ISO-8601).
 *
 * @param cpuModel         the first {@code model name} of {@code /proc/cpuinfo}, or {@code os.arch}
 * @param cores            available processors
 * @param memoryBytes      physical memory
 * @param os               name, version and architecture
 * @param jdkVendor        the vendor of the JVM running the command
 * @param jdkVersion       the version of the JVM running the command
 * @param forkedJdkVersion the JDK version JMH's forked JVMs reported; {@code null} until one point ran
 * @param jmhVersion       JMH's version
 * @param gitCommit        {@code git rev-parse HEAD} of the working directory; {@code null} outside a checkout
 * @param profile          the profile's id
 * @param startTime        when the run started
 * @param endTime          when it ended; {@code null} while it runs
 * @param hostname         the machine's name
 * @param interrupted      whether the run was stopped before its last point
 */
record Environment(String cpuModel, int cores, long memoryBytes, String os, String jdkVendor, String jdkVersion,
                   String forkedJdkVersion, String jmhVersion, String gitCommit, String profile, Instant startTime,
                   Instant endTime, String hostname, boolean interrupted) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@return this machine's environment for a run of {@code profile} starting now} */
    static Environment capture(String profile) {
        return new Environment(readCpuModel(), Runtime.getRuntime().availableProcessors(), totalMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vendor"), Runtime.version().toString(), null, Version.getPlainVersion(),
                headCommit(), profile, Instant.now(), null, localHostname(), false);
    }

    /** {@return this environment with the forked JVMs' JDK version} */
    Environment withForkedJdk(String version) {
        return new Environment(cpuModel, cores, memoryBytes, os, jdkVendor, jdkVersion, version, jmhVersion, gitCommit,
                profile, startTime, endTime, hostname, interrupted);
    }

    /** {@return this environment, ended now} */
    Environment ended(boolean interrupted) {
        return new Environment(cpuModel, cores, memoryBytes, os, jdkVendor, jdkVersion, forkedJdkVersion, jmhVersion,
                gitCommit, profile, startTime, Instant.now(), hostname, interrupted);
    }

    /** Writes it as a JSON object to {@code file}. @throws IOException if it cannot */
    void write(Path file) throws IOException {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cpuModel", cpuModel);
        f.put("cores", cores);
        f.put("memoryBytes", memoryBytes);
        f.put("os", os);
        f.put("jdkVendor", jdkVendor);
        f.put("jdkVersion", jdkVersion);
        f.put("forkedJdkVersion", forkedJdkVersion);
        f.put("jmhVersion", jmhVersion);
        f.put("gitCommit", gitCommit);
        f.put("profile", profile);
        f.put("startTime", startTime.toString());
        f.put("endTime", endTime == null ? null : endTime.toString());
        f.put("hostname", hostname);
        f.put("interrupted", interrupted);
        Files.writeString(file, JSON.writeValueAsString(f) + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }

    private static String headCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
