package dev.crossover.reports.jmh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of a JMH result file: a benchmark method run with one set of parameters in one mode.
 *
 * @param source     the file it came from
 * @param index      its position in the file's array (for messages)
 * @param benchmark  the full benchmark name, {@code package.Class.method}
 * @param mode       JMH's mode id: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss} (or any other string)
 * @param threads    benchmark threads, 0 when absent
 * @param forks      forks, 0 when absent
 * @param jdkVersion the forked JVM's version, empty when absent (older JMH)
 * @param params     the {@code @Param} values by name, sorted by name
 * @param primary    the primary metric
 * @param secondary  the secondary metrics by {@linkplain #metricName(String) normalised name}, in file order
 */
public record JmhResult(Source source, int index, String benchmark, String mode, int threads, int forks,
                        String jdkVersion, SortedMap<String, String> params, Metric primary,
                        Map<String, Metric> secondary) {
    public JmhResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    /**
     * {@return a secondary metric's name without the prefix older JMH versions put before it}: JMH
     * up to 1.32 wrote {@code "·gc.alloc.rate"} and {@code "method·p0.50"} (the text output
     * {@code "method:·gc.alloc.rate"}), later versions {@code "gc.alloc.rate"} and {@code "p0.50"};
     * all read as the later form. Only a leading {@code ·} or a prefix {@code <method>·},
     * {@code <method>:·} or {@code <method>:} is removed, so names that hold a colon of their own,
     * such as perf's {@code cycles:u}, stay whole.
     *
     * @param method the benchmark method's name, or null when unknown (then only a leading
     *               {@code ·} or an identifier followed by {@code ·} or {@code :·} is removed)
     * @param raw    the name as JMH wrote it
     */
    public static String metricName(String method, String raw) {
        if (method != null) {
            for (String prefix : new String[] {method + ":\u00b7", method + "\u00b7", method + ":"}) {
                if (raw.startsWith(prefix) && raw.length() > prefix.length()) {
                    return raw.substring(prefix.length());
                }
            }
        }
        java.util.regex.Matcher m = OLD_PREFIX.matcher(raw);
        return m.matches() ? m.group(1) : raw;
    }

    /** {@return {@link #metricName(String, String)} for a name typed without its method} */
    public static String metricName(String raw) {
        return metricName(null, raw);
    }

    private static final java.util.regex.Pattern OLD_PREFIX =
            java.util.regex.Pattern.compile("(?:[A-Za-z_$][A-Za-z0-9_$]*:?)?\u00b7(.+)");

    /** {@return the class part of the benchmark name, {@code package.Class}} */
    public String benchmarkClass() {
        int dot = benchmark.lastIndexOf('.');
        return dot > 0 ? benchmark.substring(0, dot) : benchmark;
    }

    /** {@return the method part of the benchmark name} */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** {@return the params as {@code k=v, k=v}, or {@code "(no params)"}} */
    public String paramsLabel() {
        if (params.isEmpty()) {
            return "(no params)";
        }
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }
}
