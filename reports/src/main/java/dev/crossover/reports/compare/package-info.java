/** Compares two JMH runs point by point and tells regressions from noise, for CI. */
package dev.crossover.reports.compare;
