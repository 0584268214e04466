/** An asyncio-style event loop on one {@link java.nio.channels.Selector}, and the models that run workloads on it. */
package dev.crossover.eventloop;
