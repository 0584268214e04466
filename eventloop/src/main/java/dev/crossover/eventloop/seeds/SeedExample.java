package dev.crossover.eventloop.seeds;

import dev.crossover.eventloop.Async;
import dev.crossover.eventloop.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One worked example of a seed article: its {@code main} coroutine, and how long the article says
 * it takes.
 *
 * @param name            a short id, e.g. {@code "001-gather"}
 * @param article         the seed article it comes from ({@code "000"}, {@code "001"}, {@code "002"})
 * @param expectedSeconds the article's time, unscaled (e.g. 2 for three 2 s tasks under gather)
 * @param main            the example's {@code async def main()}: given the scale and where to print
 */
public record SeedExample(String name, String article, double expectedSeconds, Main main) {

    /** An example's {@code main()}: runs on the loop and prints through {@code out}. */
    @FunctionalInterface
    public interface Main {
        Task<?> start(Scale scale, Consumer<String> out);
    }

    public SeedExample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(main, "main");
    }

    /**
     * Runs the example with {@code asyncio.run} semantics ({@link Async#run}) and times its
     * {@code main} from its first line to its end, as the articles do with {@code time.perf_counter()}.
     *
     * @return the expected and measured time, and what the example printed
     */
    public SeedResult run(Scale scale) {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        long elapsedNanos = Async.run(() -> {
            long start = System.nanoTime();
            return main.start(scale, printed::add).thenApply(v -> System.nanoTime() - start);
        });
        return new SeedResult(name, article, scale.seconds(expectedSeconds).toNanos() / 1e6, elapsedNanos / 1e6,
                List.copyOf(printed));
    }
}
