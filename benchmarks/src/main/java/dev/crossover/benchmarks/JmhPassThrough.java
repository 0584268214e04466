package dev.crossover.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The arguments handed to JMH's own {@code Main} when the first one is not a {@code crossover}
 * command ({@code -l}, {@code SleepBenchmark -p model=eventloop}, ...), with {@link JvmFlags} for the
 * forks added, so a plain JMH run forks as quietly as the {@code run} command does.
 *
 * <h2>How the flags go in</h2>
 * As {@code -jvmArgsPrepend}, which JMH adds before a benchmark's own {@code @Fork(jvmArgs)} and
 * before a user's {@code -jvmArgs}. JMH reads one {@code -jvmArgsPrepend} as a space-separated list
 * and several as one argument each, so the flags join a single value the user gave and stay
 * separate values beside several. The forked JVM is the one {@code -jvm} names, or else this JVM's
 * {@code java} (JMH's default); its version decides the flags, and a JVM whose version cannot be
 * read gets none (never an option it might refuse).
 */
final class JmhPassThrough {
    static final String PREPEND = "-jvmArgsPrepend";
    static final String JVM = "-jvm";

    private JmhPassThrough() {
    }

    /**
     * {@return {@code args} with the flags for the forked JVM's version prepended to its options}
     *
     * @param versionOf reads the version of the JVM a {@code -jvm} path starts
     */
    static List<String> withForkFlags(List<String> args, Function<Path, Optional<Runtime.Version>> versionOf) {
        String jvm = value(args, JVM);
        Optional<Runtime.Version> forked = jvm == null ? Optional.of(Runtime.version()) : versionOf.apply(Path.of(jvm));
        List<String> flags = forked.map(JvmFlags::forJdk).orElse(List.of());
        if (flags.isEmpty()) {
            return List.copyOf(args);
        }
        List<String> rest = new ArrayList<>();
        List<String> prepends = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(PREPEND) && i + 1 < args.size()) {
                prepends.add(args.get(++i));
            } else if (a.startsWith(PREPEND + "=")) {
                prepends.add(a.substring(PREPEND.length() + 1));
            } else {
                rest.add(a);
            }
        }
        List<String> out = new ArrayList<>();
        if (prepends.size() <= 1) {
            out.add(PREPEND);
            out.add(String.join(" ", flags) + (prepends.isEmpty() ? "" : " " + prepends.get(0)));
        } else {
            flags.forEach(f -> {
                out.add(PREPEND);
                out.add(f);
            });
            prepends.forEach(p -> {
                out.add(PREPEND);
                out.add(p);
            });
        }
        out.addAll(rest);
        return List.copyOf(out);
    }

    /** {@return the value of option {@code name} ({@code name value} or {@code name=value}), the last one given}, or null */
    private static String value(List<String> args, String name) {
        String found = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                found = args.get(++i);
            } else if (args.get(i).startsWith(name + "=")) {
                found = args.get(i).substring(name.length() + 1);
            }
        }
        return found;
    }
}
