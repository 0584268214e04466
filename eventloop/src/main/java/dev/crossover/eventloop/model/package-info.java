/** The {@code eventloop} and {@code eventloop-offload} models: workloads run as callbacks and timers on one {@link dev.crossover.eventloop.EventLoop}. */
package dev.crossover.eventloop.model;
