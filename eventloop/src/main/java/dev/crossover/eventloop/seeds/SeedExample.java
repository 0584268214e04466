package dev.crossover.eventloop.seeds;

import dev.crossover.eventloop.Async;
import dev.crossover.eventloop.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * One worked example of a seed article: its {@code main}, and how long the article says it takes.
 * Most are coroutines on the loop ({@link #async}); where the article's point is a comparison, a
 * version on plain threads stands beside them ({@link #blocking}).
 *
 * @param name            a short id, e.g. {@code "001-gather"}
 * @param article         the seed article it comes from ({@code "000"}, {@code "001"}, {@code "002"})
 * @param expectedSeconds the article's time, unscaled (e.g. 2 for three 2 s tasks under gather)
 * @param timed           runs the example and returns how long its main took, in nanoseconds
 */
public record SeedExample(String name, String article, double expectedSeconds, Timed timed) {

    /** An example's {@code async def main()}: runs on the loop and prints through {@code out}. */
    @FunctionalInterface
    public interface Main {
        Task<?> start(Scale scale, Consumer<String> out);
    }

    /** An example's plain {@code def main()}: runs on the calling thread and may block it. */
    @FunctionalInterface
    public interface BlockingMain {
        void run(Scale scale, Consumer<String> out) throws InterruptedException;
    }

    /** Runs an example and times its main. */
    @FunctionalInterface
    public interface Timed {
        long nanos(Scale scale, Consumer<String> out);
    }

    public SeedExample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(timed, "timed");
    }

    /**
     * {@return an example whose main runs with {@code asyncio.run} semantics ({@link Async#run}),
     * timed from its first line to its end, as the articles do with {@code time.perf_counter()}}
     */
    public static SeedExample async(String name, String article, double expectedSeconds, Main main) {
        return new SeedExample(name, article, expectedSeconds, (scale, out) -> Async.run(() -> {
            long start = System.nanoTime();
            return main.start(scale, out).thenApply(v -> System.nanoTime() - start);
        }));
    }

    /** {@return an example whose main runs on the calling thread, timed the same way} */
    public static SeedExample blocking(String name, String article, double expectedSeconds, BlockingMain main) {
        return new SeedExample(name, article, expectedSeconds, (scale, out) -> {
            long start = System.nanoTime();
            try {
                main.run(scale, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("example " + name + ": interrupted");
            }
            return System.nanoTime() - start;
        });
    }

    /** {@return the expected and measured time of one run, and what the example printed} */
    public SeedResult run(Scale scale) {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        long elapsedNanos = timed.nanos(scale, printed::add);
        return new SeedResult(name, article, scale.seconds(expectedSeconds).toNanos() / 1e6, elapsedNanos / 1e6,
                List.copyOf(printed));
    }
}
