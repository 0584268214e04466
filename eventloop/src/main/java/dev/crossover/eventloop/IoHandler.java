package dev.crossover.eventloop;

import java.nio.channels.SelectionKey;

/** Reacts to a channel's readiness; runs on the loop thread, with the key the Selector selected. */
@FunctionalInterface
public interface IoHandler {

    /** Called on the loop thread when {@code key}'s channel is ready for some of its interest ops. */
    void ready(SelectionKey key) throws Exception;
}
