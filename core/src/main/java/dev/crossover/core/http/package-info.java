/** A small, strict HTTP/1.1 client codec (request line, {@code Content-Length} framing, keep-alive) and the blocking client the hand-written models share. */
package dev.crossover.core.http;
