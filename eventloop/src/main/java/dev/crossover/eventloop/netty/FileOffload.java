package dev.crossover.eventloop.netty;

import dev.crossover.core.BlockingIo;
import dev.crossover.core.OwnedThreads;
import dev.crossover.core.TaskSpec;
import io.netty.channel.EventLoop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The netty models' file path: a file has no readiness on Linux, so each task's blocking round
 * trip ({@link BlockingIo#roundTrip}: write, {@code force}, read back) runs on a small pool the
 * model owns, and its outcome goes back onto the Netty loop with {@link EventLoop#execute}, the
 * idiom a Netty user reaches for ({@code ctx.executor()} for the answer, an executor of one's own
 * for the blocking call) and the one the {@code eventloop} model uses ({@code asyncio.to_thread}).
 * The pool is sized like that model's default executor: {@code min(32, cores + 4)} daemon platform
 * threads, started on demand and let go after 10 s idle.
 *
 * <h2>Lifecycle</h2>
 * {@link #shutdown()} lets the round trips already handed over finish (a rejected hand-over
 * after it throws {@link RejectedExecutionException}); {@link #join} waits until every thread the
 * pool made has ended ({@link OwnedThreads}).
 *
 * <h2>Threading</h2>
 * {@link #roundTrip} is called on the loop thread; its callback runs on the loop thread, or not at
 * all if the loop has shut down meanwhile (the model then fails the task as it closes).
 */
final class FileOffload {
    /** The mechanism the netty models name for {@code file}. */
    static final String MECHANISM = "offloaded to the model's file pool (min(32, cores + 4) threads, as asyncio "
            + "to_thread), completion back on the Netty loop: FileChannel write, force, read";

    private final EventLoop loop;
    private final Path directory;
    private final OwnedThreads threads;
    private final ThreadPoolExecutor pool;

    /** A pool for model {@code id} whose round trips write in {@code directory} and report on {@code loop}. */
    FileOffload(String id, EventLoop loop, Path directory) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.threads = new OwnedThreads(id + "-file");
        int size = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(size, size, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads.factory(r -> {
                    Thread t = new Thread(r, "crossover-" + id + "-file-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }));
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code spec}'s round trip on the pool; {@code done} hears the checksum of the bytes read
     * back, or the failure, on the loop.
     *
     * @throws RejectedExecutionException if the pool has shut down
     */
    void roundTrip(TaskSpec spec, NettyHttpClient.Callback done) {
        pool.execute(() -> {
            long sum = 0;
            Throwable failure = null;
            try {
                sum = BlockingIo.roundTrip(directory, spec);
            } catch (Throwable t) {
                failure = t;
            }
            long result = sum;
            Throwable failed = failure;
            try {
                loop.execute(() -> done.done(result, failed));
            } catch (RejectedExecutionException e) {
                // the loop has shut down: the model fails the task as it closes
            }
            if (failure instanceof Error e) {
                throw e;  // reported to the task above; the pool thread ends with it, as an Error should
            }
        });
    }

    /** Lets the round trips handed over finish and refuses new ones. */
    void shutdown() {
        pool.shutdown();
    }

    /**
     * Waits until every thread of the pool has ended.
     *
     * @throws IllegalStateException naming the threads still alive after {@code wait}
     * @throws InterruptedException if interrupted meanwhile
     */
    void join(Duration wait) throws InterruptedException {
        threads.join(wait);
    }
}
