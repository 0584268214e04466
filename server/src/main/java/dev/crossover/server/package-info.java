/** The loopback delay server: an HTTP/1.1 keep-alive server on Netty that answers {@code GET /delay} after the asked delay with bytes derived from a token. */
package dev.crossover.server;
