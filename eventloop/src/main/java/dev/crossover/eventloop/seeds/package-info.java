/** The seed articles' asyncio examples, translated line by line to {@link dev.crossover.eventloop.Async}, each timed against what the article says it takes. */
package dev.crossover.eventloop.seeds;
