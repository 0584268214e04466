/** The {@code crossover} command line: its commands, their options and the one-line error handling. */
package dev.crossover.benchmarks.cli;
