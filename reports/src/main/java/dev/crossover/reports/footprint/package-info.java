/** Reads a run's {@code footprint.json} (memory and start-up per in-flight task) for the report and {@code compare}. */
package dev.crossover.reports.footprint;
