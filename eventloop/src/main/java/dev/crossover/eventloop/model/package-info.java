/**
 * The {@code eventloop} and {@code eventloop-offload} models: tasks run as callbacks and timers on
 * one {@link dev.crossover.eventloop.EventLoop}; and {@link dev.crossover.eventloop.model.LoopTasks},
 * how every loop model (Netty's too) hands the tasks it is submitted to its loop and keeps those in
 * flight, so that none is ever left without an outcome.
 */
package dev.crossover.eventloop.model;
