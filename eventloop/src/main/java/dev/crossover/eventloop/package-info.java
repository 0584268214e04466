/** An asyncio-style event loop on one {@link java.nio.channels.Selector}, and the models that run tasks on it. */
package dev.crossover.eventloop;
