package dev.crossover.server;

import java.net.InetSocketAddress;
import java.util.Optional;

/** A delay server's address as the command line and system properties spell it: {@code host:port}. */
public final class HostPort {
    private HostPort() {
    }

    /** {@return {@code text} ({@code host:port}, a port from 1 to 65,535) as an address, empty when it is not one} */
    public static Optional<InetSocketAddress> parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            return port < 1 || port > 65_535 ? Optional.empty()
                    : Optional.of(new InetSocketAddress(text.substring(0, colon), port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@return {@code address} as {@code host:port}} */
    public static String format(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
