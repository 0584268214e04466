package dev.crossover.eventloop.seeds;

import java.util.List;

/**
 * What one run of a {@link SeedExample} took.
 *
 * @param name           the example's id
 * @param article        the seed article it comes from
 * @param expectedMillis the article's time, scaled
 * @param measuredMillis the time measured here
 * @param output         the lines the example printed, in order
 */
public record SeedResult(String name, String article, double expectedMillis, double measuredMillis, List<String> output) {

    /** {@return measured over expected time} */
    public double ratio() {
        return measuredMillis / expectedMillis;
    }
}
