/** Reads standard JMH JSON result files, of any JMH version and any project, into plain records. */
package dev.crossover.reports.jmh;
