package dev.rewind.server;

import java.time.Duration;

/**
 * How {@code rewind serve} listens.
 *
 * @param bind           the address to listen on, e.g. {@code 127.0.0.1} (this host only) or {@code 0.0.0.0}
 * @param port           the port; 0 takes any free one (see {@link RewindServer#port()})
 * @param version        Rewind's version, as {@code /healthz} shows it
 * @param healthInterval how often every environment's probes run for the API's {@code health}
 */
public record ServerOptions(String bind, int port, String version, Duration healthInterval) {

    public static final Duration HEALTH_INTERVAL = Duration.ofSeconds(10);

    public ServerOptions(String bind, int port, String version) {
        this(bind, port, version, HEALTH_INTERVAL);
    }
}
