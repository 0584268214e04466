/** Draws the report's charts with JFreeChart and turns them into inline SVG with JFreeSVG. */
package dev.crossover.reports.chart;
