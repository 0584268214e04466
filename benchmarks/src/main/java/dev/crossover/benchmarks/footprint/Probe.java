package dev.crossover.benchmarks.footprint;

import dev.crossover.core.Completion;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import dev.crossover.core.Models;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The main class of the fresh JVM that holds one model's N waiting tasks: it makes the model,
 * submits N sleep tasks through the model's own {@code submit} and reports, as the parent asks, so
 * the parent can read the process tree's memory between the steps.
 *
 * <h2>Protocol</h2>
 * One line per message on standard output, {@code event key=value ...} (values without spaces);
 * one word per command on standard input:
 * <ol>
 * <li>{@code ready} once the model is made and a full GC has run (the baseline); then it waits for {@code go};</li>
 * <li>{@code waiting} once every task submitted and as many began as the model holds at once
 *     ({@link ModelProvider#parallelism}), and no more began for {@value #QUIET_MILLIS} ms; or
 *     {@code stopped reason=...} when a submission failed or the spawn timed out; then it waits for {@code gc};</li>
 * <li>{@code measured} after a full GC: the live heap, the native memory summary; then the JVM halts.</li>
 * </ol>
 * {@code failed reason=...} at any step ends it. When standard input closes (the parent died) the
 * JVM halts at once, and its worker processes, if any, exit as their own stdin closes.
 *
 * <h2>Why it halts instead of closing the model</h2>
 * The tasks sleep far longer than the measurement, so that all N wait at once; closing the model
 * would wait for them or interrupt them, which measures nothing. The parent checks that every
 * process of the tree is gone afterwards.
 *
 * <h2>Threading</h2>
 * {@link #main} runs the steps; one daemon thread reads standard input; the model's threads call
 * the shared {@link Counts}.
 */
public final class Probe {
    /** How long no further task may begin before the tasks count as all waiting. */
    static final long QUIET_MILLIS = 300;
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private Probe() {
    }

    /**
     * Counts what the model tells about its tasks: one instance for all of them, so the harness
     * holds no memory per task beyond what the model keeps.
     */
    static final class Counts implements Completion {
        final LongAdder began = new LongAdder();
        final LongAdder ended = new LongAdder();
        volatile long lastBeganNanos;

        @Override
        public void began() {
            began.increment();
            lastBeganNanos = System.nanoTime();
        }

        @Override
        public void waitEnded(long deadlineNanos) {
        }

        @Override
        public void completed(long result) {
            ended.increment();
        }

        @Override
        public void failed(Throwable cause) {
            ended.increment();
        }
    }

    /** Arguments: model id, tasks, each task's wait in ms, the spawn timeout in ms. */
    public static void main(String[] args) throws InterruptedException {
        String model = args[0];
        int tasks = Integer.parseInt(args[1]);
        Duration wait = Duration.ofMillis(Long.parseLong(args[2]));
        long spawnTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[3]));
        BlockingQueue<String> commands = commands();
        try {
            run(model, tasks, wait, spawnTimeoutNanos, commands);
        } catch (RuntimeException | Error e) {
            say("failed", Map.of("reason", words(e)));
        }
        OUT.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void run(String id, int tasks, Duration wait, long spawnTimeoutNanos, BlockingQueue<String> commands)
            throws InterruptedException {
        // A processes worker that holds a task longer than the task timeout is taken for hung: give it the wait and more.
        ModelOptions options = ModelOptions.defaults().withTaskTimeout(wait.plusMinutes(10));
        ModelProvider provider = Models.provider(id);
        long parallelism = provider.parallelism(options);
        Workload workload = Workload.builder(WorkloadKind.SLEEP).tasks(tasks).concurrency(tasks).io(wait).build();
        ConcurrencyModel model = provider.create(options);
        System.gc();
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("liveHeapBytes", heapUsed());
        ready.put("jvmThreads", ManagementFactory.getThreadMXBean().getThreadCount());
        say("ready", ready);
        expect(commands, "go");

        Counts counts = new Counts();
        long target = Math.min(tasks, parallelism);
        long cpu0 = CpuClock.treeNanos();
        long t0 = System.nanoTime();
        int submitted = 0;
        String stopped = null;
        try {
            for (; submitted < tasks; submitted++) {
                model.submit(workload.task(submitted), counts);
            }
        } catch (RuntimeException e) {
            stopped = "submit of task " + submitted + " failed: " + words(e);
        }
        long submittedAt = System.nanoTime();
        long lastSeen = -1;
        long lastChange = System.nanoTime();
        while (stopped == null) {
            long began = counts.began.sum();
            long now = System.nanoTime();
            if (began != lastSeen) {
                lastSeen = began;
                lastChange = now;
            } else if (began >= target && now - lastChange >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                break;
            }
            if (now - t0 > spawnTimeoutNanos) {
                stopped = String.format(java.util.Locale.ROOT, "only %,d of %,d tasks began within the spawn timeout of %d s",
                        began, target, TimeUnit.NANOSECONDS.toSeconds(spawnTimeoutNanos));
            }
            Thread.sleep(10);
        }
        long cpu1 = CpuClock.treeNanos();
        long waitingAt = Math.max(submittedAt, counts.lastBeganNanos);
        Map<String, Object> waiting = new LinkedHashMap<>();
        waiting.put("submitted", submitted);
        waiting.put("began", counts.began.sum());
        waiting.put("parallelism", parallelism == Integer.MAX_VALUE ? -1 : parallelism);
        waiting.put("ended", counts.ended.sum());
        waiting.put("spawnNanos", waitingAt - t0);
        waiting.put("submitNanos", submittedAt - t0);
        waiting.put("cpuNanos", cpu1 - cpu0);
        waiting.put("heapUsedBytes", heapUsed());
        waiting.put("heapCommittedBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted());
        waiting.put("jvmThreads", ManagementFactory.getThreadMXBean().getThreadCount());
        if (stopped != null) {
            waiting.put("reason", stopped);
            say("stopped", waiting);
            return;
        }
        say("waiting", waiting);
        expect(commands, "gc");
        System.gc();
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("liveHeapBytes", heapUsed());
        measured.put("heapCommittedBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted());
        measured.put("ended", counts.ended.sum());
        NativeMemory.summary().forEach((name, bytes) -> measured.put("nmt." + name, bytes));
        say("measured", measured);
        java.lang.ref.Reference.reachabilityFence(model);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void expect(BlockingQueue<String> commands, String command) throws InterruptedException {
        String got = commands.take();
        if (!got.equals(command)) {
            throw new IllegalStateException("command: " + got + " (expected: " + command + ")");
        }
    }

    /** {@return the commands read from standard input}; the JVM halts when it closes */
    private static BlockingQueue<String> commands() {
        BlockingQueue<String> commands = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    commands.add(line.strip());
                }
            } catch (IOException e) {
                // the parent is gone either way
            }
            Runtime.getRuntime().halt(0);  // the parent died or is done: nothing here outlives it
        }, "footprint-probe-stdin");
        reader.setDaemon(true);
        reader.start();
        return commands;
    }

    /** Prints {@code event k=v ...}; a {@code reason} goes last, as the rest of the line (it may hold spaces). */
    static void say(String event, Map<String, ?> values) {
        StringBuilder line = new StringBuilder(event);
        values.forEach((k, v) -> {
            if (!k.equals("reason")) {
                line.append(' ').append(k).append('=').append(String.valueOf(v).replaceAll("\\s+", "_"));
            }
        });
        if (values.containsKey("reason")) {
            line.append(" reason=").append(String.valueOf(values.get("reason")).replaceAll("\\R", " "));
        }
        OUT.println(line);
    }

    private static String words(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
