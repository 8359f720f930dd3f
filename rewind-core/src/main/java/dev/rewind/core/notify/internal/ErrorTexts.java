package dev.rewind.core.notify.internal;

import dev.rewind.core.config.Durations;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** Why an attempt failed, in words for a Delivery's error and the log. */
final class ErrorTexts {

    private ErrorTexts() {}

    static String describe(Exception e, Duration timeout) {
        String limit = Durations.format(timeout);
        return switch (e) {
            case HttpConnectTimeoutException ignored -> "could not connect within " + limit;
            case HttpTimeoutException ignored -> "no answer within " + limit;
            case SocketTimeoutException ignored -> "no answer within " + limit;
            case UnknownHostException ignored -> "unknown host " + e.getMessage();
            case ConnectException ignored when causedBy(e, UnresolvedAddressException.class) -> "cannot connect: unknown host";
            case ConnectException ignored -> "cannot connect: " + message(e, "connection refused");
            default -> message(e, e.getClass().getSimpleName());
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The first message in the chain of causes, else {@code fallback}. */
    private static String message(Throwable e, String fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return fallback;
    }
}
