package dev.rewind.core.probe.internal;

import dev.rewind.core.config.ProbeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;

/** A {@code tcp} probe: healthy when a connection to {@code host:port} opens within the timeout. */
public final class TcpProbe extends BoundedProbe {

    private final ProbeConfig.Tcp config;

    public TcpProbe(String component, ProbeConfig.Tcp config, Clock clock) {
        super(component, clock);
        this.config = config;
    }

    @Override
    public ProbeConfig.Tcp config() {
        return config;
    }

    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    protected Outcome attempt(long startNanos) {
        String host = config.tcp().host();
        int port = config.tcp().port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(Math.max(1, config.timeout().toMillis())));
            return Outcome.passed(null, null);
        } catch (SocketTimeoutException e) {
            return Outcome.failed(Texts.timedOut(config.timeout()) + " connecting to " + config.tcp());
        } catch (IOException e) {
            return Outcome.failed(NetErrors.describe(e, host, port, config.timeout()));
        }
    }
}
