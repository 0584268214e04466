/** The JMH benchmarks and the {@code crossover} command line that runs them and writes the report. */
package dev.crossover.benchmarks;
