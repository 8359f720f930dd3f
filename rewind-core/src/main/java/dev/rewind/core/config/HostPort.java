package dev.rewind.core.config;

/** A {@code host:port} pair, as a TCP probe takes it. */
public record HostPort(String host, int port) {

    /** Parses {@code host:port}; the port must be 1–65535. */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected host:port, e.g. localhost:5432");
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1–65535, was " + port);
            }
            return new HostPort(text.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected host:port with a numeric port, e.g. localhost:5432", e);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
