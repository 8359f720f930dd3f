package dev.rewind.core.probe.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Network failures as an operator reads them: "connection refused to localhost:3001", "unknown host db1". */
public final class NetErrors {

    private NetErrors() {}

    /**
     * What went wrong reaching {@code host:port}, from the exception and its causes.
     *
     * @param timeout the probe's timeout, for "timed out after 5s"
     */
    public static String describe(Throwable error, String host, int port, Duration timeout) {
        String target = host + ":" + port;
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof HttpConnectTimeoutException || t instanceof SocketTimeoutException
                    && message.toLowerCase(Locale.ROOT).contains("connect")) {
                return Texts.timedOut(timeout) + " connecting to " + target;
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return Texts.timedOut(timeout) + " waiting for " + target + " to answer";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host " + host + " (DNS has no address for it)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to " + target + " (host down or network unreachable)";
            }
            if (t instanceof ConnectException) {
                return message.isEmpty() || message.toLowerCase(Locale.ROOT).contains("refused")
                        ? "connection refused to " + target + " (nothing listening there)"
                        : "cannot connect to " + target + ": " + message;
            }
            if (t instanceof SSLException) {
                return "TLS with " + target + " failed: " + message;
            }
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return (error instanceof IOException ? "" : error.getClass().getSimpleName() + ": ")
                + "talking to " + target + " failed: " + message;
    }
}
