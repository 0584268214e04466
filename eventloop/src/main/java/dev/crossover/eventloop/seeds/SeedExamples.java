package dev.crossover.eventloop.seeds;

import java.util.List;
import java.util.stream.Stream;

/** Every seed example, in article order: the list a {@code seeds} command runs. */
public final class SeedExamples {
    private SeedExamples() {
    }

    /** {@return the examples of seeds 000, 001 and 002} */
    public static List<SeedExample> all() {
        return Stream.of(Seed000Asyncio.examples(), Seed001SequenceVsGather.examples(), Seed002StockPrices.examples())
                .flatMap(List::stream)
                .toList();
    }
}
