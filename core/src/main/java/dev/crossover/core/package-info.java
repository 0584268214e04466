/** The workload model, the {@link dev.crossover.core.ConcurrencyModel} SPI and what every model shares: kernel, checksum, latency. */
package dev.crossover.core;
