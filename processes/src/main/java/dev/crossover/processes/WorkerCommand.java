package dev.crossover.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a worker JVM is started: the java launcher, the class path and the JVM flags.
 *
 * <p>{@link #current()} gives the parent's own launcher and class path, so workers run the same
 * code on the same JDK, also when the parent is a JMH fork (JMH passes the class path to its forks).
 * The flags keep a worker small and quick to start without slowing its CPU work: the serial
 * collector and a modest heap (the tasks allocate next to nothing), class-data sharing, no perf
 * data file, and the full JIT left alone. VM messages go to stderr, because stdout carries frames.
 * On top come the flags of {@link JdkFlags}, decided by the launcher's JDK version, so a JDK 21
 * never sees a flag it would refuse.
 *
 * @param java        the java launcher
 * @param javaVersion the version of the JDK {@code java} runs; empty if unknown, and then no
 *                    version-dependent flag is added
 * @param classPath   the class path, which must hold this module and core
 * @param jvmArgs     flags placed before the main class
 */
record WorkerCommand(String java, Optional<Runtime.Version> javaVersion, String classPath, List<String> jvmArgs) {
    /** The flags every worker gets unless a test says otherwise. */
    static final List<String> DEFAULT_JVM_ARGS = List.of(
            "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k", "-Xshare:auto", "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr");

    /**
     * Whether a worker loads a native library: no. It runs this module, core and the eventloop
     * module, which use {@code java.nio} only (no JNI, no FFM), so it needs no native access.
     */
    static final boolean LOADS_NATIVE_CODE = false;

    WorkerCommand {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(classPath, "classPath");
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** {@return the parent's own java launcher, JDK version and class path, with the default flags} */
    static WorkerCommand current() {
        return new WorkerCommand(JdkFlags.ownLauncher(), Optional.of(Runtime.version()),
                System.getProperty("java.class.path"), DEFAULT_JVM_ARGS);
    }

    /** {@return this command with another launcher, whose version is found out (see {@link JdkFlags#versionOf})} */
    WorkerCommand withJava(String java) {
        return new WorkerCommand(java, JdkFlags.versionOf(java), classPath, jvmArgs);
    }

    WorkerCommand withClassPath(String classPath) {
        return new WorkerCommand(java, javaVersion, classPath, jvmArgs);
    }

    WorkerCommand withJvmArgs(List<String> jvmArgs) {
        return new WorkerCommand(java, javaVersion, classPath, jvmArgs);
    }

    /** {@return the command line of a worker in {@code mode}} */
    List<String> commandLine(WorkerMode mode) {
        List<String> line = new ArrayList<>();
        line.add(java);
        line.addAll(jvmArgs);
        javaVersion.ifPresent(version -> line.addAll(JdkFlags.flagsFor(version, LOADS_NATIVE_CODE)));
        line.add("-cp");
        line.add(classPath);
        line.add(WorkerMain.class.getName());
        line.add(mode.name());
        return line;
    }
}
