/** The {@code netty} model: the same workloads as scheduled tasks on one Netty event loop, the industrial reference for {@link dev.crossover.eventloop.EventLoop}. */
package dev.crossover.eventloop.netty;
