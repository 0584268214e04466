/** Thread models: a fixed platform pool, a thread per task, a ForkJoinPool and virtual threads. */
package dev.crossover.threads;
