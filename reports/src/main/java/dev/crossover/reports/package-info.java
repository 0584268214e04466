/** Reads JMH JSON and HdrHistogram logs and writes Crossover's self-contained HTML report. */
package dev.crossover.reports;
