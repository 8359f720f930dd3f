package dev.rewind.core.config;

import java.time.Duration;

/**
 * What a healthy HTTP answer looks like.
 *
 * @param status     the expected status code (default 200)
 * @param body       a CEL assertion over {@code json} (the parsed body), {@code text} and {@code status}
 * @param maxLatency the slowest acceptable answer (null: no limit)
 */
public record HttpExpect(Integer status, BodyExpression body, Duration maxLatency) {

    public HttpExpect {
        status = status == null ? 200 : status;
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("expect.status must be an HTTP status between 100 and 599, was " + status);
        }
    }
}
