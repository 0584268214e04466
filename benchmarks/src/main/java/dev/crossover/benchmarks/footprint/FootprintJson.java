package dev.crossover.benchmarks.footprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes {@code footprint.json}: the run's settings and limits, then per model each task count's
 * measurement (or why it was not measured) and the fits over N. Bytes are bytes, times nanoseconds
 * unless a name says otherwise; a value that could not be measured is {@code null}.
 * {@code methodVersion} changes with any change in how a number is measured, and {@code compare}
 * refuses to compare across it.
 */
public final class FootprintJson {
    /** The file's name in a run directory. */
    public static final String FILE_NAME = "footprint.json";
    /** The method version of every number in the file. */
    public static final int METHOD_VERSION = 1;
    /** How memory is measured, in words, as the file states it. */
    static final String MEMORY_MEASURE = "Pss of /proc/PID/smaps_rollup summed over the probe JVM and its descendant "
            + "processes (VmRSS of /proc/PID/status summed beside it); bytes/task is the least-squares slope of the "
            + "growth (with the N tasks waiting, before a full GC, minus before the first task) over N";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FootprintJson() {
    }

    /** {@return {@code result} as the file's JSON tree} */
    static ObjectNode tree(FootprintRun.Result result, String command) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", "crossover-footprint");
        root.put("methodVersion", METHOD_VERSION);
        root.put("command", command);
        root.put("startTime", result.start().toString());
        root.put("endTime", result.end().toString());
        root.put("wallSeconds", (result.end().toEpochMilli() - result.start().toEpochMilli()) / 1e3);
        root.put("jdkVersion", Runtime.version().toString());
        root.put("jdkVendor", System.getProperty("java.vendor"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode args = root.putArray("probeJvmArgs");
        result.jvmArgs().forEach(args::add);
        root.put("memoryMeasure", MEMORY_MEASURE);
        ObjectNode workload = root.putObject("workload");
        workload.put("kind", "sleep");
        workload.put("note", "every task sleeps far longer than the measurement, submitted through the model's own submit; "
                + "waiting = the tasks that began (at most the model's parallelism), queued = the rest it holds");
        ObjectNode limits = root.putObject("limits");
        PlatformLimits l = result.limits();
        limits.put("pidMax", l.pidMax());
        limits.put("threadsMax", l.threadsMax());
        limits.put("maxMapCount", l.maxMapCount());
        limits.put("maxUserThreads", l.maxUserThreads());
        limits.put("maxOpenFiles", l.maxOpenFiles());
        limits.put("root", l.root());
        ArrayNode loadStart = root.putArray("loadAverageStart");
        result.loadStart().forEach(loadStart::add);
        ArrayNode loadEnd = root.putArray("loadAverageEnd");
        result.loadEnd().forEach(loadEnd::add);
        ArrayNode models = root.putArray("models");
        for (ModelFootprint m : result.models()) {
            models.add(model(m));
        }
        return root;
    }

    private static ObjectNode model(ModelFootprint m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", m.model());
        node.put("parallelism", m.parallelism());
        node.put("threadsPerTask", m.threadsPerTask());
        node.put("largestTasks", m.largestTasks());
        ObjectNode fits = node.putObject("fits");
        fit(fits, "pss", m.pss(), "bytesPerTask", 1);
        fit(fits, "rss", m.rss(), "bytesPerTask", 1);
        fit(fits, "liveHeap", m.liveHeap(), "bytesPerTask", 1);
        fit(fits, "spawn", m.spawn(), "microsPerTask", 1e-3);
        fit(fits, "spawnCpu", m.spawnCpu(), "microsPerTask", 1e-3);
        ArrayNode points = node.putArray("points");
        for (Outcome o : m.outcomes()) {
            points.add(point(o));
        }
        return node;
    }

    private static void fit(ObjectNode fits, String name, Optional<Fit> fit, String slopeName, double scale) {
        if (fit.isEmpty()) {
            fits.putNull(name);
            return;
        }
        ObjectNode f = fits.putObject(name);
        number(f, slopeName, fit.get().slope() * scale);
        number(f, "intercept", fit.get().intercept() * scale);
        number(f, "r2", fit.get().r2());
        f.put("points", fit.get().points());
    }

    private static ObjectNode point(Outcome o) {
        ObjectNode p = JSON.createObjectNode();
        p.put("tasks", o.tasks());
        switch (o) {
            case Outcome.Measured m -> {
                p.put("status", "measured");
                p.put("waiting", m.waiting());
                p.put("queued", m.queued());
                tree(p.putObject("before"), m.before());
                tree(p.putObject("after"), m.after());
                p.put("pssGrowthBytes", m.pssGrowthBytes());
                p.put("liveHeapBeforeBytes", m.liveHeapBeforeBytes());
                p.put("heapUsedBeforeGcBytes", m.heapUsedBytes());
                p.put("liveHeapAfterGcBytes", m.liveHeapAfterBytes());
                p.put("heapCommittedBytes", m.heapCommittedBytes());
                p.put("jvmThreads", m.jvmThreads());
                p.put("spawnNanos", m.spawnNanos());
                number(p, "spawnMicrosPerTask", m.spawnNanos() / 1e3 / m.tasks());
                p.put("spawnCpuNanos", m.cpuNanos());
                if (m.nativeMemory().isEmpty()) {
                    p.putNull("nativeMemoryCommittedBytes");
                } else {
                    ObjectNode nmt = p.putObject("nativeMemoryCommittedBytes");
                    m.nativeMemory().forEach(nmt::put);
                }
                p.put("leftBehind", m.leftBehind());
                number(p, "wallSeconds", m.wallSeconds());
            }
            case Outcome.Stopped s -> {
                p.put("status", s.status());
                p.put("reason", s.reason());
                p.put("leftBehind", s.leftBehind());
                number(p, "wallSeconds", s.wallSeconds());
            }
        }
        return p;
    }

    private static void tree(ObjectNode node, ProcessTree t) {
        if (t.pssBytes() < 0) {
            node.putNull("pssBytes");
        } else {
            node.put("pssBytes", t.pssBytes());
        }
        node.put("rssBytes", t.rssBytes());
        node.put("osThreads", t.osThreads());
        node.put("processes", t.processes());
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    /** Writes {@code DIR/footprint.json} atomically; {@return its path} @throws IOException if it cannot be written */
    static Path write(FootprintRun.Result result, Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(tree(result, command)) + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
