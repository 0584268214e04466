package dev.crossover.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The machine's limits on connections at once, checked before an {@code http} run of C
 * connections: open files ({@code ulimit -n}, as this JVM sees it: the JVM raises its soft limit
 * to the hard one on start), the loopback ephemeral port range, and the listen backlog
 * ({@code net.core.somaxconn}). The first two fail a run (connections beyond them cannot be
 * made); a backlog below C only delays connects beyond it (SYN retries), so it is a warning.
 */
public final class ConnectionLimits {
    /** Descriptors a JVM holds besides its connections: jars, pipes, epoll, the selector. */
    static final int SLACK = 512;

    private ConnectionLimits() {
    }

    /**
     * Checks that {@code connections} connections fit.
     *
     * @return warnings (a backlog below {@code connections}), one line each
     * @throws IllegalArgumentException naming the limit and how to raise it, if they do not fit
     */
    public static List<String> check(int connections) {
        return check(connections, Path.of("/proc"));
    }

    static List<String> check(int connections, Path proc) {
        List<String> warnings = new ArrayList<>();
        openFiles(proc).ifPresent(limit -> {
            if (limit < connections + SLACK) {
                throw new IllegalArgumentException("concurrency: " + connections + " (expected: at most "
                        + Math.max(0, limit - SLACK) + " with ulimit -n " + limit + "; raise it: ulimit -n "
                        + (connections + SLACK) + ")");
            }
        });
        ports(proc).ifPresent(range -> {
            if (range < connections) {
                throw new IllegalArgumentException("concurrency: " + connections + " (expected: at most " + range
                        + ", the ports of net.ipv4.ip_local_port_range; widen it: sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\")");
            }
        });
        read(proc.resolve("sys/net/core/somaxconn")).map(String::strip)
                .filter(text -> !text.isEmpty() && text.chars().allMatch(Character::isDigit))
                .map(Integer::parseInt).ifPresent(backlog -> {
            if (backlog < connections) {
                warnings.add("backlog: net.core.somaxconn is " + backlog + ", below " + connections
                        + " connections: connects beyond it may wait for SYN retries (raise it: sysctl -w net.core.somaxconn="
                        + connections + ")");
            }
        });
        return warnings;
    }

    private static Optional<Long> openFiles(Path proc) {
        return read(proc.resolve("self/limits")).flatMap(text -> text.lines()
                .filter(line -> line.startsWith("Max open files"))
                .findFirst()
                .map(line -> line.substring("Max open files".length()).strip().split("\\s+")[0])
                .filter(soft -> soft.chars().allMatch(Character::isDigit))
                .map(Long::parseLong));
    }

    private static Optional<Integer> ports(Path proc) {
        return read(proc.resolve("sys/net/ipv4/ip_local_port_range")).flatMap(text -> {
            String[] bounds = text.strip().split("\\s+");
            return bounds.length == 2 && (bounds[0] + bounds[1]).chars().allMatch(Character::isDigit)
                    ? Optional.of(Integer.parseInt(bounds[1]) - Integer.parseInt(bounds[0]) + 1) : Optional.empty();
        });
    }

    private static Optional<String> read(Path file) {
        try {
            // procfs files say they are empty: read until the end, not the size they report
            try (java.io.InputStream in = Files.newInputStream(file)) {
                return Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();  // not Linux, or hidden: nothing to check against
        }
    }
}
