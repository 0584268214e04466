/** Models that run tasks in forked worker JVMs over pipes. */
package dev.crossover.processes;
