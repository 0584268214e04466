package dev.crossover.core;

import dev.crossover.core.http.BlockingClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Real I/O the blocking way, on the calling thread: what the thread models, virtual threads and
 * the serial worker processes do for a task whose wait is a request ({@link BlockingClient}, one
 * pooled keep-alive connection held per task in flight) or a file round trip (write, {@code fsync},
 * read back through a {@link FileChannel}). A virtual thread parks on the socket; on the file it
 * pins its carrier, which the JDK compensates for.
 *
 * <h2>Threading</h2>
 * Thread-safe: every task's thread calls {@link #await} at once. {@link #close()} closes the
 * client's connections, so a request blocked on one fails.
 */
public final class BlockingIo implements AutoCloseable {
    /** The mechanism a blocking model names for {@code http}. */
    public static final String HTTP_MECHANISM = "blocking sockets from a keep-alive pool (one connection per task in flight)";
    /** The mechanism a blocking model names for {@code file}. */
    public static final String FILE_MECHANISM = "blocking FileChannel write, force, read on the task's thread";

    private final String model;
    private final IoOptions options;
    private final BlockingClient client;

    /** Real I/O for {@code model} as {@code options} say; it connects on the first request. */
    public BlockingIo(String model, IoOptions options) {
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
        this.client = options.server().map(BlockingClient::new).orElse(null);
    }

    /**
     * Runs the task's wait (a request or a file round trip), tells {@code done} when it ended, then
     * fails it if the spec says so.
     *
     * @return the checksum of the bytes received or read back
     * @throws IOException if the request or the file failed (refused, reset, timed out, malformed)
     * @throws InjectedFailure if the spec makes the wait fail
     * @throws IllegalStateException if the model has no server or directory for it
     */
    public long await(TaskSpec spec, Completion done) throws IOException {
        long nanos = spec.waitNanos(0);
        long deadline = System.nanoTime() + nanos;
        long sum = switch (spec.waitKind()) {
            case HTTP -> {
                if (client == null) {
                    options.requireServer(model);
                }
                yield client.get(nanos, spec.bytes(), spec.token(), options.requestTimeout());
            }
            case FILE -> roundTrip(options.requireDirectory(model), spec);
            case TIMER -> throw new IllegalArgumentException("wait: TIMER (expected: HTTP or FILE)");
        };
        done.waitEnded(deadline);
        if (spec.waitFails(0)) {
            throw spec.waitFailure(0);
        }
        return sum;
    }

    /**
     * {@return the checksum of the bytes read back}: writes the task's {@code bytes} to a file of its
     * own in {@code directory}, forces them to the device, reads them back, deletes the file
     */
    public static long roundTrip(Path directory, TaskSpec spec) throws IOException {
        Path file = directory.resolve("task-" + spec.index() + "-" + Long.toHexString(spec.token()) + ".bin");
        byte[] chunk = new byte[Math.min(Math.max(spec.bytes(), 1), 64 * 1024)];
        Body.Sum sum = new Body.Sum();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            for (int from = 0; from < spec.bytes(); from += chunk.length) {
                int length = Math.min(chunk.length, spec.bytes() - from);
                Body.fill(spec.token(), from, chunk, 0, length);
                ByteBuffer out = ByteBuffer.wrap(chunk, 0, length);
                while (out.hasRemaining()) {
                    channel.write(out, from + out.position());
                }
            }
            channel.force(false);
            ByteBuffer in = ByteBuffer.wrap(chunk);
            long position = 0;
            while (position < spec.bytes()) {
                in.clear();
                int n = channel.read(in, position);
                if (n < 0) {
                    throw new IOException("file " + file + ": " + position + " of " + spec.bytes()
                            + " bytes read back (expected: every byte written)");
                }
                position += n;
                in.flip();
                sum.add(in);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return sum.value();
    }

    /** Closes the client's connections. Idempotent. */
    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    /** {@return {@code e} unchecked, for callers that rethrow} */
    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
