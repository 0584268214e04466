package dev.crossover.processes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a worker JVM is started: the java launcher, the class path and the JVM flags.
 *
 * <p>{@link #current()} gives the parent's own launcher and class path, so workers run the same
 * code on the same JDK, also when the parent is a JMH fork (JMH passes the class path to its forks).
 * The flags keep a worker small and quick to start without slowing its CPU work: the serial
 * collector and a modest heap (the tasks allocate next to nothing), class-data sharing, no perf
 * data file, and the full JIT left alone. VM messages go to stderr, because stdout carries frames.
 *
 * @param java      the java launcher
 * @param classPath the class path, which must hold this module and core
 * @param jvmArgs   flags placed before the main class
 */
record WorkerCommand(String java, String classPath, List<String> jvmArgs) {
    /** The flags every worker gets unless a test says otherwise. */
    static final List<String> DEFAULT_JVM_ARGS = List.of(
            "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k", "-Xshare:auto", "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr");

    WorkerCommand {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classPath, "classPath");
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** {@return the parent's own java launcher and class path, with the default flags} */
    static WorkerCommand current() {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new WorkerCommand(java, System.getProperty("java.class.path"), DEFAULT_JVM_ARGS);
    }

    WorkerCommand withJava(String java) {
        return new WorkerCommand(java, classPath, jvmArgs);
    }

    WorkerCommand withClassPath(String classPath) {
        return new WorkerCommand(java, classPath, jvmArgs);
    }

    WorkerCommand withJvmArgs(List<String> jvmArgs) {
        return new WorkerCommand(java, classPath, jvmArgs);
    }

    /** {@return the command line of a worker in {@code mode}} */
    List<String> commandLine(WorkerMode mode) {
        List<String> line = new ArrayList<>();
        line.add(java);
        line.addAll(jvmArgs);
        line.add("-cp");
        line.add(classPath);
        line.add(WorkerMain.class.getName());
        line.add(mode.name());
        return line;
    }
}
