/** Turns results into view records and renders them through an autoescaping Pebble template into one HTML file. */
package dev.crossover.reports.html;
