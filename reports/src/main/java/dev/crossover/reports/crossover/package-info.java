/** Gives Crossover's own runs their meaning: models, workloads, ideal bounds, winners, crossovers and claims. */
package dev.crossover.reports.crossover;
