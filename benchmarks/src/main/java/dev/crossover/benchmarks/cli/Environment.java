package dev.crossover.benchmarks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crossover.core.Kernel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import dev.crossover.core.Models;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.util.Version;

/**
 * The run's identity, written to {@code environment.json}: the machine, the JDKs, JMH, the commit,
 * the profile, the models' defaults, the kernel's calibration, the run's start and end (ISO-8601)
 * and what other processes took of the CPU meanwhile ({@link OtherLoad}).
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
 * @param busyThreshold    the cores other processes may take on average before the run counts as busy
 * @param otherLoad        what other processes, and the run, took of the CPU from start to end;
 *                         {@code null} while it runs or where it is not known (not Linux)
 * @param gitDirty         whether {@code git status --porcelain} lists a change; {@code null} (and absent
 *                         from the file) outside a checkout
 * @param modelDefaults    each model's id and its provider's defaults ({@code ModelOptions.defaults()})
 * @param unitsPerMicro    the kernel's calibration, handed to every fork
 */
record Environment(String cpuModel, int cores, long memoryBytes, String os, String jdkVendor, String jdkVersion,
                   String forkedJdkVersion, String jmhVersion, String gitCommit, String profile, Instant startTime,
                   Instant endTime, String hostname, boolean interrupted, double busyThreshold,
                   OtherLoad.Figures otherLoad, Boolean gitDirty, Map<String, String> modelDefaults, double unitsPerMicro,
                   int forks, long seed) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Environment {
        modelDefaults = Collections.unmodifiableMap(new TreeMap<>(modelDefaults));
    }

    /**
     * {@return this machine's environment for a run of {@code profile} starting now}, with every
     * model's defaults, the kernel's calibration and the busy threshold in cores
     */
    static Environment capture(String profile, Kernel.Calibration calibration, double busyThreshold) {
        return capture(profile, calibration, busyThreshold, 1, 0);
    }

    /** {@return {@link #capture(String, Kernel.Calibration, double)} of a run of {@code forks} rounds shuffled from {@code seed}} */
    static Environment capture(String profile, Kernel.Calibration calibration, double busyThreshold, int forks, long seed) {
        Map<String, String> defaults = new TreeMap<>();
        for (ModelProvider provider : Models.providers()) {
            defaults.put(provider.id(), provider.defaults(ModelOptions.defaults()));
        }
        String commit = headCommit();
        return new Environment(readCpuModel(), Runtime.getRuntime().availableProcessors(), totalMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vendor"), Runtime.version().toString(), null, Version.getPlainVersion(),
                commit, profile, Instant.now(), null, localHostname(), false, busyThreshold, null,
                commit == null ? null : dirty(), defaults, calibration.unitsPerMicro(), forks, seed);
    }

    /** {@return this environment with the forked JVMs' JDK version} */
    Environment withForkedJdk(String version) {
        return new Environment(cpuModel, cores, memoryBytes, os, jdkVendor, jdkVersion, version, jmhVersion, gitCommit,
                profile, startTime, endTime, hostname, interrupted, busyThreshold, otherLoad, gitDirty,
                modelDefaults, unitsPerMicro, forks, seed);
    }

    /** {@return this environment, ended now, with what other processes took since it started} (null: unknown) */
    Environment ended(boolean interrupted, OtherLoad.Figures otherLoad) {
        return new Environment(cpuModel, cores, memoryBytes, os, jdkVendor, jdkVersion, forkedJdkVersion, jmhVersion,
                gitCommit, profile, startTime, Instant.now(), hostname, interrupted, busyThreshold, otherLoad,
                gitDirty, modelDefaults, unitsPerMicro, forks, seed);
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
        f.put("forks", forks);
        f.put("seed", seed);
        f.put("startTime", startTime.toString());
        f.put("endTime", endTime == null ? null : endTime.toString());
        f.put("hostname", hostname);
        f.put("interrupted", interrupted);
        f.put("busyThresholdCores", busyThreshold);
        f.put("otherCpuCores", otherLoad == null ? null : otherLoad.otherCores());
        f.put("stealCpuCores", otherLoad == null ? null : otherLoad.stealCores());
        f.put("ownCpuCores", otherLoad == null ? null : otherLoad.ownCores());
        f.put("busy", otherLoad == null ? null : otherLoad.busy(busyThreshold));
        if (gitDirty != null) {
            f.put("gitDirty", gitDirty);
        }
        f.put("modelDefaults", modelDefaults);
        f.put("calibration", Map.of("unitsPerMicro", unitsPerMicro));
        // how the numbers are measured (dev.crossover.core.Driver.METHOD_VERSION): compare refuses to compare across it
        f.put("methodVersion", Integer.toString(dev.crossover.core.Driver.METHOD_VERSION));
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
        String out = git("rev-parse", "HEAD");
        return out != null && out.trim().matches("[0-9a-f]{40}") ? out.trim() : null;
    }

    private static Boolean dirty() {
        String out = git("status", "--porcelain");
        return out == null ? null : !out.isBlank();
    }

    /** {@return what {@code git args} printed}, or {@code null} if it failed or took over 10 s */
    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
