package dev.crossover.benchmarks.footprint;

import dev.crossover.benchmarks.JvmFlags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link Probe} in a fresh JVM and measures its process tree between the probe's steps.
 *
 * <p>The JVM is started as the processes module starts its workers: this JVM's own {@code java}
 * (the same JDK as the run), its class path, the version-dependent flags of {@link JvmFlags},
 * class-data sharing, no perf-data file, VM messages to standard error (kept in a file; its last
 * line is the cause when the probe fails), and the same heap and GC flags for every model
 * ({@link #jvmArgs}).
 *
 * <h2>Threading</h2>
 * {@link #run} blocks its caller; one daemon thread per probe reads its standard output.
 */
public final class ProbeJvm {
    /** How long a probe JVM may take to start and make its model. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** How long the full GC and the native memory summary may take. */
    static final Duration MEASURE_TIMEOUT = Duration.ofSeconds(120);
    /** How long the tree's processes may take to exit once the probe is done. */
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);

    private final Settings settings;

    /**
     * How every probe is started.
     *
     * @param heap         {@code -Xmx} of every probe, e.g. {@code 4g}
     * @param nmt          whether {@code -XX:NativeMemoryTracking=summary} is on
     * @param taskWait     each task's sleep: long enough for all N to wait at once through the measurement
     * @param spawnTimeout how long the N tasks may take to begin
     */
    public record Settings(String heap, boolean nmt, Duration taskWait, Duration spawnTimeout) {
        public Settings {
            Objects.requireNonNull(heap, "heap");
            if (!heap.matches("\\d+[kKmMgG]?")) {
                throw new IllegalArgumentException("heap: " + heap + " (expected: a size such as 4g or 512m)");
            }
            if (taskWait.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("wait: " + taskWait + " (expected: >= 1s)");
            }
            if (spawnTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("spawn-timeout: " + spawnTimeout + " (expected: >= 1s)");
            }
        }
    }

    public ProbeJvm(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** {@return the flags of every probe JVM, before the class path: the same for every model} */
    public List<String> jvmArgs() {
        List<String> args = new ArrayList<>(List.of("-XX:+UseG1GC", "-Xmx" + settings.heap()));
        if (settings.nmt()) {
            args.add("-XX:NativeMemoryTracking=summary");
        }
        args.addAll(List.of("-Xshare:auto", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr"));
        args.addAll(JvmFlags.forThisJdk());
        return args;
    }

    /** {@return the probe's command line for {@code model} and {@code tasks}} */
    List<String> commandLine(String model, int tasks) {
        List<String> line = new ArrayList<>();
        line.add(JvmFlags.thisJava().toString());
        line.addAll(jvmArgs());
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add(Probe.class.getName());
        line.add(model);
        line.add(Integer.toString(tasks));
        line.add(Long.toString(settings.taskWait().toMillis()));
        line.add(Long.toString(settings.spawnTimeout().toMillis()));
        return line;
    }

    /** {@return {@code tasks} tasks of {@code model} measured in a fresh JVM, or why not} */
    public Outcome run(String model, int tasks, long parallelism) {
        long start = System.nanoTime();
        Path stderr = null;
        Process process = null;
        List<ProcessHandle> tree = new ArrayList<>();
        try {
            stderr = Files.createTempFile("crossover-footprint-", ".stderr");
            process = new ProcessBuilder(commandLine(model, tasks)).redirectError(stderr.toFile()).start();
            tree.add(process.toHandle());
            Writer commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            BlockingQueue<String> lines = lines(process);

            Map<String, String> ready = await(lines, "ready", READY_TIMEOUT);
            ProcessTree before = ProcessTree.of(process.toHandle());
            send(commands, "go");
            Map<String, String> waiting = await(lines, "waiting",
                    settings.spawnTimeout().plus(READY_TIMEOUT));
            ProcessTree after = ProcessTree.of(process.toHandle());
            process.toHandle().descendants().forEach(tree::add);
            send(commands, "gc");
            Map<String, String> measured = await(lines, "measured", MEASURE_TIMEOUT);
            int left = ended(process, tree);
            long began = number(waiting, "began");
            long waitingTasks = Math.min(began, parallelism);
            Map<String, Long> nmt = new LinkedHashMap<>();
            measured.forEach((k, v) -> {
                if (k.startsWith("nmt.")) {
                    nmt.put(k.substring(4), Long.parseLong(v));
                }
            });
            if (number(measured, "ended") > 0) {
                return new Outcome.Stopped(tasks, "failed", String.format(java.util.Locale.ROOT,
                        "%,d tasks ended before the measurement did (expected: none; raise --wait above %s)",
                        number(measured, "ended"), settings.taskWait()), left, seconds(start));
            }
            return new Outcome.Measured(tasks, waitingTasks, tasks - waitingTasks, before, after,
                    number(ready, "liveHeapBytes"), number(waiting, "heapUsedBytes"), number(measured, "liveHeapBytes"),
                    number(measured, "heapCommittedBytes"), number(waiting, "jvmThreads"), number(waiting, "spawnNanos"),
                    number(waiting, "cpuNanos"), nmt, left, seconds(start));
        } catch (ProbeStopped e) {
            int left = process == null ? 0 : ended(process, tree);
            String reason = e.getMessage();
            String tail = stderr == null ? "" : lastLine(stderr);
            if (!tail.isEmpty() && e.exited) {
                reason = reason + ": " + tail;
            }
            return new Outcome.Stopped(tasks, "failed", reason, left, seconds(start));
        } catch (IOException e) {
            int left = process == null ? 0 : ended(process, tree);
            return new Outcome.Stopped(tasks, "failed", "probe JVM: " + e.getMessage(), left, seconds(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            int left = process == null ? 0 : ended(process, tree);
            return new Outcome.Stopped(tasks, "failed", "interrupted", left, seconds(start));
        } finally {
            if (stderr != null) {
                try {
                    Files.deleteIfExists(stderr);
                } catch (IOException e) {
                    // a temporary file left behind; nothing reads it
                }
            }
        }
    }

    /** The probe said it stopped or failed, went silent, or exited. */
    private static final class ProbeStopped extends Exception {
        final boolean exited;

        ProbeStopped(String message, boolean exited) {
            super(message, null, false, false);
            this.exited = exited;
        }
    }

    private static Map<String, String> await(BlockingQueue<String> lines, String event, Duration timeout)
            throws InterruptedException, ProbeStopped {
        String line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (line == null) {
            throw new ProbeStopped("no '" + event + "' from the probe within " + timeout.toSeconds() + " s", false);
        }
        if (line.equals(EOF)) {
            throw new ProbeStopped("the probe JVM exited before '" + event + "'", true);
        }
        Map<String, String> values = parse(line);
        String got = values.get("event");
        if (got.equals("stopped") || got.equals("failed")) {
            throw new ProbeStopped(values.getOrDefault("reason", got), false);
        }
        if (!got.equals(event)) {
            throw new ProbeStopped("probe said '" + got + "' (expected: " + event + ")", false);
        }
        return values;
    }

    /** {@return a probe line's event and values}: {@code event k=v ... reason=rest of the line} */
    static Map<String, String> parse(String line) {
        Map<String, String> values = new HashMap<>();
        int reason = line.indexOf(" reason=");
        String head = reason < 0 ? line : line.substring(0, reason);
        if (reason >= 0) {
            values.put("reason", line.substring(reason + " reason=".length()));
        }
        String[] words = head.strip().split(" ");
        values.put("event", words[0]);
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                values.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
        }
        return values;
    }

    private static long number(Map<String, String> values, String key) {
        String v = values.get(key);
        return v == null ? -1 : Long.parseLong(v);
    }

    private static final String EOF = "\u0000eof";

    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the probe is gone: EOF below says so
            }
            lines.add(EOF);
        }, "footprint-probe-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void send(Writer commands, String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    /**
     * Ends the probe: closes its standard input (it halts, and its workers exit as theirs closes),
     * waits for every process of {@code tree}, and kills what is still there after {@link #EXIT_TIMEOUT}.
     *
     * @return how many had to be killed
     */
    static int ended(Process process, List<ProcessHandle> tree) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: it is exiting
        }
        List<ProcessHandle> all = new ArrayList<>(tree);
        process.toHandle().descendants().forEach(all::add);
        long deadline = System.nanoTime() + EXIT_TIMEOUT.toNanos();
        int killed = 0;
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                    killed++;
                }
            }
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(EXIT_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // SIGKILL not yet delivered; counted above already
            }
        }
        return killed;
    }

    private static String lastLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: no detail
        }
        return "";
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
