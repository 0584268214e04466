package dev.crossover.benchmarks.footprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resident memory and threads of a process and every process below it (a probe JVM and its
 * worker JVMs), read from {@code /proc}.
 *
 * <h2>What is counted</h2>
 * Per process {@code Pss} of {@code /proc/PID/smaps_rollup} (proportional set size: a page shared
 * by k processes counts 1/k in each, so the tree's sum counts the JVMs' shared library and
 * class-data pages about once) and {@code VmRSS} of {@code /proc/PID/status} beside it (every
 * resident page in full, so a sum over processes counts shared pages once per process), and the
 * {@code Threads} line of the same file. A process that ends while it is read is left out.
 *
 * @param pssBytes  the sum of Pss over the tree, -1 if no process's could be read
 * @param rssBytes  the sum of VmRSS over the tree
 * @param osThreads the sum of threads over the tree
 * @param pids      the processes read, the root first
 */
public record ProcessTree(long pssBytes, long rssBytes, long osThreads, List<Long> pids) {
    private static final Pattern PSS = Pattern.compile("(?m)^Pss:\\s+(\\d+) kB");
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");

    public ProcessTree {
        pids = List.copyOf(pids);
    }

    /** {@return how many processes were read} */
    public int processes() {
        return pids.size();
    }

    /** {@return the tree below and including {@code root} now} */
    public static ProcessTree of(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        long pss = 0;
        boolean anyPss = false;
        long rss = 0;
        long threads = 0;
        List<Long> pids = new ArrayList<>();
        for (ProcessHandle p : all) {
            String status = read(Path.of("/proc", Long.toString(p.pid()), "status"));
            if (status.isEmpty()) {
                continue;  // it ended meanwhile
            }
            long processPss = kilobytes(PSS, read(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup")));
            if (processPss >= 0) {
                pss += processPss;
                anyPss = true;
            }
            rss += Math.max(0, kilobytes(VM_RSS, status));
            threads += Math.max(0, value(THREADS, status));
            pids.add(p.pid());
        }
        return new ProcessTree(anyPss ? pss : -1, rss, threads, pids);
    }

    /** {@return the bytes of the first {@code pattern} match in {@code text} (a value in kB), -1 if none} */
    static long kilobytes(Pattern pattern, String text) {
        long kb = value(pattern, text);
        return kb < 0 ? -1 : kb * 1024;
    }

    /** {@return the Pss of a {@code smaps_rollup} text in bytes, -1 if it has none} */
    static long pss(String smapsRollup) {
        return kilobytes(PSS, smapsRollup);
    }

    private static long value(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String read(Path file) {
        try {
            // Not readString: it reads a /proc/sys file as its first byte only (procfs reports size 0).
            return String.join("\n", Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
