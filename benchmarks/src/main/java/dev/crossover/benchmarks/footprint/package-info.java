/** Memory and start-up per in-flight task: a fresh JVM per model and task count, the platform's limits read first. */
package dev.crossover.benchmarks.footprint;
