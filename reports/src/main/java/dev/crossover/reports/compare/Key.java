package dev.crossover.reports.compare;

import dev.crossover.reports.jmh.JmhResult;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What makes two JMH entries the same point: benchmark name, mode and every param.
 *
 * @param benchmark the full benchmark name, {@code package.Class.method}
 * @param mode      JMH's mode id, such as {@code thrpt}
 * @param params    every {@code @Param} value by name
 */
public record Key(String benchmark, String mode, SortedMap<String, String> params) implements Comparable<Key> {
    public Key {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** {@return the key of {@code result}} */
    public static Key of(JmhResult result) {
        return new Key(result.benchmark(), result.mode(), result.params());
    }

    /** {@return the benchmark without its package, {@code Class.method}} */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /** {@return the short name, mode and params as one line, such as {@code SleepBenchmark.run thrpt concurrency=10 model=eventloop}} */
    public String label() {
        StringBuilder b = new StringBuilder(shortName()).append(' ').append(mode);
        params.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    /** By benchmark, mode, then params; consistent with {@code equals}. */
    @Override
    public int compareTo(Key other) {
        int byName = benchmark.compareTo(other.benchmark);
        int byMode = mode.compareTo(other.mode);
        return byName != 0 ? byName : byMode != 0 ? byMode : params.toString().compareTo(other.params.toString());
    }
}
