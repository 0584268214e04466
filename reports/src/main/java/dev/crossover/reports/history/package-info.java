/** Keeps a history of runs, finds the change points in it (E-Divisive means with a t-test) and judges the newest run. */
package dev.crossover.reports.history;
